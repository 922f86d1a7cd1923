import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { addOrganization, addPlan, addUnit, addUser, countRows } from '../../../test/support/factories.ts';
import { type Browser, login, multipartBody, TEST_PASSWORD } from '../../../test/support/http.ts';
import { seedWorkflow, type WorkflowFixture } from '../../../test/support/workflow-fixture.ts';
import { hashPassword } from '../../domain/accounts/passwords.ts';
import { ledgerMessages as M } from '../../domain/ledger/messages.ts';
import type { DecompositionPreview, DecompositionResult } from '../../shared/ledgers.ts';
import { buildApp } from '../app.ts';

async function readBook(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as Parameters<typeof book.xlsx.load>[0]);
  return book;
}

async function xlsx(rows: ReadonlyArray<ReadonlyArray<string | number>>) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('分解');
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

describeEachDatabase('ledgers (台账) over HTTP', (current) => {
  let app: FastifyInstance;
  let fixture: WorkflowFixture;
  let otherPlanId: number;
  const as: Record<string, Browser> = {};

  beforeEach(async () => {
    fixture = await seedWorkflow(current());
    const { db } = current();
    const org = fixture.actors.supervisor.organizationId;
    const school = await addUnit(db, org, '城关小学', 'school');
    await addUser(db, org, 'school', ['school'], { unitId: school });
    const otherOrg = await addOrganization(db, '别的教育局');
    otherPlanId = (await addPlan(db, otherOrg)).planId;
    await addUser(db, otherOrg, 'outsider', ['supervisor']);
    await db
      .updateTable('users')
      .set({ password_hash: await hashPassword(TEST_PASSWORD) })
      .execute();
    app = await buildApp({ database: current(), logger: false, webRoot: false, now: fixture.clock.now });
    for (const name of ['duban', 'admin', 'bgs', 'rsg', 'chenll', 'viewer', 'school', 'outsider'])
      as[name] = await login(app, name);
  });
  afterEach(() => app.close());

  const exportAs = (who: string | null, planId = fixture.planId) =>
    app.inject({
      method: 'GET',
      url: `/api/plans/${planId}/ledger.xlsx`,
      headers: who ? as[who]!.headers : {},
    });
  const upload = (
    who: string | null,
    url: string,
    bytes: Buffer,
    fields: Record<string, string> = {},
    name = '分解表.xlsx',
  ) => {
    const body = multipartBody(fields, [{ name, bytes }]);
    return app.inject({
      method: 'POST',
      url,
      headers: { ...(who ? as[who]!.headers : {}), 'content-type': body.type },
      payload: body.payload,
    });
  };
  const preview = (who: string | null, bytes: Buffer, name?: string) =>
    upload(who, `/api/plans/${fixture.planId}/decomposition/preview`, bytes, {}, name);
  const confirm = (who: string | null, bytes: Buffer, fields: Record<string, string>) =>
    upload(who, `/api/plans/${fixture.planId}/decomposition`, bytes, fields);

  it('downloads the ledger with a Chinese file name; each role gets the tasks it may see', async () => {
    const response = await exportAs('duban');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const fileName = encodeURIComponent('云溪区2024年教育体育工作要点台账-2024-05-10.xlsx');
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${fileName}`);
    const rowsOf = async (who: string) => {
      const reply = await exportAs(who);
      expect(reply.statusCode, `${who}: ${reply.body}`).toBe(200);
      const book = await readBook(reply.rawPayload);
      return book.getWorksheet('总台账')!.rowCount - 1;
    };
    // supervisor, admin and viewer read the whole plan; a department its own tasks; a leader the
    // items naming them; a school without tasks gets an empty ledger.
    expect(await rowsOf('duban')).toBe(2);
    expect(await rowsOf('admin')).toBe(2);
    expect(await rowsOf('viewer')).toBe(2);
    expect(await rowsOf('bgs')).toBe(1);
    expect(await rowsOf('rsg')).toBe(1);
    expect(await rowsOf('chenll')).toBe(1);
    expect(await rowsOf('school')).toBe(0);
    expect((await exportAs(null)).statusCode).toBe(401);
    expect((await exportAs('duban', otherPlanId)).statusCode).toBe(404);
    const bad = await app.inject({
      method: 'GET',
      url: `/api/plans/${fixture.planId}/ledger.xlsx?asOf=2024-13-40`,
      headers: as.duban!.headers,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('previews and imports a decomposition for supervisors only; the export itself imports as no change', async () => {
    const exported = (await exportAs('duban')).rawPayload;
    const roundTrip = await preview('duban', exported);
    expect(roundTrip.statusCode, roundTrip.body).toBe(200);
    expect(roundTrip.json<DecompositionPreview>().counts).toMatchObject({ new: 0, changed: 0, unchanged: 2 });
    // The fixture's administrator is also a supervisor (三员分立: admin alone sees no business data).
    for (const who of ['bgs', 'chenll', 'viewer', 'school']) {
      const refused = await preview(who, exported);
      expect(refused.statusCode, who).toBe(403);
      expect(refused.json().error.message).toBe(M.importerOnly);
      expect((await confirm(who, exported, { digest: 'a'.repeat(64) })).statusCode, who).toBe(403);
    }
    expect((await preview(null, exported)).statusCode).toBe(401);
    expect(
      (await upload('duban', `/api/plans/${otherPlanId}/decomposition/preview`, exported)).statusCode,
    ).toBe(404);

    const file = await xlsx([
      ['要点序号', '任务内容', '牵头单位', '配合单位', '完成时限'],
      [1, '制订理论学习计划', '人事股', '办公室', '2024-06-30'],
      [1, '坚持每月开展党委理论中心组学习', '办公室', '', '2024-12-31'],
      [2, '未知单位的任务', '宣传股', '', '2024-06-30'],
    ]);
    const before = await countRows(current().db);
    const shown = await preview('duban', file);
    expect(shown.statusCode, shown.body).toBe(200);
    const body = shown.json<DecompositionPreview>();
    expect(body.counts).toMatchObject({ rows: 3, new: 1, changed: 1, unreadable: 1 });
    expect(body.changedTasks[0]).toMatchObject({ taskId: fixture.taskId, changed: ['coOwners'] });
    expect(body.unreadable[0]).toMatchObject({ row: 4, column: '牵头单位' });
    expect(await countRows(current().db)).toEqual(before);

    const notSkipped = await confirm('duban', file, { digest: body.digest });
    expect(notSkipped.statusCode).toBe(400);
    expect(notSkipped.json().error.message).toContain('第 4 行无法读取');
    const badDigest = await confirm('duban', file, { digest: 'zz' });
    expect(badDigest.statusCode).toBe(400);
    expect(await countRows(current().db)).toEqual(before);
    const done = await confirm('duban', file, { digest: body.digest, skipUnreadable: 'true' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<DecompositionResult>()).toMatchObject({ changed: [fixture.taskId], skippedRows: [4] });
    expect(done.json<DecompositionResult>().created).toHaveLength(1);
    // The plan changed: the old preview no longer applies.
    const stale = await confirm('duban', file, { digest: body.digest, skipUnreadable: 'true' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe(M.previewStale);
  });

  it('answers each role as the permission matrix lists it (no file sent)', async () => {
    // anonymous, another bureau's supervisor, viewer, 人事股, 办公室, leader, admin, supervisor
    const who = [null, 'outsider', 'viewer', 'rsg', 'bgs', 'chenll', 'admin', 'duban'] as const;
    const statuses = async (send: (w: string | null) => Promise<{ statusCode: number }>) => {
      const codes: number[] = [];
      for (const w of who) codes.push((await send(w)).statusCode);
      return codes.join(' ');
    };
    const form = (w: string | null, url: string, fields: Record<string, string>) => {
      const body = multipartBody(fields, []);
      return app.inject({
        method: 'POST',
        url,
        headers: { ...(w ? as[w]!.headers : {}), 'content-type': body.type },
        payload: body.payload,
      });
    };
    expect(await statuses((w) => exportAs(w))).toBe('401 404 200 200 200 200 200 200');
    expect(await statuses((w) => form(w, `/api/plans/${fixture.planId}/decomposition/preview`, {}))).toBe(
      '401 404 403 403 403 403 400 400',
    );
    expect(
      await statuses((w) =>
        form(w, `/api/plans/${fixture.planId}/decomposition`, { digest: 'a'.repeat(64) }),
      ),
    ).toBe('401 404 403 403 403 403 400 400');
  });

  it('refuses files that are not .xlsx with 415 and broken workbooks with 400, in Chinese', async () => {
    const text = await preview('duban', Buffer.from('要点序号,任务内容\n1,学习\n'), '分解.csv');
    expect(text.statusCode).toBe(415);
    expect(text.json().error.message).toBe(M.notXlsx('分解.csv'));
    const pdf = await preview('duban', Buffer.from('%PDF-1.4\n%\xe2\xe3\n1 0 obj\n'), '分解.pdf');
    expect(pdf.statusCode).toBe(415);
    const broken = await preview('duban', Buffer.from([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9, 9, 9]), '坏.xlsx');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toBe(M.brokenXlsx('坏.xlsx'));
    const empty = await app.inject({
      method: 'POST',
      url: `/api/plans/${fixture.planId}/decomposition/preview`,
      headers: as.duban!.headers,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
  });
});
