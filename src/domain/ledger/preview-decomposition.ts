import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { listDecompositionTasks } from '../../db/queries/ledger.ts';
import { listItems } from '../../db/queries/plan-items.ts';
import { findOwnPlan, type PlanRow } from '../../db/queries/plans.ts';
import { listUnits } from '../../db/queries/units.ts';
import type { DB } from '../../db/schema.ts';
import type { DecompositionPreview } from '../../shared/ledgers.ts';
import { can } from '../accounts/permissions.ts';
import { type Context, shanghaiToday } from '../context.ts';
import { loadUnitDirectory } from '../directory/resolve-names.ts';
import { AppError } from '../errors.ts';
import { taskStartOn } from '../publish/task-schedule.ts';
import { ledgerMessages as M } from './messages.ts';
import { type DecompositionPlan, planDecomposition } from './plan-decomposition.ts';
import { readDecomposition } from './read-decomposition.ts';

/** A decomposition file as uploaded. */
export interface DecompositionFile {
  bytes: Uint8Array;
  fileName: string;
}

/**
 * Previews importing a task decomposition (任务分解) from .xlsx into a published plan: the new and
 * changed tasks (before → after), the unchanged count, every unreadable row with its column and
 * reason, and the tasks the file leaves out. Writes nothing. The digest covers the file and the
 * outcome, so confirming applies exactly what was previewed or refuses.
 */
export async function previewDecomposition(
  ctx: Context,
  input: { planId: number; file: DecompositionFile },
): Promise<DecompositionPreview> {
  const { preview } = await compareDecomposition(ctx, ctx.db, input);
  return preview;
}

/**
 * The plan a decomposition may be imported into: the actor is a supervisor, and the plan is their
 * organization's and published. Checked before a file is read, so a refused upload is never parsed.
 */
export async function requireImportablePlan(ctx: Context, db: Kysely<DB>, planId: number): Promise<PlanRow> {
  if (!can(ctx.actor, 'plans.publish')) throw new AppError('FORBIDDEN', M.importerOnly);
  const plan = await findOwnPlan(db, ctx.actor.organizationId, planId);
  if (!plan) throw new AppError('NOT_FOUND', M.planNotFound, { planId });
  if (plan.status === 'draft') throw new AppError('CONFLICT', M.planNotPublished);
  if (plan.status === 'closed') throw new AppError('CONFLICT', M.planClosed);
  return plan;
}

/** Compares a file with a plan (on a database handle, so confirming can do it inside its transaction). */
export async function compareDecomposition(
  ctx: Context,
  db: Kysely<DB>,
  input: { planId: number; file: DecompositionFile },
): Promise<{ preview: DecompositionPreview; plan: DecompositionPlan }> {
  const plan = await requireImportablePlan(ctx, db, input.planId);
  const sheet = await readDecomposition(input.file.bytes, input.file.fileName);
  const [items, tasks, directory, units] = await Promise.all([
    listItems(db, plan.id),
    listDecompositionTasks(db, plan.id),
    loadUnitDirectory(db, plan.organization_id),
    listUnits(db, plan.organization_id),
  ]);
  const compared = planDecomposition(sheet, {
    plan: { id: plan.id, year: plan.year },
    startOn: taskStartOn(shanghaiToday(ctx), plan.year, plan.issued_on),
    items: items.map((i) => ({ id: i.id, no: i.no, title: i.title })),
    tasks,
    directory: { ...directory, active: new Set(units.map((u) => u.id)) },
  });
  const body = {
    planId: plan.id,
    sheet: sheet.sheet,
    counts: {
      rows: sheet.rows.length,
      new: compared.newTasks.length,
      changed: compared.changedTasks.length,
      unchanged: compared.unchanged,
      unreadable: compared.unreadable.length,
      absent: compared.absent.length,
    },
    newTasks: compared.newTasks,
    changedTasks: compared.changedTasks,
    unreadable: compared.unreadable,
    absent: compared.absent,
  };
  // The digest binds the file's bytes, the plan's tasks as they stand (ids and versions) and the
  // outcome: an edit, a new alias or another file between preview and confirm all change it.
  const digest = createHash('sha256')
    .update(createHash('sha256').update(input.file.bytes).digest('hex'))
    .update(JSON.stringify([plan.version, tasks.map((t) => [t.id, t.version])]))
    .update(JSON.stringify(body))
    .digest('hex');
  return { preview: { ...body, digest }, plan: compared };
}
