import type { Light, LightCounts } from './light.ts';
import { countLights } from './light.ts';
import { weightedShare } from './roll-up.ts';

/** A task or item row as summaries read it. */
export interface LightRow {
  light: Light;
  /** null: nothing owed yet (left out of the group's progress). */
  progress: number | null;
}

/** One group of a summary: its key, how many rows, lights counted, and mean progress. */
export interface LightSummary {
  key: string;
  total: number;
  counts: LightCounts;
  /** Weighted mean progress of the rows that owe something; null when none does. */
  progress: number | null;
}

/**
 * Groups rows by a key (section, department, leader, light…) and counts lights and averages
 * progress per group (weighted; rows owing nothing yet left out); a row with several keys (two leaders) counts in each, groups in first-seen order.
 */
export function summarise<T extends LightRow>(
  rows: readonly T[],
  key: (row: T) => string | readonly string[],
  weight: (row: T) => number = () => 1,
): LightSummary[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const keys = key(row);
    for (const one of new Set(typeof keys === 'string' ? [keys] : keys)) {
      const group = groups.get(one);
      if (group) group.push(row);
      else groups.set(one, [row]);
    }
  }
  return [...groups].map(([name, members]) => ({
    key: name,
    total: members.length,
    counts: countLights(members.map((row) => row.light)),
    progress: weightedShare(members.map((row) => ({ progress: row.progress, weight: weight(row) }))),
  }));
}
