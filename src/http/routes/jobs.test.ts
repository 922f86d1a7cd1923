import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { type Browser, login, seedOrganization, seedUser, testApp } from '../../../test/support/http.ts';
import { insertOrganization } from '../../db/queries/organizations.ts';
import { createJobRunner } from '../../jobs/runner.ts';
import { scheduleJob } from '../../jobs/schedule-job.ts';
import type { JobList } from '../../shared/jobs.ts';

describeEachDatabase('jobs routes', (current) => {
  let app: FastifyInstance;
  let admin: Browser;
  let clerk: Browser;
  let organizationId: number;
  const now = new Date('2024-06-07T02:00:00.000Z');

  beforeEach(async () => {
    ({ organizationId } = await seedOrganization(current()));
    const otherId = await insertOrganization(current().db, {
      name: '另一个教育局',
      createdAt: now.toISOString(),
    });
    await seedUser(current(), organizationId, 'admin', ['admin']);
    await seedUser(current(), organizationId, 'zhangsan', ['department'], '办公室');
    const add = (id: string, kind: string, org: number | null, runAt: string) =>
      scheduleJob(current().db, { id, kind, organizationId: org, runAt: new Date(runAt), now });
    await add(
      `digest.daily:${organizationId}:2024-06-06`,
      'digest.daily',
      organizationId,
      '2024-06-06T00:30:00Z',
    );
    await add(`broken:${organizationId}`, 'reminders.gone', organizationId, '2024-06-05T00:30:00Z');
    await add(`digest.daily:${otherId}:2024-06-07`, 'digest.daily', otherId, '2024-06-07T00:30:00Z');
    await add('maintenance:2024-06-08', 'maintenance', null, '2024-06-08T00:00:00Z');
    // The runner knows digest.daily only: the unknown kind fails, the other organization's job is done.
    await createJobRunner({
      db: current().db,
      dialect: current().dialect,
      now: () => now,
      handlers: { 'digest.daily': async () => {} },
      schedules: [],
    }).runDueJobs();
    app = await testApp(current(), { now: () => now });
    admin = await login(app, 'admin');
    clerk = await login(app, 'zhangsan');
  });
  afterEach(() => app.close());

  const list = async (query = '') => {
    const response = await app.inject({ method: 'GET', url: `/api/jobs${query}`, headers: admin.headers });
    expect(response.statusCode).toBe(200);
    return response.json<JobList>();
  };
  const retry = (browser: Browser, id: string) =>
    app.inject({
      method: 'POST',
      url: `/api/jobs/${encodeURIComponent(id)}/retry`,
      headers: browser.headers,
    });

  it("lists the organization's jobs and the organization-less ones, failed first, with the error", async () => {
    const body = await list();
    expect(body.jobs.map((j) => [j.id, j.state])).toEqual([
      [`broken:${organizationId}`, 'failed'],
      ['maintenance:2024-06-08', 'queued'],
      [`digest.daily:${organizationId}:2024-06-06`, 'done'],
    ]);
    expect(body.jobs[0]).toMatchObject({
      kind: 'reminders.gone',
      organizationName: '郧西县教育局',
      attempts: 1,
      lastError: expect.stringContaining('未知的任务类型'),
    });
    expect(body.counts).toEqual({ queued: 1, running: 0, done: 1, failed: 1 });
    expect((await list('?state=done')).jobs.map((j) => j.id)).toEqual([
      `digest.daily:${organizationId}:2024-06-06`,
    ]);
  });

  it('refuses a non-administrator and an unknown state', async () => {
    const asClerk = await app.inject({ method: 'GET', url: '/api/jobs', headers: clerk.headers });
    expect(asClerk.statusCode).toBe(403);
    const wrongState = await app.inject({
      method: 'GET',
      url: '/api/jobs?state=lost',
      headers: admin.headers,
    });
    expect(wrongState.statusCode).toBe(400);
    expect((await retry(clerk, `broken:${organizationId}`)).statusCode).toBe(403);
  });

  it('puts a failed job back in the queue, due now, audited; refuses other states and other organizations', async () => {
    const id = `broken:${organizationId}`;
    expect((await retry(admin, id)).statusCode).toBe(204);
    const job = (await list()).jobs.find((j) => j.id === id);
    expect(job).toMatchObject({ state: 'queued', attempts: 0, runAt: now.toISOString(), finishedAt: null });
    const audit = await current()
      .db.selectFrom('audit_log')
      .select(['action', 'actor_label', 'after'])
      .where('entity_type', '=', 'job')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'jobs.retry', actor_label: 'admin' });
    expect(JSON.parse(audit[0]?.after ?? '{}')).toMatchObject({ id, state: 'queued' });

    const again = await retry(admin, id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('只有“失败”的任务可以重试');
    expect((await retry(admin, 'no-such-job')).statusCode).toBe(404);
    const others = await current()
      .db.selectFrom('jobs')
      .select('id')
      .where('organization_id', '!=', organizationId)
      .execute();
    for (const other of others) expect((await retry(admin, other.id)).statusCode).toBe(404);
  });
});
