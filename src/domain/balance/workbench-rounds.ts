import type { Kysely } from 'kysely';
import { listForms, listRounds, type RoundRecord } from '../../db/queries/collection.ts';
import {
  countRowsToReview,
  hasOpenRound,
  listRowStates,
  type RowStateRecord,
} from '../../db/queries/collection-work.ts';
import type { DB } from '../../db/schema.ts';
import { can } from '../../policies/index.ts';
import { type BalanceStage, STAGE_LABELS } from '../../shared/balance.ts';
import type { CollectionFillState, WorkbenchCollection } from '../../shared/work.ts';
import { type Context, shanghaiToday } from '../context.ts';
import { daysBetween } from '../lights/dates.ts';
import { expectedSchools } from './round-views.ts';

// Open collection rounds (数据填报) as the workbench, the menu badges and the daily reminders see them:
// which schools still owe their rows, and what waits for the supervisors' review.

/** Where a school's rows of a round stand, the worst of its rows: returned, draft, submitted, accepted. */
export type SchoolRoundState = CollectionFillState | 'submitted' | 'accepted';

/** One school of an open round. */
export interface SchoolInRound {
  unitId: number;
  unitName: string;
  state: SchoolRoundState;
  /** The reviewer's reason of its returned rows (labelled by stage when several were). */
  returnReason: string | null;
  /** Its rows waiting for review. */
  toReview: number;
}

/** An open round with its schools: every school expected to fill it, and any other that filed. */
export interface OpenRoundState {
  round: RoundRecord;
  schools: SchoolInRound[];
}

/** Whether a school still has to act on a round (nothing filed, a draft, or returned). */
export function owesRows(school: Pick<SchoolInRound, 'state'>): boolean {
  return school.state === 'none' || school.state === 'draft' || school.state === 'returned';
}

/**
 * The organization's open rounds, soonest due first, each with its schools' states: every school
 * expected to fill it (expectedSchools: the directory's schools, on the seven-indicator form those of
 * 小学 or 初中) and any other school that has rows in it. With `unitId`, that school only.
 */
export async function loadOpenRounds(
  db: Kysely<DB>,
  organizationId: number,
  unitId?: number,
): Promise<OpenRoundState[]> {
  const rounds = (await listRounds(db, organizationId))
    .filter((r) => r.status === 'open')
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id - b.id);
  if (rounds.length === 0) return [];
  const forms = new Map((await listForms(db, organizationId)).map((f) => [f.id, f]));
  const expectedByForm = new Map<number, Array<{ unitId: number; unitName: string }>>();
  for (const formId of new Set(rounds.map((r) => r.formId))) {
    const form = forms.get(formId);
    expectedByForm.set(formId, form ? await expectedSchools(db, organizationId, form) : []);
  }
  const rowsByRoundUnit = new Map<string, RowStateRecord[]>();
  for (const row of await listRowStates(
    db,
    rounds.map((r) => r.id),
    unitId,
  )) {
    const key = `${row.roundId}/${row.unitId}`;
    rowsByRoundUnit.set(key, [...(rowsByRoundUnit.get(key) ?? []), row]);
  }
  return rounds.map((round) => {
    const names = new Map<number, string>();
    for (const school of expectedByForm.get(round.formId) ?? [])
      if (unitId === undefined || school.unitId === unitId) names.set(school.unitId, school.unitName);
    for (const [key, rows] of rowsByRoundUnit)
      if (key.startsWith(`${round.id}/`) && rows[0]) names.set(rows[0].unitId, rows[0].unitName);
    const schools = [...names].map(([id, name]) =>
      schoolState(id, name, rowsByRoundUnit.get(`${round.id}/${id}`) ?? []),
    );
    return { round, schools: schools.sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN')) };
  });
}

function schoolState(unitId: number, unitName: string, rows: readonly RowStateRecord[]): SchoolInRound {
  const returned = rows.filter((r) => r.status === 'returned');
  const has = (status: RowStateRecord['status']) => rows.some((r) => r.status === status);
  const state: SchoolRoundState =
    rows.length === 0
      ? 'none'
      : returned.length > 0
        ? 'returned'
        : has('draft')
          ? 'draft'
          : has('submitted')
            ? 'submitted'
            : 'accepted';
  const reasons = returned.filter((r) => (r.returnReason ?? '') !== '');
  const returnReason =
    reasons.length === 0
      ? null
      : reasons.length === 1
        ? (reasons[0]?.returnReason ?? null)
        : reasons.map((r) => `${stageLabel(r.stage)}${r.returnReason}`).join('；');
  return {
    unitId,
    unitName,
    state,
    returnReason,
    toReview: rows.filter((r) => r.status === 'submitted').length,
  };
}

function stageLabel(stage: string | null): string {
  return stage === 'primary' || stage === 'junior' ? `${STAGE_LABELS[stage as BalanceStage]}：` : '';
}

/**
 * The workbench's 数据填报: for a school (balance.fill) every open round whose rows it has not yet
 * submitted, saying whether nothing is filed, a draft is saved or rows were returned (with the
 * reason); for a supervisor (balance.manage) every open round with its rows to review and schools
 * yet to file. Soonest due first; days counted in Asia/Shanghai calendar days.
 */
export async function listCollectionWork(
  ctx: Pick<Context, 'db' | 'actor' | 'now'>,
): Promise<WorkbenchCollection[]> {
  const { db, actor } = ctx;
  const school = can(actor, 'balance.fill') && actor.unitId !== null ? actor.unitId : null;
  const manager = can(actor, 'balance.manage');
  if (school === null && !manager) return [];
  const rounds = await loadOpenRounds(db, actor.organizationId, manager ? undefined : (school ?? undefined));
  const today = shanghaiToday(ctx);
  const work: WorkbenchCollection[] = [];
  for (const { round, schools } of rounds) {
    const base = {
      roundId: round.id,
      name: round.name,
      formName: round.formName,
      dueOn: round.dueOn,
      daysLeft: daysBetween(today, round.dueOn),
      link: `/balance/rounds/${round.id}`,
    };
    const own = schools.find((s) => s.unitId === school);
    if (own && owesRows(own)) {
      work.push({
        ...base,
        action: 'fill',
        state: own.state as CollectionFillState,
        returnReason: own.state === 'returned' ? own.returnReason : null,
      });
    }
    if (manager) {
      work.push({
        ...base,
        action: 'review',
        toReview: schools.reduce((sum, s) => sum + s.toReview, 0),
        schools: schools.length,
        notFiled: schools.filter((s) => s.state === 'none').length,
        notSubmitted: schools.filter(owesRows).length,
      });
    }
  }
  return work;
}

/**
 * The badge's share of collection rounds: a school's rounds still to submit, a supervisor's rows
 * waiting for review. One cheap query when no round is open.
 */
export async function countCollectionWork(ctx: Pick<Context, 'db' | 'actor'>): Promise<number> {
  const { db, actor } = ctx;
  const school = can(actor, 'balance.fill') && actor.unitId !== null ? actor.unitId : null;
  const manager = can(actor, 'balance.manage');
  if (school === null && !manager) return 0;
  if (!(await hasOpenRound(db, actor.organizationId))) return 0;
  let count = manager ? await countRowsToReview(db, actor.organizationId) : 0;
  if (school !== null) {
    const rounds = await loadOpenRounds(db, actor.organizationId, school);
    count += rounds.filter(({ schools }) => schools.some((s) => s.unitId === school && owesRows(s))).length;
  }
  return count;
}
