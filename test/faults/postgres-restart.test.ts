import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/connect.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { type PrivatePostgres, privatePostgresProblem, startPrivatePostgres } from './private-postgres.ts';
import {
  type Acknowledged,
  expectWholeAndAcknowledged,
  FAULT_CLOCK,
  type Filing,
  fileReport,
  login,
  type Session,
  type Slot,
  seedClerks,
} from './support.ts';

// PostgreSQL crashes (pg_ctl stop -m immediate) while clerks file reports through a real server,
// stays down a while, and comes back. Meanwhile every request gets a clean 503 in Chinese (never a
// 500, never a dropped connection), the server process stays up, recovers by itself once the
// database is back, and every filing that was refused can be filed again (nothing half-stored).

const problem = privatePostgresProblem();
if (problem) console.warn(`跳过 PostgreSQL 重启测试：${problem}`);

let cluster: PrivatePostgres | undefined;
let server: ServerProcess | undefined;
let database: Database | undefined;
afterAll(async () => {
  if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  await database?.close();
  cluster?.destroy();
});

describe.skipIf(problem !== undefined)('PostgreSQL restarted under load', () => {
  it('answers 503 while it is down, recovers by itself and loses nothing', async () => {
    cluster = await startPrivatePostgres();
    database = await openDatabase({ url: cluster.url });
    const slots = await seedClerks(database);
    await database.close();
    database = undefined;
    server = await startServerProcess({
      DATABASE_URL: cluster.url,
      DUBAN_CLOCK: FAULT_CLOCK,
      JOBS_INTERVAL_MS: '200',
    });
    const { url } = server;
    const sessions = new Map<string, Session>();
    for (const username of new Set(slots.map((s) => s.username)))
      sessions.set(username, await login(url, username));

    // A filing counts for a phase only when it was sent and answered within it: one sent just before
    // the stop may commit and be answered after, one sent while down may meet the restarted server.
    type Phase = 'before' | 'down' | 'after' | 'between';
    let phase: Phase = 'before' as Phase;
    let stopping = false;
    let next = 0;
    const acknowledged: Acknowledged[] = [];
    const outcomes: Array<{ phase: Phase; filing: Filing }> = [];
    let storedAfterRefusal = 0;
    // A worker keeps a refused slot and files it again until it is stored: a 503 must have stored
    // nothing, or the retry would meet "already filed" (409) instead of 201.
    const worker = async () => {
      let slot: Slot | undefined;
      let refusedBefore = false;
      let attempt = 0;
      while (!stopping) {
        slot ??= slots[next++];
        if (!slot) break;
        const label = `pg-${slot.taskId}-${slot.period}-${attempt++}`;
        const sentIn = phase;
        const filing = await fileReport(url, sessions.get(slot.username) ?? {}, slot, label);
        outcomes.push({ phase: sentIn === phase ? phase : 'between', filing });
        if (filing.kind === 'stored') {
          acknowledged.push(filing.report);
          if (refusedBefore) storedAfterRefusal += 1;
          slot = undefined;
          refusedBefore = false;
        } else {
          refusedBefore = true;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    };
    const workers = Promise.all(Array.from({ length: 4 }, worker));
    await expect.poll(() => acknowledged.length, { timeout: 30_000 }).toBeGreaterThan(3);

    cluster.stop('immediate');
    phase = 'down';
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { message: string }).message).toBe('数据库不可用');
    const whileDown = outcomes.filter((o) => o.phase === 'down');
    expect(whileDown.length).toBeGreaterThan(0);

    cluster.start();
    phase = 'after';
    const storedBefore = acknowledged.length;
    await expect
      .poll(() => acknowledged.length, {
        timeout: 30_000,
        message: `no filing stored after the restart; last outcomes: ${JSON.stringify(outcomes.slice(-4))}`,
      })
      .toBeGreaterThan(storedBefore + 3);
    stopping = true;
    await workers;
    expect(server.child.exitCode).toBeNull();

    // While down: 503 with the Chinese message, nothing else.
    for (const { filing } of outcomes.filter((o) => o.phase === 'down')) {
      expect(filing.kind).toBe('refused');
      if (filing.kind !== 'refused') continue;
      expect(filing.status, filing.body).toBe(503);
      const body = JSON.parse(filing.body) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('UNAVAILABLE');
      expect(body.error.message).toMatch(/数据库暂时无法连接，本次操作未保存/);
    }
    // A dropped answer or a 500 anywhere would be a failure too.
    const unclean = outcomes.filter(
      (o) => o.filing.kind === 'no-answer' || (o.filing.kind === 'refused' && o.filing.status !== 503),
    );
    expect(unclean).toEqual([]);
    expect(storedAfterRefusal).toBeGreaterThan(0);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    database = await openDatabase({ url: cluster.url });
    await expectWholeAndAcknowledged(database, acknowledged);
    console.info(
      `PostgreSQL restart: ${outcomes.length} filings, ${whileDown.length}+ answered 503 while down, ${storedAfterRefusal} refused then filed again`,
    );
  }, 180_000);
});
