import { reasonsOfWorst } from './combine.ts';
import type { Light, LightCounts } from './light.ts';
import { clampShare, countLights, worstLight } from './light.ts';
import { messages, summariseClauses } from './messages.ts';

/** How many clauses a parent's reason names before it only counts the rest ('等N项'). */
const MAX_REASONS_SHOWN = 3;

/** A task under an item, an item under a section, or a section under the plan. */
export interface RollUpChild {
  light: Light;
  /** The child's accepted share of what it owes so far; null when it owes nothing yet. */
  progress: number | null;
  /** Item weight for items, what a task owes for tasks (so an item's share is credited / owed); omit for 1. */
  weight?: number;
  reason?: string;
}

/** A parent's light, weighted progress, reason and how many children have each light. */
export interface RollUp {
  light: Light;
  /** Weighted mean of the children that owe something; null when none does. */
  progress: number | null;
  reason: string;
  counts: LightCounts;
}

/**
 * Rolls children up into their parent: the worst light (done only when all are done), progress
 * as the weight-weighted mean of the children that owe something, and the reasons of the worst children.
 */
export function rollUp(children: readonly RollUpChild[]): RollUp {
  const counts = countLights(children.map((child) => child.light));
  if (children.length === 0)
    return { light: 'grey', progress: null, reason: messages.nothingToJudge(), counts };
  const light = worstLight(children.map((child) => child.light));
  const progress = weightedShare(children);
  const reasons = reasonsOfWorst(children, light).flatMap((child) => (child.reason ? [child.reason] : []));
  const reason = light === 'done' ? messages.done() : summariseClauses(reasons, MAX_REASONS_SHOWN);
  return { light, progress, reason, counts };
}

/**
 * The weight-weighted mean of the children's progress, leaving out those with none (nothing owed
 * yet); null when no child has any. A zero, negative or missing-number weight counts for nothing;
 * if nothing weighs, all weigh alike.
 */
export function weightedShare(
  children: readonly { progress: number | null; weight?: number }[],
): number | null {
  const known = children.filter(
    (child): child is { progress: number; weight?: number } => child.progress !== null,
  );
  if (known.length === 0) return null;
  const weights = known.map((child) => {
    const weight = child.weight ?? 1;
    return Number.isFinite(weight) && weight > 0 ? weight : 0;
  });
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const sum =
    total > 0
      ? known.reduce((acc, child, index) => acc + clampShare(child.progress) * (weights[index] ?? 0), 0) /
        total
      : known.reduce((acc, child) => acc + clampShare(child.progress), 0) / known.length;
  return clampShare(sum);
}
