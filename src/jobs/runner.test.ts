import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { seedOrganization, TestClock } from '../../test/support/http.ts';
import { findJob } from '../db/queries/jobs.ts';
import type { JobHandler, JobRun } from './handlers.ts';
import { createJobRunner, type JobRunnerOptions } from './runner.ts';
import { scheduleJob } from './schedule-job.ts';

const MINUTE = 60_000;

describeEachDatabase('job runner', (current) => {
  let clock: TestClock;
  let runs: JobRun[];
  let failures: number;
  const handlers: Record<string, JobHandler> = {
    'jobs.selftest': async (_ctx, job) => {
      runs.push(job);
    },
    'jobs.flaky': async (_ctx, job) => {
      runs.push(job);
      if (job.attempt <= failures) throw new Error(`邮件服务器拒绝连接（第 ${job.attempt} 次）`);
    },
  };
  const runner = (options: Partial<JobRunnerOptions> = {}) =>
    createJobRunner({
      db: current().db,
      dialect: current().dialect,
      now: clock.now,
      handlers,
      schedules: [],
      ...options,
    });
  const schedule = (
    id: string,
    kind: string,
    runAt: Date,
    extra: { maxAttempts?: number; payload?: unknown } = {},
  ) => scheduleJob(current().db, { id, kind, organizationId: null, runAt, now: clock.now(), ...extra });

  beforeEach(() => {
    clock = new TestClock(new Date('2024-06-07T02:00:00.000Z'));
    runs = [];
    failures = 0;
  });

  it('keeps one row when the same slot is scheduled twice', async () => {
    expect(await schedule('jobs.selftest:1:2024-06-07', 'jobs.selftest', clock.now())).toBe(true);
    expect(await schedule('jobs.selftest:1:2024-06-07', 'jobs.selftest', new Date('2030-01-01'))).toBe(false);
    const rows = await current().db.selectFrom('jobs').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'queued', run_at: '2024-06-07T02:00:00.000Z', attempts: 0 });
  });

  it('runs due jobs once with their payload, leaves future ones queued, and marks them done', async () => {
    await schedule('a', 'jobs.selftest', new Date('2024-06-07T01:00:00Z'), {
      payload: { date: '2024-06-07' },
    });
    await schedule('b', 'jobs.selftest', new Date('2024-06-07T02:00:00Z'));
    await schedule('later', 'jobs.selftest', new Date('2024-06-07T02:00:01Z'));
    const outcomes = await runner().runDueJobs();
    expect(outcomes.map((o) => [o.id, o.state])).toEqual([
      ['a', 'done'],
      ['b', 'done'],
    ]);
    expect(runs.map((r) => [r.id, r.attempt, r.payload])).toEqual([
      ['a', 1, { date: '2024-06-07' }],
      ['b', 1, null],
    ]);
    expect(await findJob(current().db, 'a')).toMatchObject({
      state: 'done',
      attempts: 1,
      locked_by: null,
      finished_at: '2024-06-07T02:00:00.000Z',
    });
    expect((await findJob(current().db, 'later'))?.state).toBe('queued');
    expect(await runner().runDueJobs()).toEqual([]);
    expect(runs).toHaveLength(2);
  });

  it('retries a failing job after 1, 5 and 30 minutes, then keeps it as failed with its error', async () => {
    failures = 99;
    await schedule('flaky', 'jobs.flaky', clock.now(), { maxAttempts: 4 });
    const jobs = runner();
    expect((await jobs.runDueJobs()).map((o) => o.state)).toEqual(['queued']);
    expect(await findJob(current().db, 'flaky')).toMatchObject({
      state: 'queued',
      attempts: 1,
      run_at: '2024-06-07T02:01:00.000Z',
      last_error: '邮件服务器拒绝连接（第 1 次）',
    });
    for (const [waitMs, attempt] of [
      [1 * MINUTE, 2],
      [5 * MINUTE, 3],
      [30 * MINUTE, 4],
    ] as const) {
      clock.advance(waitMs - 1_000);
      expect(await jobs.runDueJobs()).toEqual([]);
      clock.advance(1_000);
      const [outcome] = await jobs.runDueJobs();
      expect(outcome).toMatchObject({ id: 'flaky', attempt });
    }
    expect(runs.map((r) => r.attempt)).toEqual([1, 2, 3, 4]);
    const failed = await findJob(current().db, 'flaky');
    expect(failed).toMatchObject({
      state: 'failed',
      attempts: 4,
      last_error: '邮件服务器拒绝连接（第 4 次）',
      finished_at: '2024-06-07T02:36:00.000Z',
    });
    clock.advance(24 * 60 * MINUTE);
    expect(await jobs.runDueJobs()).toEqual([]);
    expect((await findJob(current().db, 'flaky'))?.state).toBe('failed');
  });

  it('succeeds on a retry after one failure', async () => {
    failures = 1;
    await schedule('flaky', 'jobs.flaky', clock.now());
    await runner().runDueJobs();
    clock.advance(MINUTE);
    expect((await runner().runDueJobs()).map((o) => o.state)).toEqual(['done']);
    expect(await findJob(current().db, 'flaky')).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('fails a job of an unknown kind at once with a Chinese error', async () => {
    await schedule('mystery:1', 'reminders.unheard', clock.now());
    const [outcome] = await runner().runDueJobs();
    expect(outcome?.state).toBe('failed');
    expect((await findJob(current().db, 'mystery:1'))?.last_error).toContain(
      '未知的任务类型“reminders.unheard”',
    );
  });

  it('does not hand a leased job to a second runner until the lease runs out, then lets the first one lose it', async () => {
    await schedule('long', 'jobs.slow', clock.now());
    let release: () => void = () => {};
    const first = runner({
      runnerId: 'server-a',
      leaseMs: 5 * MINUTE,
      handlers: { 'jobs.slow': () => new Promise<void>((resolve) => (release = resolve)) },
    });
    const second = runner({
      runnerId: 'server-b',
      handlers: { 'jobs.slow': handlers['jobs.selftest'] as JobHandler },
    });
    const running = first.runDueJobs();
    await expect.poll(async () => (await findJob(current().db, 'long'))?.locked_by).toBe('server-a');
    expect(await second.runDueJobs()).toEqual([]);
    // Server A stalls past its lease: server B takes the job over as the second try.
    clock.advance(5 * MINUTE + 1);
    expect(await second.runDueJobs()).toEqual([{ id: 'long', kind: 'jobs.slow', attempt: 2, state: 'done' }]);
    release();
    expect(await running).toEqual([{ id: 'long', kind: 'jobs.slow', attempt: 1, state: 'lost' }]);
    expect(await findJob(current().db, 'long')).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('marks failed a job whose server died holding it on its last try', async () => {
    await schedule('orphan', 'jobs.selftest', clock.now(), { maxAttempts: 1 });
    await current()
      .db.updateTable('jobs')
      .set({
        state: 'running',
        attempts: 1,
        locked_by: 'dead-server',
        lease_until: '2024-06-07T02:05:00.000Z',
      })
      .execute();
    expect(await runner().runDueJobs()).toEqual([]);
    clock.advance(6 * MINUTE);
    expect(await runner().runDueJobs()).toEqual([]);
    const orphan = await findJob(current().db, 'orphan');
    expect(orphan).toMatchObject({ state: 'failed', locked_by: null });
    expect(orphan?.last_error).toContain('服务在完成前停止');
    expect(runs).toEqual([]);
  });

  it('runs each of many jobs exactly once when two runners claim at the same time', async () => {
    for (let n = 0; n < 30; n++) await schedule(`many:${n}`, 'jobs.selftest', clock.now());
    const [a, b] = await Promise.all([
      runner({ runnerId: 'a', batchSize: 3 }).runDueJobs(),
      runner({ runnerId: 'b', batchSize: 3 }).runDueJobs(),
    ]);
    const ids = [...(a ?? []), ...(b ?? [])].map((o) => o.id).sort();
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect(runs).toHaveLength(30);
  });

  it("creates today's daily slot per organization with a deterministic id, due at once after its time", async () => {
    const { organizationId } = await seedOrganization(current());
    const schedules = [
      { kind: 'jobs.selftest', at: '08:30' },
      { kind: 'jobs.flaky', at: '17:00' },
    ];
    // 10:00 in Beijing on 7 June: the 08:30 slot is due at once, the 17:00 one later today.
    const jobs = runner({ schedules });
    expect(await jobs.scheduleDailyJobs()).toBe(2);
    expect(await jobs.scheduleDailyJobs()).toBe(0);
    expect(await findJob(current().db, `jobs.selftest:${organizationId}:2024-06-07`)).toMatchObject({
      run_at: '2024-06-07T00:30:00.000Z',
      organization_id: organizationId,
      payload: '{"date":"2024-06-07"}',
    });
    expect((await findJob(current().db, `jobs.flaky:${organizationId}:2024-06-07`))?.run_at).toBe(
      '2024-06-07T09:00:00.000Z',
    );
    expect((await jobs.runDueJobs()).map((o) => o.id)).toEqual([
      `jobs.selftest:${organizationId}:2024-06-07`,
    ]);
    expect(runs[0]?.organizationId).toBe(organizationId);
    // 16:30 UTC is already the next day in Beijing: that day's slots are new jobs.
    clock.current = new Date('2024-06-07T16:30:00.000Z');
    expect(await jobs.scheduleDailyJobs()).toBe(2);
    expect(await findJob(current().db, `jobs.selftest:${organizationId}:2024-06-08`)).toBeDefined();
  });
});
