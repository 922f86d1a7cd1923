import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/connect.ts';
import { migrateToLatest, migrateUpTo } from '../../src/db/migrate.ts';
import { purgeAuditBefore } from '../../src/domain/audit/purge-audit.ts';
import { recordAuditEvent } from '../../src/domain/audit/record-event.ts';
import { sealAuditChains } from '../../src/domain/audit/seal-chain.ts';
import { countPendingEntries, verifyAuditChains } from '../../src/domain/audit/verify-chain.ts';
import { isAppError } from '../../src/domain/errors.ts';
import { describeEachDatabase, skipsPostgres, testPostgresUrl } from '../support/databases.ts';
import {
  multipartBody,
  seedOrganization,
  seedUser,
  sessionCookie,
  TEST_PASSWORD,
  TestClock,
  testApp,
} from '../support/http.ts';
import { yunxiText } from '../support/yunxi.ts';

// The audit trail is a hash chain per organization (等保 2.0 安全审计): an entry edited, deleted or
// moved with raw SQL is named by `duban audit verify` (exit 1); entries older than 180 days can be
// purged from the command line only, and the kept chain still verifies from its anchor; appends of
// one organization from two connections at once still form one chain (PostgreSQL).

const ROOT = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'duban-audit-chain-'));
const onExit: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of onExit) await close();
  rmSync(scratch, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function duban(env: Record<string, string>, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'duban'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Some writes of two organizations through the use cases (users added), each one audited. */
async function someWrites(database: Database): Promise<{ first: number; second: number }> {
  const { organizationId: first } = await seedOrganization(database, '郧西县教育局');
  const { organizationId: second } = await seedOrganization(database, '竹山县教育局');
  for (const name of ['a1', 'a2', 'a3', 'a4']) await seedUser(database, first, name, ['viewer']);
  for (const name of ['b1', 'b2']) await seedUser(database, second, name, ['viewer']);
  return { first, second };
}

async function chainRows(database: Database, organizationId: number) {
  return database.db
    .selectFrom('audit_log')
    .select(['id', 'seq', 'after', 'created_at'])
    .where('organization_id', '=', organizationId)
    .orderBy('seq')
    .execute();
}

async function firstBreak(database: Database) {
  const reports = await verifyAuditChains(database.db);
  return reports.find((r) => r.firstBreak)?.firstBreak ?? null;
}

describeEachDatabase('audit hash chain', (current, dialect) => {
  it('chains every write per organization; an edited, a deleted and a reordered entry are each named', async () => {
    const database = current();
    const { first, second } = await someWrites(database);
    const reports = await verifyAuditChains(database.db);
    expect(reports.map((r) => [r.chainId, r.firstBreak])).toEqual([
      [first, null],
      [second, null],
    ]);
    const rows = await chainRows(database, first);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(reports[0]?.entries).toBe(rows.length);
    const target = rows[2];
    if (!target) throw new Error('too few entries');

    // Edited: one character of the stored JSON.
    await sql`update audit_log set after = ${`${target.after ?? ''} `} where id = ${target.id}`.execute(
      database.db,
    );
    expect(await firstBreak(database)).toMatchObject({
      id: target.id,
      seq: 3,
      problem: expect.stringMatching(/被修改/),
    });
    await sql`update audit_log set after = ${target.after} where id = ${target.id}`.execute(database.db);
    expect(await firstBreak(database)).toBeNull();

    // Reordered: entries 2 and 3 swap places in the chain.
    const [two, three] = [rows[1], rows[2]];
    if (!two || !three) throw new Error('too few entries');
    await sql`update audit_log set seq = -1 where id = ${two.id}`.execute(database.db);
    await sql`update audit_log set seq = 2 where id = ${three.id}`.execute(database.db);
    await sql`update audit_log set seq = 3 where id = ${two.id}`.execute(database.db);
    expect(await firstBreak(database)).toMatchObject({
      id: three.id,
      seq: 2,
      problem: expect.stringMatching(/调换/),
    });
    await sql`update audit_log set seq = -1 where id = ${three.id}`.execute(database.db);
    await sql`update audit_log set seq = 2 where id = ${two.id}`.execute(database.db);
    await sql`update audit_log set seq = 3 where id = ${three.id}`.execute(database.db);
    expect(await firstBreak(database)).toBeNull();

    // Deleted: entry 3 is gone, entry 4 is named; the last entry gone is a missing tail.
    await sql`delete from audit_log where id = ${target.id}`.execute(database.db);
    expect(await firstBreak(database)).toMatchObject({
      id: rows[3]?.id,
      seq: 4,
      problem: expect.stringMatching(/缺少序号 3.*被删除/),
    });
    const org2 = await chainRows(database, second);
    await sql`delete from audit_log where id = ${org2.at(-1)?.id ?? 0}`.execute(database.db);
    const broken = (await verifyAuditChains(database.db)).find((r) => r.chainId === second)?.firstBreak;
    expect(broken).toMatchObject({ id: null, problem: expect.stringMatching(/链尾缺失/) });
  });

  it('verify from the command line names the first broken entry and exits 1', async () => {
    // The command line opens the database by its address: a SQLite file, or this run's schema.
    let env: Record<string, string>;
    let database: Database;
    if (dialect === 'sqlite') {
      const url = `sqlite:${join(scratch, `cli-${randomBytes(4).toString('hex')}.db`)}`;
      database = await openDatabase({ url });
      env = { DATABASE_URL: url };
    } else {
      database = current();
      const schema =
        (await sql<{ s: string }>`select current_schema() as s`.execute(database.db)).rows[0]?.s ?? '';
      env = { DATABASE_URL: testPostgresUrl, DATABASE_SCHEMA: schema };
    }
    try {
      const { first } = await someWrites(database);
      const good = await duban(env, ['audit', 'verify']);
      expect(good.stderr).toBe('');
      expect(good.status).toBe(0);
      expect(good.stdout).toMatch(new RegExp(`单位 ${first}：\\d+ 条记录完整`));
      const rows = await chainRows(database, first);
      const target = rows[1];
      if (!target) throw new Error('too few entries');
      await sql`update audit_log set actor_label = '篡改者' where id = ${target.id}`.execute(database.db);
      const bad = await duban(env, ['audit', 'verify']);
      expect(bad.status).toBe(1);
      expect(bad.stdout).toContain(
        `单位 ${first}：审计链在记录 ${target.id}（序号 2，时间 ${target.created_at}）处断开`,
      );
      expect(bad.stdout).toMatch(/内容与其哈希不符/);
      // Purging from the command line refuses the last 180 days.
      const recent = await duban(env, ['audit', 'purge', '--before', new Date().toISOString().slice(0, 10)]);
      expect(recent.status).toBe(2);
      expect(recent.stderr).toMatch(/至少保留 180 天/);
    } finally {
      if (dialect === 'sqlite') await database.close();
    }
  }, 180_000);

  it('purges only entries older than 180 days, keeps an anchor, and the kept chain still verifies', async () => {
    const database = current();
    const { organizationId } = await seedOrganization(database);
    const now = new Date('2025-06-30T04:00:00Z');
    const days = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
    const event = (at: string, n: number) =>
      recordAuditEvent(database.db, {
        organizationId,
        userId: null,
        label: 'tester',
        address: '10.0.0.9',
        event: 'user.login_failed',
        result: 'failure',
        detail: { n },
        at,
      });
    for (const [n, age] of [400, 300, 250, 200, 170, 10].entries()) await event(days(age), n);
    await expect(purgeAuditBefore(database.db, { before: '2025-03-01', now })).rejects.toSatisfy(
      (e: unknown) => isAppError(e, 'INVALID_INPUT') && /至少保留 180 天/.test((e as Error).message),
    );
    const results = await purgeAuditBefore(database.db, { before: '2024-12-31', now });
    // 400, 300 and 250 days old are before 2024-12-31 (Beijing); 200 days old (2024-12-12) too.
    expect(results).toEqual([
      {
        chainId: organizationId,
        deleted: 4,
        anchorSeq: 4,
        anchorHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    const kept = await chainRows(database, organizationId);
    expect(kept.map((r) => r.seq)).toEqual([5, 6, 7]);
    expect(kept.map((r) => JSON.parse(r.after ?? '{}'))).toEqual([
      { n: 4 },
      { n: 5 },
      expect.objectContaining({ before: '2024-12-31', deleted: 4, anchorSeq: 4 }),
    ]);
    expect(await firstBreak(database)).toBeNull();
    // The first kept entry still needs the anchor: deleting it is named.
    await sql`delete from audit_log where id = ${kept[0]?.id ?? 0}`.execute(database.db);
    expect(await firstBreak(database)).toMatchObject({
      id: kept[1]?.id,
      problem: expect.stringMatching(/缺少序号 5/),
    });
  });

  it('chains rows written around the application (seeded data) at the next append, or all at once by seal', async () => {
    const database = current();
    const { organizationId } = await seedOrganization(database);
    await seedUser(database, organizationId, 'first', ['viewer']);
    const raw = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        organization_id: organizationId,
        actor_user_id: null,
        actor_label: 'seed',
        action: 'seed',
        entity_type: 'plan',
        entity_id: i,
        before: null,
        after: null,
        created_at: '2024-04-01T00:00:00.000Z',
      }));
    await database.db.insertInto('audit_log').values(raw(3)).execute();
    expect(await countPendingEntries(database.db)).toBe(3);
    expect(await firstBreak(database)).toBeNull();
    await seedUser(database, organizationId, 'second', ['viewer']);
    expect(await countPendingEntries(database.db)).toBe(0);
    const rows = await chainRows(database, organizationId);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(await firstBreak(database)).toBeNull();
    // More than one append chains: `duban audit seal` takes them all.
    await database.db.insertInto('audit_log').values(raw(1500)).execute();
    expect(await sealAuditChains(database.db, () => new Date())).toBe(1500);
    expect(await countPendingEntries(database.db)).toBe(0);
    expect((await verifyAuditChains(database.db))[0]).toMatchObject({
      entries: rows.length + 1500,
      firstBreak: null,
    });
  });

  it('migration 0017 chains the entries already there', async () => {
    // A database at the migration before, with entries of an organization and of none.
    const database =
      dialect === 'sqlite'
        ? await openDatabase({ url: 'sqlite::memory:', migrate: false })
        : await openDatabase({
            url: testPostgresUrl,
            schema: `${process.env.DUBAN_TEST_RUN ?? 'tlocal'}_${randomBytes(5).toString('hex')}`,
            migrate: false,
          });
    onExit.push(() => database.close());
    await migrateUpTo(database.db as never, '0016-account-security');
    const { organizationId } = await seedOrganization(database);
    for (const [org, n] of [
      [organizationId, 1],
      [null, 2],
      [organizationId, 3],
    ] as const) {
      await sql`insert into audit_log (organization_id, actor_user_id, actor_label, action, entity_type, entity_id, before, after, created_at)
        values (${org}, null, 'old', 'plan.publish', 'plan', ${n}, null, ${JSON.stringify({ n })}, ${`2024-01-0${n}T00:00:00.000Z`})`.execute(
        database.db,
      );
    }
    expect(await migrateToLatest(database.db as never)).toContain('0017-audit-chain');
    const reports = await verifyAuditChains(database.db);
    expect(reports.map((r) => [r.chainId, r.entries, r.firstBreak])).toEqual([
      [0, 1, null],
      [organizationId, 2, null],
    ]);
    // And appends go on from there.
    await seedUser(database, organizationId, 'later', ['viewer']);
    expect((await verifyAuditChains(database.db)).every((r) => r.firstBreak === null)).toBe(true);
  });
});

it.skipIf(skipsPostgres())(
  'appends of one organization from two PostgreSQL connections at once form one chain',
  async () => {
    const schema = `${process.env.DUBAN_TEST_RUN ?? 'tlocal'}_${randomBytes(5).toString('hex')}`;
    const one = await openDatabase({ url: testPostgresUrl, schema });
    const two = await openDatabase({ url: testPostgresUrl, schema });
    try {
      const { organizationId } = await seedOrganization(one);
      const append = (database: Database, n: number) =>
        recordAuditEvent(database.db, {
          organizationId,
          userId: null,
          label: `conn-${n % 2}`,
          address: '10.0.0.1',
          event: 'file.download',
          result: 'success',
          detail: { n },
          at: new Date().toISOString(),
        });
      const N = 100;
      await Promise.all(Array.from({ length: N }, (_, n) => append(n % 2 === 0 ? one : two, n)));
      const rows = await chainRows(one, organizationId);
      expect(rows).toHaveLength(N);
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
      const reports = await verifyAuditChains(one.db);
      expect(reports).toEqual([
        expect.objectContaining({ chainId: organizationId, entries: N, firstBreak: null }),
      ]);
    } finally {
      await one.close();
      await two.close();
    }
  },
  60_000,
);

describeEachDatabase(
  'audit events over HTTP',
  (current) => {
    let app: FastifyInstance;
    let database: Database;
    const ADDRESS = '10.20.30.40';
    const clock = new TestClock(new Date('2024-04-20T02:00:00Z'));
    const inject = (options: InjectOptions) => app.inject({ remoteAddress: ADDRESS, ...options });
    const signIn = async (username: string, password = TEST_PASSWORD) => {
      const response = await inject({ method: 'POST', url: '/api/session', payload: { username, password } });
      if (response.statusCode !== 200)
        throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
      const cookie = sessionCookie(response);
      return { cookie, 'x-csrf-token': response.json<{ csrfToken: string }>().csrfToken };
    };
    const entries = (action: string) =>
      database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();

    beforeAll(async () => {
      database = current();
      const { organizationId } = await seedOrganization(database);
      await seedUser(database, organizationId, 'duban', ['supervisor']);
      await seedUser(database, organizationId, 'bgs', ['department'], '办公室');
      await seedUser(database, organizationId, 'shenji', ['auditor']);
      app = await testApp(database, { now: clock.now });
    });
    afterAll(() => app?.close());

    it('records logins, failures, logouts, denied requests, writes and downloads with the address and result', async () => {
      expect(
        (
          await inject({
            method: 'POST',
            url: '/api/session',
            payload: { username: 'bgs', password: 'wrong-password-9' },
          })
        ).statusCode,
      ).toBe(401);
      const supervisor = await signIn('duban');
      const clerk = await signIn('bgs');

      // A write refused by permission leaves a denied entry; a write allowed, a success with the address.
      const refused = await inject({
        method: 'POST',
        url: '/api/plans',
        headers: clerk,
        payload: { text: yunxiText, createUnits: true },
      });
      expect(refused.statusCode).toBe(403);
      const imported = await inject({
        method: 'POST',
        url: '/api/plans',
        headers: supervisor,
        payload: { text: yunxiText, createUnits: true },
      });
      expect(imported.statusCode).toBe(201);
      const planId = imported.json<{ id: number }>().id;
      expect(
        (await inject({ method: 'POST', url: `/api/plans/${planId}/publish`, headers: supervisor }))
          .statusCode,
      ).toBe(200);

      // Downloads: a ledger export and an evidence file.
      const ledger = await inject({
        method: 'GET',
        url: `/api/plans/${planId}/ledger.xlsx`,
        headers: supervisor,
      });
      expect(ledger.statusCode).toBe(200);
      const { tasks } = (await inject({ method: 'GET', url: '/api/tasks', headers: clerk })).json<{
        tasks: Array<{ id: number }>;
      }>();
      const { payload, type } = multipartBody(
        { period: '2024-04', status: 'on_track', percent: '30', narrative: '已召开会议' },
        [{ name: '会议纪要.txt', bytes: Buffer.from('纪要') }],
      );
      const filed = await inject({
        method: 'POST',
        url: `/api/tasks/${tasks[0]?.id}/reports`,
        headers: { ...clerk, 'content-type': type },
        payload,
      });
      expect(filed.statusCode).toBe(201);
      const evidenceId = filed.json<{ evidence: Array<{ id: number }> }>().evidence[0]?.id;
      expect(
        (await inject({ method: 'GET', url: `/api/files/${evidenceId}`, headers: clerk })).statusCode,
      ).toBe(200);

      expect((await inject({ method: 'DELETE', url: '/api/session', headers: clerk })).statusCode).toBe(204);

      const login = await entries('user.login');
      expect(login.map((e) => [e.actor_label, e.address, e.result])).toEqual([
        ['duban', ADDRESS, 'success'],
        ['bgs', ADDRESS, 'success'],
      ]);
      const failed = (
        await database.db.selectFrom('audit_log').selectAll().where('result', '=', 'failure').execute()
      ).filter((e) => e.action.startsWith('user.login'));
      expect(failed.map((e) => [e.actor_label, e.address])).toEqual([['bgs', ADDRESS]]);
      expect((await entries('user.logout')).map((e) => [e.address, e.result])).toEqual([
        [ADDRESS, 'success'],
      ]);
      const denied = await entries('access.denied');
      expect(
        denied.map((e) => [e.actor_label, e.address, e.result, JSON.parse(e.after ?? '{}').path]),
      ).toEqual([['bgs', ADDRESS, 'denied', '/api/plans']]);
      const published = await entries('plan.publish');
      expect(published.map((e) => [e.actor_label, e.address, e.result])).toEqual([
        ['duban', ADDRESS, 'success'],
      ]);
      const downloads = await entries('file.download');
      expect(
        downloads.map((e) => [
          e.actor_label,
          e.address,
          e.result,
          e.entity_type,
          JSON.parse(e.after ?? '{}').fileName,
        ]),
      ).toEqual([
        ['duban', ADDRESS, 'success', 'plans', expect.stringMatching(/台账.*\.xlsx$/)],
        ['bgs', ADDRESS, 'success', 'files', '会议纪要.txt'],
      ]);

      // The 审计管理员 reads and exports them; the export is itself an entry.
      const auditor = await signIn('shenji');
      const list = await inject({ method: 'GET', url: '/api/audit?result=denied', headers: auditor });
      expect(list.statusCode).toBe(200);
      expect(list.json<{ entries: Array<{ action: string; address: string }> }>().entries).toEqual([
        expect.objectContaining({ action: 'access.denied', address: ADDRESS, result: 'denied' }),
      ]);
      const exported = await inject({
        method: 'GET',
        url: '/api/audit/export.xlsx?actor=bgs',
        headers: auditor,
      });
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-disposition']).toMatch(/attachment/);
      const exports = await entries('audit.export');
      expect(
        exports.map((e) => [e.actor_label, e.address, e.result, JSON.parse(e.after ?? '{}').filter]),
      ).toEqual([['shenji', ADDRESS, 'success', { actor: 'bgs' }]]);
      // The clerk may not export it, and trying is recorded.
      const clerkAgain = await signIn('bgs');
      expect(
        (await inject({ method: 'GET', url: '/api/audit/export.xlsx', headers: clerkAgain })).statusCode,
      ).toBe(403);
      expect((await entries('access.denied')).at(-1)?.after).toContain('/api/audit/export.xlsx');
      expect((await verifyAuditChains(database.db)).filter((r) => r.firstBreak)).toEqual([]);
    });
  },
  { fresh: 'all' },
);
