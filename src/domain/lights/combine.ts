import { creditShare, sumCredits } from './credit.ts';
import type { Light } from './light.ts';
import { worstLight } from './light.ts';
import { messages, summariseClauses } from './messages.ts';

/** How many clauses a task's reason names before it only counts the rest ('等N项'). */
const MAX_CLAUSES = 3;

/** One part of a task's light: an indicator's or the reporting's light. */
export interface LightPart {
  light: Light;
  reason: string;
  /** Indicators only: share of their target achieved, 0..1. */
  progress?: number;
  /** Indicators only: accepted work counted against what is owed so far (credit.ts). */
  credited?: number;
  owed?: number;
  /** Named before the reason when given, e.g. the indicator's text. */
  label?: string;
}

/** What makes a task's light: its indicators, its reporting, and whether completion was accepted. */
export interface TaskLightInput {
  indicators: readonly LightPart[];
  report?: LightPart;
  /** Completion (办结) accepted as of the day (see isCompletionAccepted for dated acceptance). */
  completionAccepted?: boolean;
}

/** A task's (or any whole's) light, reason and progress. */
export interface CombinedLight {
  light: Light;
  reason: string;
  /** The accepted share of what the indicators owe so far; null when they owe nothing yet. */
  progress: number | null;
  /** Sums over the indicators: credited / owed is the progress. */
  credited: number;
  owed: number;
}

/**
 * A task's light: the worst of its indicators and reporting, done only when its completion was
 * accepted; the reason joins the reasons of the worst parts; progress is the indicators' credited / owed.
 */
export function combineLights(input: TaskLightInput): CombinedLight {
  const { indicators } = input;
  const credit = sumCredits(
    indicators.map((part) => ({ credited: part.credited ?? 0, owed: part.owed ?? 0 })),
  );
  const counted = { ...credit, progress: creditShare(credit) };
  if (input.completionAccepted) return { light: 'done', reason: messages.done(), ...counted, progress: 1 };
  const parts = input.report ? [...indicators, input.report] : indicators;
  if (parts.length === 0) return { light: 'grey', reason: messages.nothingToJudge(), ...counted };
  const worst = worstLight(parts.map((part) => part.light));
  // Finished indicators do not finish the task: only its accepted completion does.
  const light = worst === 'done' ? 'green' : worst;
  if (light === 'green' && indicators.length > 0 && indicators.every((part) => part.light === 'done')) {
    // Every indicator is done but the task itself is not yet accepted as done.
    return { light, reason: messages.partsDone(), ...counted };
  }
  const reasons = reasonsOfWorst(parts, light).map((part) =>
    part.label ? messages.labelled(part.label, part.reason) : part.reason,
  );
  return { light, reason: summariseClauses(unique(reasons), MAX_CLAUSES), ...counted };
}

/** The parts that make a whole's light; all of them when none has it (done mixed with grey is green). */
export function reasonsOfWorst<T extends { light: Light }>(parts: readonly T[], light: Light): T[] {
  const worst = parts.filter((part) => part.light === light);
  return worst.length > 0 ? worst : [...parts];
}

/** Distinct strings in first-seen order. */
export function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
