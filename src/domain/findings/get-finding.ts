import { findVisibleFinding, listFindingEvents, listFindingEvidence } from '../../db/queries/findings.ts';
import type { FindingDetail } from '../../shared/findings.ts';
import { type Context, shanghaiToday } from '../context.ts';
import { AppError } from '../errors.ts';
import { toFindingView } from './finding-view.ts';
import { findingMessages as M } from './messages.ts';

/** One finding with its history and evidence; NOT_FOUND when the actor may not see it. */
export async function getFinding(ctx: Context, input: { findingId: number }): Promise<FindingDetail> {
  const row = await findVisibleFinding(ctx.db, ctx.actor, input.findingId);
  if (!row) throw new AppError('NOT_FOUND', M.notFound, { findingId: input.findingId });
  const [events, files] = await Promise.all([
    listFindingEvents(ctx.db, row.id),
    listFindingEvidence(ctx.db, row.id),
  ]);
  const evidence = files.map(({ createdAt: _at, ...file }) => file);
  return {
    ...toFindingView(row, ctx.actor, shanghaiToday(ctx)),
    // A rectification and its files are written in one transaction with one timestamp.
    history: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      note: e.note,
      unit:
        e.unitId !== null && e.unitName && e.unitKind
          ? { id: e.unitId, name: e.unitName, kind: e.unitKind }
          : null,
      dueOn: e.dueOn,
      by: e.by,
      at: e.at,
      evidence:
        e.kind === 'rectify'
          ? files.filter((f) => f.createdAt === e.at).map(({ createdAt: _at, ...file }) => file)
          : [],
    })),
    evidence,
  };
}
