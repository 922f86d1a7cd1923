import type { Kysely } from 'kysely';
import {
  type FormRecord,
  findRoundTasks,
  listRows,
  type RoundRecord,
  type RoundTaskRecord,
  type RowRecord,
} from '../../db/queries/collection.ts';
import { listUnits } from '../../db/queries/units.ts';
import type { DB } from '../../db/schema.ts';
import type { BalanceStage, CollectionFormView, RoundRowView, RoundView } from '../../shared/balance.ts';
import type { Tx } from '../context.ts';
import { isBalanceForm, rowToSchoolInput } from './balance-form.ts';
import { computeBalance } from './compute-balance.ts';
import { stagesOfSchool } from './school-stages.ts';

/** A school expected to fill a round, with the stages it reports (null: a form without stages). */
export interface ExpectedSchool {
  unitId: number;
  unitName: string;
  stages: Array<BalanceStage | null>;
}

/**
 * The schools expected to fill a round on this form: every active school; on the seven-indicator
 * form those teaching 小学 or 初中 (by kind, else name), each with its stages.
 */
export async function expectedSchools(
  db: Kysely<DB> | Tx,
  organizationId: number,
  form: Pick<FormRecord, 'staged' | 'code'>,
): Promise<ExpectedSchool[]> {
  const schools = await listUnits(db, organizationId, { kind: 'school' });
  const expected: ExpectedSchool[] = [];
  for (const school of schools) {
    const stages: Array<BalanceStage | null> = form.staged
      ? stagesOfSchool(school.school_kind, school.name)
      : [null];
    if (form.staged && isBalanceForm(form) && stages.length === 0) continue;
    // A staged custom form: a school whose stage cannot be told still fills, choosing its stage.
    expected.push({
      unitId: Number(school.id),
      unitName: school.name,
      stages: stages.length > 0 ? stages : ['primary'],
    });
  }
  return expected;
}

/** The form as the API shows it. */
export function toFormView(form: FormRecord): CollectionFormView {
  return {
    id: form.id,
    code: form.code,
    name: form.name,
    builtin: form.code !== null,
    staged: form.staged,
    fields: form.fields,
  };
}

/** A row as the API shows it. */
export function toRowView(row: RowRecord): RoundRowView {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: row.unitName,
    stage: row.stage,
    values: row.values,
    status: row.status,
    returnReason: row.returnReason,
    file: row.file ? { id: row.id, name: row.file.name } : null,
    version: row.version,
    submittedAt: row.submittedAt,
    reviewedAt: row.reviewedAt,
  };
}

/** The rows the monitor counts: accepted ones once locked; submitted or accepted while open. */
export function monitoredRows(round: Pick<RoundRecord, 'status'>, rows: readonly RowRecord[]): RowRecord[] {
  return rows.filter((row) =>
    round.status === 'locked'
      ? row.status === 'accepted'
      : row.status === 'accepted' || row.status === 'submitted',
  );
}

/**
 * Rounds as listed: counts of rows by status (a school's own only, when `unitId` is given), the
 * schools expected, the linked task, and for a locked seven-indicator round the headline.
 */
export async function toRoundViews(
  db: Kysely<DB> | Tx,
  organizationId: number,
  rounds: readonly RoundRecord[],
  forms: ReadonlyMap<number, FormRecord>,
  unitId?: number,
): Promise<RoundView[]> {
  const rows = await listRows(
    db,
    rounds.map((r) => r.id),
    unitId,
  );
  const tasks = await findRoundTasks(
    db,
    organizationId,
    rounds.map((r) => r.taskId).filter((id): id is number => id !== null),
  );
  const expectedByForm = new Map<number, number>();
  for (const form of forms.values()) {
    expectedByForm.set(
      form.id,
      unitId === undefined ? (await expectedSchools(db, organizationId, form)).length : 1,
    );
  }
  return rounds.map((round) => {
    const own = rows.filter((row) => row.roundId === round.id);
    const form = forms.get(round.formId);
    const counts = {
      schools: expectedByForm.get(round.formId) ?? 0,
      draft: 0,
      submitted: 0,
      returned: 0,
      accepted: 0,
    };
    // Per school, by its least advanced row (a 九年一贯制 school with one row returned is 已退回).
    const bySchool = new Map<number, RowRecord['status']>();
    for (const row of own) {
      const before = bySchool.get(row.unitId);
      if (before === undefined || PROGRESS[row.status] < PROGRESS[before])
        bySchool.set(row.unitId, row.status);
    }
    for (const status of bySchool.values()) counts[status]++;
    let summary: RoundView['summary'] = null;
    if (round.status === 'locked' && form && isBalanceForm(form) && unitId === undefined) {
      const inputs = monitoredRows(round, own).flatMap((row) => rowToSchoolInput(row) ?? []);
      if (inputs.length > 0) {
        const result = computeBalance(inputs);
        summary = { pass: result.pass, blockers: result.blockers.map((b) => b.text) };
      }
    }
    return {
      id: round.id,
      formId: round.formId,
      formName: round.formName,
      balance: form ? isBalanceForm(form) : false,
      name: round.name,
      status: round.status,
      dueOn: round.dueOn,
      openedAt: round.openedAt,
      lockedAt: round.lockedAt,
      task: taskRef(round.taskId === null ? undefined : tasks.get(round.taskId)),
      counts,
      summary,
    };
  });
}

const PROGRESS: Record<RowRecord['status'], number> = { returned: 0, draft: 1, submitted: 2, accepted: 3 };

function taskRef(task: RoundTaskRecord | undefined): RoundView['task'] {
  return task ? { id: task.id, itemNo: task.itemNo, itemTitle: task.itemTitle, planId: task.planId } : null;
}
