import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import {
  EVALUATION_NOW,
  type EvaluationFixture,
  seedEvaluationFixture,
} from '../../../test/support/evaluation-fixture.ts';
import { testClock } from '../../../test/support/factories.ts';
import { type Browser, login, TEST_PASSWORD } from '../../../test/support/http.ts';
import { hashPassword } from '../../domain/accounts/passwords.ts';
import type { Evaluation } from '../../shared/evaluations.ts';
import { buildApp } from '../app.ts';

// Who may do what (route × role → status), own unit and another unit:
//   GET evaluation: supervisor/admin/leader/viewer 200 (all units); department/school 200 (own line only)
//   PUT rubric, POST/DELETE adjustments, POST lock: supervisor/admin 2xx; leader/viewer/department/school 403
//   GET xlsx/docx: supervisor/admin/leader/viewer 200; department/school 403
const USERS = ['duban', 'admin', 'leader', 'viewer', 'bgs', 'rsg', 'cgxx'] as const;
type Who = (typeof USERS)[number];

describeEachDatabase('year-end evaluation over HTTP', (current) => {
  let app: FastifyInstance;
  let fixture: EvaluationFixture;
  const as: Partial<Record<Who, Browser>> = {};

  beforeEach(async () => {
    fixture = await seedEvaluationFixture(current());
    const hash = await hashPassword(TEST_PASSWORD);
    await current().db.updateTable('users').set({ password_hash: hash }).execute();
    app = await buildApp({
      database: current(),
      logger: false,
      webRoot: false,
      now: testClock(EVALUATION_NOW).now,
    });
    for (const name of USERS) as[name] = await login(app, name);
  });
  afterEach(() => app.close());

  const send = (who: Who, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, headers: as[who]?.headers, ...(payload ? { payload } : {}) });
  const base = () => `/api/plans/${fixture.planId}/evaluation`;
  const rubric = { completion: 60, timeliness: 25, quality: 15, bonusCap: 5, penaltyCap: 10 };

  it('lets each role read what it may, and only supervisors and admins change it', async () => {
    for (const who of ['duban', 'admin', 'leader', 'viewer'] as const) {
      const response = await send(who, 'GET', base());
      expect(response.statusCode, `${who}: ${response.body}`).toBe(200);
      const evaluation = response.json<Evaluation>();
      // Without bonus or penalty: 人事股 34.29 + 18.75 + 13.50 = 66.54; 办公室 40.00 + 15.63 + 10.71 = 66.34;
      // 安全股 filed none of its reports: 70.59 but ranked after both; 教研室 无考核数据; 财务股 无考核任务.
      expect(evaluation.departments.map((u) => [u.rank, u.unitName, u.total, u.unranked])).toEqual([
        [1, '人事股', 66.54, null],
        [2, '办公室', 66.34, null],
        [3, '安全股', 70.59, null],
        [null, '教研室', null, 'noData'],
        [null, '财务股', null, 'noTasks'],
      ]);
      expect(evaluation.canEdit).toBe(who === 'duban' || who === 'admin');
    }
    const own = (await send('cgxx', 'GET', base())).json<Evaluation>();
    expect(own.departments).toEqual([]);
    expect(own.schools.map((u) => [u.unitName, u.rank])).toEqual([['城关小学', 1]]);
    const office = (await send('bgs', 'GET', base())).json<Evaluation>();
    expect(office.departments.map((u) => u.unitName)).toEqual(['办公室']);

    for (const who of ['leader', 'viewer', 'bgs', 'cgxx'] as const) {
      const put = await send(who, 'PUT', `${base()}/rubric`, rubric);
      expect(put.statusCode, who).toBe(403);
      expect(put.json().error.message).toBe('只有本单位的督办人员可以修改考核规则、加减分或发布考核。');
      const add = await send(who, 'POST', `${base()}/adjustments`, {
        unitId: fixture.units.office,
        kind: 'bonus',
        points: 1,
        reason: '自评加分',
      });
      expect(add.statusCode, who).toBe(403);
      expect((await send(who, 'POST', `${base()}/lock`, { confirm: true })).statusCode, who).toBe(403);
      const file = await send(who, 'GET', `${base()}/xlsx`);
      expect(file.statusCode, who).toBe(who === 'leader' || who === 'viewer' ? 200 : 403);
    }
    expect((await send('admin', 'PUT', `${base()}/rubric`, rubric)).statusCode).toBe(200);
    const added = await send('duban', 'POST', `${base()}/adjustments`, {
      unitId: fixture.units.office,
      kind: 'bonus',
      points: 2,
      reason: '承办全市现场会',
    });
    expect(added.statusCode, added.body).toBe(201);
    const { id } = added.json<{ id: number }>();
    expect((await send('bgs', 'DELETE', `${base()}/adjustments/${id}`)).statusCode).toBe(403);
    expect((await send('duban', 'DELETE', `${base()}/adjustments/${id}`)).statusCode).toBe(204);
    expect((await send('duban', 'DELETE', `${base()}/adjustments/${id}`)).statusCode).toBe(404);
    // Another organization's plan does not exist.
    expect((await send('duban', 'GET', `/api/plans/${fixture.planId + 999}/evaluation`)).statusCode).toBe(
      404,
    );
  });

  it('refuses bad input with Chinese messages and writes nothing', async () => {
    const wrongSum = await send('duban', 'PUT', `${base()}/rubric`, { ...rubric, quality: 20 });
    expect(wrongSum.statusCode).toBe(400);
    expect(wrongSum.body).toContain('三项权重之和须为 100');
    const noReason = await send('duban', 'POST', `${base()}/adjustments`, {
      unitId: fixture.units.office,
      kind: 'penalty',
      points: 1,
      reason: '  ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('请填写加减分理由');
    const tooFine = await send('duban', 'POST', `${base()}/adjustments`, {
      unitId: fixture.units.office,
      kind: 'bonus',
      points: 1.234,
      reason: '精确到三位',
    });
    expect(tooFine.body).toContain('分值最多保留两位小数');
    const noConfirm = await send('duban', 'POST', `${base()}/lock`, {});
    expect(noConfirm.statusCode).toBe(400);
    expect(noConfirm.body).toContain('请确认发布并锁定');
    const evaluation = (await send('duban', 'GET', base())).json<Evaluation>();
    expect(evaluation.adjustments).toEqual([]);
    expect(evaluation.rubric.version).toBeNull();
    expect(evaluation.locked).toBeNull();
  });

  it('locks, then serves the same result and files, and refuses changes', async () => {
    const before = (await send('duban', 'GET', base())).json<Evaluation>();
    const lock = await send('duban', 'POST', `${base()}/lock`, { confirm: true });
    expect(lock.statusCode, lock.body).toBe(200);
    const after = (await send('viewer', 'GET', base())).json<Evaluation>();
    expect(after.locked).toEqual({ at: '2024-07-10T02:00:00.000Z', by: 'duban' });
    expect(after.departments).toEqual(before.departments);
    const put = await send('duban', 'PUT', `${base()}/rubric`, rubric);
    expect(put.statusCode).toBe(409);
    expect(put.json().error.message).toBe('考核已于 2024-07-10 10:00 发布并锁定，不能再修改。');

    const xlsx = await send('leader', 'GET', `${base()}/xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(String(xlsx.headers['content-disposition'])).toContain(
      encodeURIComponent('2024年度年终考核结果.xlsx'),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    expect(book.getWorksheet('考核排名')?.getRow(2).getCell(3).value).toBe('人事股');
    expect(book.getWorksheet('考核排名')?.getRow(2).getCell(12).value).toBe(66.54);

    const docx = await send('duban', 'GET', `${base()}/docx`);
    expect(docx.statusCode).toBe(200);
    const xml = strFromU8(
      unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml'] ?? new Uint8Array(),
    );
    expect(xml).toContain('已发布并锁定');
    expect(xml).toContain('总分：40.00 + 15.63 + 10.71 = 66.34');
  });
});
