import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type BulletinFixture, seedBulletinMonth } from '../../../test/support/bulletin-fixture.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { addOrganization, addUser } from '../../../test/support/factories.ts';
import { type Browser, login, TEST_PASSWORD } from '../../../test/support/http.ts';
import { hashPassword } from '../../domain/accounts/passwords.ts';
import type { BulletinDetail, BulletinView } from '../../shared/bulletins.ts';
import { buildApp } from '../app.ts';

describeEachDatabase('monthly bulletins (工作通报) over HTTP', (current) => {
  let app: FastifyInstance;
  let f: BulletinFixture;
  const as: Record<string, Browser> = {};

  beforeEach(async () => {
    f = await seedBulletinMonth(current());
    // A supervisor of another bureau: nothing of this one exists for them.
    const otherOrg = await addOrganization(current().db, '郧西县教育局');
    await addUser(current().db, otherOrg, 'other', ['supervisor']);
    const hash = await hashPassword(TEST_PASSWORD);
    await current().db.updateTable('users').set({ password_hash: hash }).execute();
    app = await buildApp({ database: current(), logger: false, webRoot: false, now: f.clock.now });
    for (const name of ['duban', 'admin', 'bgs', 'chenll', 'viewer', 'other'])
      as[name] = await login(app, name);
  });
  afterEach(() => app.close());

  const send = (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers: who ? as[who]?.headers : {}, ...(payload ? { payload } : {}) });
  const statuses = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const result: Record<string, number> = {};
    for (const who of ['bgs', 'chenll', 'viewer', 'other']) {
      result[who] = (await send(who, method, url, payload)).statusCode;
    }
    return result;
  };
  const editOf = (detail: BulletinDetail, changes: object = {}) => ({
    version: detail.version,
    title: detail.content.title,
    subtitle: detail.content.subtitle,
    intro: detail.content.intro,
    sections: detail.content.sections.map((s) => ({
      key: s.key,
      text: s.text,
      parts: s.parts.map((p) => p.text),
      after: s.after,
    })),
    closing: detail.content.closing,
    issuer: detail.content.issuer,
    ...changes,
  });

  it('lets supervisors and admins write, leaders and viewers read issued ones, and nobody else', async () => {
    // Generating: only the bureau's supervisors and admins; others are refused before anything is read.
    expect(await statuses('POST', '/api/bulletins', { planId: f.planId, month: '2024-05' })).toEqual({
      bgs: 403,
      chenll: 403,
      viewer: 403,
      other: 404,
    });
    expect(
      (await send(null, 'POST', '/api/bulletins', { planId: f.planId, month: '2024-05' })).statusCode,
    ).toBe(401);
    const created = await send('duban', 'POST', '/api/bulletins', { planId: f.planId, month: '2024-05' });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: number }>();
    const again = await send('admin', 'POST', '/api/bulletins', { planId: f.planId, month: '2024-05' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(
      '2024年5月的通报草稿已存在，请打开草稿继续编辑，或在草稿中重新生成。',
    );

    // The draft: supervisors and admins see it; leaders and viewers do not; departments read no bulletins.
    expect(await statuses('GET', `/api/bulletins/${id}`)).toEqual({
      bgs: 403,
      chenll: 404,
      viewer: 404,
      other: 404,
    });
    expect(await statuses('GET', `/api/bulletins/${id}/docx`)).toEqual({
      bgs: 403,
      chenll: 404,
      viewer: 404,
      other: 404,
    });
    const lists = async () => {
      const out: Record<string, number | string> = {};
      for (const who of ['duban', 'admin', 'bgs', 'chenll', 'viewer', 'other']) {
        const response = await send(who, 'GET', `/api/bulletins?planId=${f.planId}`);
        out[who] =
          response.statusCode === 200
            ? response.json<{ bulletins: BulletinView[] }>().bulletins.length
            : response.statusCode;
      }
      return out;
    };
    expect(await lists()).toEqual({ duban: 1, admin: 1, bgs: 403, chenll: 0, viewer: 0, other: 0 });
    // The server's day, so the month picker offers the months begun by the server's clock.
    expect((await send('duban', 'GET', '/api/bulletins')).json().today).toBe('2024-06-03');
    const detail = (await send('admin', 'GET', `/api/bulletins/${id}`)).json<BulletinDetail>();
    expect(detail).toMatchObject({ state: 'draft', canEdit: true, month: '2024-05', createdBy: 'duban' });

    // Editing and issuing: supervisors and admins only.
    const edit = editOf(detail, { intro: '五月，各单位认真落实工作要点。' });
    expect(await statuses('PUT', `/api/bulletins/${id}`, edit)).toEqual({
      bgs: 403,
      chenll: 403,
      viewer: 403,
      other: 404,
    });
    const edited = await send('admin', 'PUT', `/api/bulletins/${id}`, edit);
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toEqual({ id, version: 2 });
    const preview = await send('duban', 'GET', `/api/bulletins/${id}/docx`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(decodeURIComponent(String(preview.headers['content-disposition']))).toContain(
      '2024年5月工作通报（草稿）.docx',
    );
    expect(await statuses('POST', `/api/bulletins/${id}/issue`, { version: 2 })).toEqual({
      bgs: 403,
      chenll: 403,
      viewer: 403,
      other: 404,
    });
    const issued = await send('duban', 'POST', `/api/bulletins/${id}/issue`, { version: 2 });
    expect(issued.statusCode, issued.body).toBe(200);
    const { sha256 } = issued.json<{ sha256: string }>();

    // Issued: leaders and viewers read it and download the exact file; it can no longer change.
    expect(await statuses('GET', `/api/bulletins/${id}`)).toEqual({
      bgs: 403,
      chenll: 200,
      viewer: 200,
      other: 404,
    });
    expect(await lists()).toEqual({ duban: 1, admin: 1, bgs: 403, chenll: 1, viewer: 1, other: 0 });
    const read = (await send('chenll', 'GET', `/api/bulletins/${id}`)).json<BulletinDetail>();
    expect(read).toMatchObject({ state: 'issued', issuedBy: 'duban', canEdit: false, fileSha256: sha256 });
    expect(read.content.intro).toBe('五月，各单位认真落实工作要点。');
    const file = await send('viewer', 'GET', `/api/bulletins/${id}/docx`);
    expect(file.statusCode).toBe(200);
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(sha256);
    const late = await send('duban', 'PUT', `/api/bulletins/${id}`, editOf(read));
    expect(late.statusCode).toBe(409);
    expect(
      (await send('duban', 'POST', `/api/bulletins/${id}/regenerate`, { version: read.version })).statusCode,
    ).toBe(409);
  });

  it('answers bad input with a Chinese message naming the field, and writes nothing', async () => {
    const badMonth = await send('duban', 'POST', '/api/bulletins', { planId: f.planId, month: '2024-13' });
    expect(badMonth.statusCode).toBe(400);
    expect(badMonth.json().error.message).toContain('月份格式应为 YYYY-MM，如 2024-06');
    const future = await send('duban', 'POST', '/api/bulletins', { planId: f.planId, month: '2024-08' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({
      message: '2024年8月尚未开始，不能生成该月的工作通报。',
      details: { field: 'month' },
    });
    expect(await current().db.selectFrom('bulletins').select('id').execute()).toEqual([]);
    expect(
      await current().db.selectFrom('audit_log').select('id').where('entity_type', '=', 'bulletin').execute(),
    ).toEqual([]);
    const { id } = (
      await send('duban', 'POST', '/api/bulletins', { planId: f.planId, month: '2024-05' })
    ).json<{
      id: number;
    }>();
    const detail = (await send('duban', 'GET', `/api/bulletins/${id}`)).json<BulletinDetail>();
    const noTitle = await send('duban', 'PUT', `/api/bulletins/${id}`, editOf(detail, { title: '  ' }));
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().error.message).toContain('请填写通报标题');
    const stale = await send('duban', 'PUT', `/api/bulletins/${id}`, editOf(detail, { version: 5 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('通报草稿已被他人修改，请刷新后重试。');
    expect((await send('duban', 'GET', '/api/bulletins/999999')).statusCode).toBe(404);
    const regenerated = await send('duban', 'POST', `/api/bulletins/${id}/regenerate`, { version: 1 });
    expect(regenerated.statusCode, regenerated.body).toBe(200);
    expect(regenerated.json()).toMatchObject({ id, version: 2 });
  });
});
