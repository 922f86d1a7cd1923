import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { countRows } from '../../../test/support/factories.ts';
import { type Browser, login, multipartBody, TEST_PASSWORD } from '../../../test/support/http.ts';
import { seedWorkflow, type WorkflowFixture } from '../../../test/support/workflow-fixture.ts';
import { hashPassword } from '../../domain/accounts/passwords.ts';
import { buildApp } from '../app.ts';

// Completions sent with a report over HTTP: a bad field is refused in Chinese and writes nothing;
// a good one stores each completion with the file it names and the report with the rest.

describeEachDatabase('completions filed with a report over HTTP', (current) => {
  let app: FastifyInstance;
  let f: WorkflowFixture;
  let office: Browser;

  beforeEach(async () => {
    f = await seedWorkflow(current());
    await current()
      .db.updateTable('users')
      .set({ password_hash: await hashPassword(TEST_PASSWORD) })
      .execute();
    app = await buildApp({ database: current(), logger: false, webRoot: false, now: f.clock.now });
    office = await login(app, 'bgs');
  });
  afterEach(() => app.close());

  const report = { period: '2024-04', status: 'on_track', percent: '40', narrative: '4月按计划推进' };
  const send = (completions: string, files: Array<{ name: string; bytes: Buffer }> = []) => {
    const { payload, type } = multipartBody({ ...report, completions }, files);
    return app.inject({
      method: 'POST',
      url: `/api/tasks/${f.taskId}/reports`,
      headers: { ...office.headers, 'content-type': type },
      payload,
    });
  };
  const minutes = { name: '纪要.txt', bytes: Buffer.from('4月学习纪要') };
  const study = (extra: Record<string, unknown> = {}) =>
    JSON.stringify([{ indicatorId: f.indicatorId, occurredOn: '2024-04-12', note: '4月学习', ...extra }]);

  it('refuses broken JSON, a file it names but did not send, and a future day — in Chinese, writing nothing', async () => {
    const before = await countRows(current().db);
    const cases: Array<[string, Array<{ name: string; bytes: Buffer }>, string]> = [
      ['[{"indicatorId":', [], '完成记录格式不正确，请刷新填报页面后重试。'],
      [
        study({ files: ['签到表.txt'] }),
        [minutes],
        '完成记录引用的附件“签到表.txt”没有随填报一起上传，请重新选择该文件。',
      ],
      [study({ occurredOn: '2024-05-20' }), [], '完成日期不能晚于今天，请在事项完成后再登记。'],
    ];
    for (const [completions, files, message] of cases) {
      const response = await send(completions, files);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.message).toContain(message);
    }
    expect(await countRows(current().db)).toEqual(before);
  });

  it('stores the completion with the file it names and the report with the others', async () => {
    const response = await send(study({ files: [minutes.name] }), [
      minutes,
      { name: '小结.txt', bytes: Buffer.from('4月小结') },
    ]);
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<{
      evidence: Array<{ fileName: string }>;
      completions: Array<{ evidence: Array<{ fileName: string }> }>;
    }>();
    expect(body.evidence.map((e) => e.fileName)).toEqual(['小结.txt']);
    expect(body.completions.map((c) => c.evidence.map((e) => e.fileName))).toEqual([['纪要.txt']]);
  });
});
