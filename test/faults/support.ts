import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../scripts/demo-data.ts';
import type { Database } from '../../src/db/connect.ts';
import { listPlanTasks } from '../../src/db/queries/plan-tasks.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { cliContext } from '../../src/domain/ensure-organization.ts';

// Shared by the fault suites: the Yunxi plan with one clerk per leading unit, report slots to file,
// filing over real HTTP, and the check that what was acknowledged is stored whole.

/** Whether the long variants run (DUBAN_LONG_TESTS=1). */
export const longTests = /^(1|true|yes)$/i.test(process.env.DUBAN_LONG_TESTS ?? '');

/** The server's clock for every fault suite: late in the plan's year, so all twelve months are open. */
export const FAULT_CLOCK = '2024-12-20T02:00:00Z';

/** One report a clerk may file: a task of their unit and a month. */
export interface Slot {
  username: string;
  taskId: number;
  period: string;
}

/** Seeds the demo plan and a clerk for each unit leading tasks; returns every open report slot. */
export async function seedClerks(database: Database): Promise<Slot[]> {
  await seedDemo(database);
  const system = await cliContext(database, () => new Date(FAULT_CLOCK));
  const plan = await database.db.selectFrom('plans').select('id').executeTakeFirstOrThrow();
  const tasks = await listPlanTasks(database.db, plan.id);
  const unitIds = [...new Set(tasks.map((t) => t.lead_unit_id).filter((id): id is number => id !== null))];
  const filed = await database.db.selectFrom('reports').select(['task_id', 'period']).execute();
  const taken = new Set(filed.map((r) => `${r.task_id}/${r.period}`));
  const slots: Slot[] = [];
  for (const unitId of unitIds) {
    const unit = await database.db
      .selectFrom('units')
      .select('name')
      .where('id', '=', unitId)
      .executeTakeFirstOrThrow();
    const username = `clerk${unitId}`;
    await addUser(system, {
      username,
      displayName: `${unit.name}填报员`,
      password: DEMO_PASSWORD,
      roles: ['department'],
      unit: unit.name,
    });
    for (const task of tasks.filter((t) => t.lead_unit_id === unitId))
      for (let month = 1; month <= 12; month++) {
        const period = `2024-${String(month).padStart(2, '0')}`;
        if (!taken.has(`${task.id}/${period}`)) slots.push({ username, taskId: task.id, period });
      }
  }
  // Interleave units so a burst spreads over many clerks and tasks.
  return slots.sort((a, b) => a.period.localeCompare(b.period) || a.taskId - b.taskId);
}

/** A logged-in session: the cookie and CSRF header of one user. */
export type Session = Record<string, string>;

/** Logs a user in on a server and returns the headers that carry the session. */
export async function login(url: string, username: string): Promise<Session> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('duban_session='));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: cookie ?? '', 'x-csrf-token': csrfToken };
}

/** A report the server answered 201 to: what must be found after any crash. */
export interface Acknowledged {
  reportId: number;
  narrative: string;
  sha256: string;
  bytes: number;
}

/** The outcome of one filing: acknowledged, refused with a status and body, or no answer at all. */
export type Filing =
  | { kind: 'stored'; report: Acknowledged }
  | { kind: 'refused'; status: number; body: string }
  | { kind: 'no-answer'; error: string };

/** Files one report with a unique evidence file over HTTP. */
export async function fileReport(url: string, session: Session, slot: Slot, label: string): Promise<Filing> {
  const content = Buffer.from(`佐证材料 ${label} ${randomBytes(8).toString('hex')}\n`.repeat(40), 'utf8');
  const narrative = `进展 ${label}`;
  const form = new FormData();
  form.append('period', slot.period);
  form.append('status', 'on_track');
  form.append('percent', '30');
  form.append('narrative', narrative);
  form.append('files', new Blob([content]), `${label}.txt`);
  try {
    const response = await fetch(`${url}/api/tasks/${slot.taskId}/reports`, {
      method: 'POST',
      headers: session,
      body: form,
    });
    const body = await response.text();
    if (response.status !== 201) return { kind: 'refused', status: response.status, body };
    const { id } = JSON.parse(body) as { id: number };
    const sha256 = createHash('sha256').update(content).digest('hex');
    return { kind: 'stored', report: { reportId: id, narrative, sha256, bytes: content.length } };
  } catch (error) {
    return { kind: 'no-answer', error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Checks the database after faults: every acknowledged report is there with its file's bytes and
 * its audit entry, and nothing is half-written anywhere (a report without its audit entry or its
 * evidence, evidence without its bytes, an audit entry for a report that is not there).
 */
export async function expectWholeAndAcknowledged(
  database: Database,
  acknowledged: readonly Acknowledged[],
): Promise<void> {
  const db = database.db;
  const reports = await db.selectFrom('reports').select(['id', 'narrative']).execute();
  const byId = new Map(reports.map((r) => [r.id, r.narrative]));
  for (const report of acknowledged)
    expect(byId.get(report.reportId), report.narrative).toBe(report.narrative);
  const evidence = await db
    .selectFrom('evidence')
    .select(['owner_id', 'sha256'])
    .where('owner_type', '=', 'report')
    .execute();
  const filesOf = new Map<number, string[]>();
  for (const e of evidence) filesOf.set(e.owner_id, [...(filesOf.get(e.owner_id) ?? []), e.sha256]);
  for (const report of acknowledged) expect(filesOf.get(report.reportId)).toEqual([report.sha256]);
  // Every report of a fault run carries one file; the demo's own reports carry none.
  for (const r of reports)
    if (r.narrative.startsWith('进展 ')) expect(filesOf.get(r.id)?.length, r.narrative).toBe(1);
  const blobs = await db.selectFrom('blobs').select(['sha256', 'size']).execute();
  const sizes = new Map(blobs.map((b) => [b.sha256, Number(b.size)]));
  for (const e of evidence) expect(sizes.has(e.sha256), `blob ${e.sha256}`).toBe(true);
  for (const report of acknowledged) expect(sizes.get(report.sha256)).toBe(report.bytes);
  const sample = acknowledged.slice(-3);
  for (const report of sample) {
    const blob = await db
      .selectFrom('blobs')
      .select('content')
      .where('sha256', '=', report.sha256)
      .executeTakeFirstOrThrow();
    expect(createHash('sha256').update(blob.content).digest('hex')).toBe(report.sha256);
  }
  const audited = await db
    .selectFrom('audit_log')
    .select('entity_id')
    .where('action', '=', 'report.submit')
    .execute();
  expect(new Set(audited.map((a) => a.entity_id))).toEqual(new Set(reports.map((r) => r.id)));
  if (database.dialect === 'sqlite') {
    const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
    expect(check.rows.map((r) => r.integrity_check)).toEqual(['ok']);
    const foreign = await sql`pragma foreign_key_check`.execute(db);
    expect(foreign.rows).toEqual([]);
  }
}
