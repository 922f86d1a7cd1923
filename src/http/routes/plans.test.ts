import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import {
  type Browser,
  login,
  seedOrganization,
  seedUser,
  TestClock,
  testApp,
} from '../../../test/support/http.ts';

const notice = readFileSync(
  new URL('../../../test/fixtures/notices/yunxi-2024-jiaoti-gongzuo-yaodian.txt', import.meta.url),
);

interface TreeTask {
  id: number;
  indicators?: Array<{ id: number }>;
}

describeEachDatabase('plan and task routes', (current) => {
  let app: FastifyInstance;
  let supervisor: Browser;
  let clerk: Browser;
  beforeEach(async () => {
    const { organizationId } = await seedOrganization(current());
    await seedUser(current(), organizationId, 'duban', ['supervisor']);
    await seedUser(current(), organizationId, 'zhangsan', ['department'], '办公室');
    app = await testApp(current(), { now: new TestClock(new Date('2024-04-20T02:00:00Z')).now });
    supervisor = await login(app, 'duban');
    clerk = await login(app, 'zhangsan');
  });
  afterEach(() => app.close());

  it('parses a notice without saving, imports it as a draft (201), publishes it and serves the tree', async () => {
    const parsed = await app.inject({
      method: 'POST',
      url: '/api/notices/parse',
      headers: supervisor.headers,
      payload: { text: notice.toString('utf8') },
    });
    expect(parsed.statusCode).toBe(200);
    expect(parsed.json().sections).toHaveLength(5);
    expect(
      (await app.inject({ method: 'GET', url: '/api/plans', headers: supervisor.headers })).json().plans,
    ).toEqual([]);

    const refused = await app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: clerk.headers,
      payload: { text: notice.toString('utf8'), createUnits: true },
    });
    expect(refused.statusCode).toBe(403);

    const imported = await app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: supervisor.headers,
      payload: { text: notice.toString('utf8'), createUnits: true },
    });
    expect(imported.statusCode).toBe(201);
    const planId = imported.json().id;
    expect(planId).toEqual(expect.any(Number));
    const published = await app.inject({
      method: 'POST',
      url: `/api/plans/${planId}/publish`,
      headers: supervisor.headers,
    });
    expect(published.statusCode).toBe(200);
    expect(published.json().tasks).toBeGreaterThan(0);
    expect(
      (await app.inject({ method: 'POST', url: `/api/plans/${planId}/publish`, headers: supervisor.headers }))
        .statusCode,
    ).toBe(409);

    const tree = await app.inject({
      method: 'GET',
      url: `/api/plans/${planId}`,
      headers: supervisor.headers,
    });
    expect(tree.statusCode).toBe(200);
    expect(JSON.stringify(tree.json())).toContain('办公室');
    expect(
      (await app.inject({ method: 'GET', url: '/api/plans/999999', headers: supervisor.headers })).statusCode,
    ).toBe(404);
  });

  it('lets the owning department acknowledge and report with a file, refuses a bad period, and the supervisor returns it', async () => {
    const imported = await app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: supervisor.headers,
      payload: { text: notice.toString('utf8'), createUnits: true },
    });
    const planId = imported.json().id;
    await app.inject({ method: 'POST', url: `/api/plans/${planId}/publish`, headers: supervisor.headers });
    const tree = (
      await app.inject({ method: 'GET', url: `/api/plans/${planId}`, headers: clerk.headers })
    ).json();
    const tasks: TreeTask[] = [];
    JSON.stringify(tree, (key, value) => {
      if (key === 'tasks' && Array.isArray(value)) tasks.push(...(value as TreeTask[]));
      return value;
    });
    expect(tasks.length).toBeGreaterThan(0);
    const task = tasks[0]!;
    const ack = await app.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/acknowledge`,
      headers: clerk.headers,
    });
    expect(ack.statusCode).toBe(200);

    const boundary = '----duban-report';
    const field = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const payload = Buffer.concat([
      Buffer.from(
        field('period', '2024-04') +
          field('status', 'on_track') +
          field('percent', '40') +
          field('narrative', '已召开会议'),
      ),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="会议纪要.txt"\r\n\r\n`,
      ),
      Buffer.from('4月12日召开会议'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const report = await app.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/reports`,
      headers: { ...clerk.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(report.statusCode).toBe(201);
    const reportId = report.json().id;
    const badPeriod = await app.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/reports`,
      headers: clerk.headers,
      payload: { period: '2024/4', status: 'on_track', percent: 10, narrative: 'x' },
    });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().error.details.issues[0].field).toBe('period');

    const byClerk = await app.inject({
      method: 'POST',
      url: `/api/reports/${reportId}/review`,
      headers: clerk.headers,
      payload: { decision: 'accept' },
    });
    expect([403, 404]).toContain(byClerk.statusCode);
    const returned = await app.inject({
      method: 'POST',
      url: `/api/reports/${reportId}/review`,
      headers: supervisor.headers,
      payload: { decision: 'return', comment: '请补充会议纪要' },
    });
    expect(returned.statusCode).toBe(200);
    expect(returned.json().state).toBe('returned');
  });
});
