import { reasonsOfWorst, unique } from './combine.ts';
import type { Light, LightCounts } from './light.ts';
import { clampShare, countLights, worstLight } from './light.ts';
import { messages } from './messages.ts';

/** How many worst children a parent's reason names before it only counts the rest. */
const MAX_REASONS_SHOWN = 3;

/** A task under an item, an item under a section, or a section under the plan. */
export interface RollUpChild {
  light: Light;
  progress: number;
  /** Item weight for items; omit (1) for tasks, which weigh the same. */
  weight?: number;
  reason?: string;
}

/** A parent's light, weighted progress, reason and how many children have each light. */
export interface RollUp {
  light: Light;
  progress: number;
  reason: string;
  counts: LightCounts;
}

/**
 * Rolls children up into their parent: the worst light (done only when all are done), progress
 * as the weight-weighted mean, and the reasons of the worst children.
 */
export function rollUp(children: readonly RollUpChild[]): RollUp {
  const counts = countLights(children.map((child) => child.light));
  if (children.length === 0) return { light: 'grey', progress: 0, reason: messages.nothingToJudge(), counts };
  const light = worstLight(children.map((child) => child.light));
  // A zero, negative or missing-number weight counts for nothing; if nothing weighs, all weigh alike.
  const weights = children.map((child) => {
    const weight = child.weight ?? 1;
    return Number.isFinite(weight) && weight > 0 ? weight : 0;
  });
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const progress =
    total > 0
      ? children.reduce((sum, child, index) => sum + clampShare(child.progress) * (weights[index] ?? 0), 0) /
        total
      : children.reduce((sum, child) => sum + clampShare(child.progress), 0) / children.length;
  const reasons = reasonsOfWorst(children, light).flatMap((child) => (child.reason ? [child.reason] : []));
  const reason = light === 'done' ? messages.done() : messages.joinSome(unique(reasons), MAX_REASONS_SHOWN);
  return { light, progress: clampShare(progress), reason, counts };
}
