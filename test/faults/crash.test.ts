import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/connect.ts';
import { skipsPostgres, testPostgresUrl } from '../support/databases.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import {
  type Acknowledged,
  expectWholeAndAcknowledged,
  FAULT_CLOCK,
  fileReport,
  login,
  longTests,
  type Session,
  type Slot,
  seedClerks,
} from './support.ts';

// kill -9 in the middle of a burst of report filings, again and again: whatever the server
// answered 201 to must be there after the restart, whole (report, file bytes, audit entry), and
// nothing may be half-written. SQLite runs WAL with synchronous=NORMAL, which loses nothing on a
// process crash (only a power cut can take the last transactions, never corrupt the file).
// CI runs 5 kills per database; DUBAN_LONG_TESTS=1 runs the 20 of the issue.

const KILLS = longTests ? 20 : 5;
const WORKERS = 4;

let server: ServerProcess | undefined;
let database: Database | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  server = undefined;
  await database?.close();
  database = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

async function crashAgainAndAgain(env: Record<string, string>, open: () => Promise<Database>) {
  database = await open();
  const slots = await seedClerks(database);
  const serverEnv = { ...env, JOBS: 'off', DUBAN_CLOCK: FAULT_CLOCK };
  const acknowledged: Acknowledged[] = [];
  const sessions = new Map<string, Session>();
  let next = 0;
  let unanswered = 0;
  // Each round may start at most its share of the slots, so twenty rounds never run out; the kill
  // comes a random moment after the first success, or at once when the round's share is sent.
  const perRound = Math.floor(slots.length / (KILLS + 1));
  for (let round = 0; round < KILLS; round++) {
    const roundEnd = next + perRound;
    let shareSent: () => void = () => {};
    const allSent = new Promise<void>((resolve) => {
      shareSent = resolve;
    });
    server = await startServerProcess(serverEnv);
    const { url } = server;
    // Sessions live in the database: those made before the first crash keep working after each.
    if (round === 0)
      for (const username of new Set(slots.map((s) => s.username)))
        sessions.set(username, await login(url, username));
    let firstStored: () => void = () => {};
    const someStored = new Promise<void>((resolve) => {
      firstStored = resolve;
    });
    let killed = false;
    const worker = async () => {
      while (!killed && next < roundEnd) {
        const slot = slots[next++] as Slot;
        if (next === roundEnd) shareSent();
        const filing = await fileReport(url, sessions.get(slot.username) ?? {}, slot, `r${round}-${next}`);
        if (filing.kind === 'stored') {
          acknowledged.push(filing.report);
          firstStored();
        } else if (filing.kind === 'no-answer') unanswered += 1;
        // Refusals are only "already filed" by an earlier round that died before answering.
        else expect(filing.status, filing.body).toBe(409);
      }
    };
    const workers = Promise.all(Array.from({ length: WORKERS }, worker));
    // Should the slots run out, the workers end without a filing to wait for.
    await Promise.race([someStored, workers]);
    await Promise.race([new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 120)), allSent]);
    killed = true;
    server.child.kill('SIGKILL');
    await server.exited;
    await workers;
  }
  expect(next).toBeLessThan(slots.length);
  // One more start: the server comes up on what the last kill left and still answers.
  server = await startServerProcess(serverEnv);
  const health = await fetch(`${server.url}/healthz`);
  expect(health.status).toBe(200);
  server.child.kill('SIGTERM');
  await server.exited;
  await database.close();
  database = await open();
  await expectWholeAndAcknowledged(database, acknowledged);
  return { acknowledged: acknowledged.length, unanswered };
}

describe(`kill -9 during report filing (${KILLS} times)`, () => {
  it(
    'loses no acknowledged report and half-writes nothing on SQLite',
    async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'duban-crash-'));
      const url = `sqlite:${join(dataDir, 'duban.db')}`;
      const result = await crashAgainAndAgain({ DATABASE_URL: url }, () => openDatabase({ url }));
      expect(result.acknowledged).toBeGreaterThanOrEqual(KILLS);
      console.info(
        `SQLite: ${KILLS} kills, ${result.acknowledged} acknowledged, ${result.unanswered} cut off`,
      );
    },
    60_000 + KILLS * 30_000,
  );

  it.skipIf(skipsPostgres())(
    'loses no acknowledged report and half-writes nothing on PostgreSQL',
    async () => {
      const schema = `${process.env.DUBAN_TEST_RUN ?? 'tlocal'}_${randomBytes(5).toString('hex')}`;
      const result = await crashAgainAndAgain(
        { DATABASE_URL: testPostgresUrl, DATABASE_SCHEMA: schema },
        () => openDatabase({ url: testPostgresUrl, schema }),
      );
      expect(result.acknowledged).toBeGreaterThanOrEqual(KILLS);
      console.info(
        `PostgreSQL: ${KILLS} kills, ${result.acknowledged} acknowledged, ${result.unanswered} cut off`,
      );
    },
    60_000 + KILLS * 30_000,
  );
});
