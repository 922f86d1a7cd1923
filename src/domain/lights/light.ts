/** A computed status (亮灯): grey not started, green on track, yellow lagging, red overdue, done 办结. */
export type Light = 'grey' | 'green' | 'yellow' | 'red' | 'done';

/** Every light, worst first; the order dashboards list them in. */
export const lights: readonly Light[] = ['red', 'yellow', 'green', 'grey', 'done'];

/** How many of each light. */
export type LightCounts = Record<Light, number>;

// Worse is higher. Done ranks below green so a finished part never hides an open one, and
// above grey so finished work shows that something has started.
const severity: Record<Light, number> = { grey: 0, done: 1, green: 2, yellow: 3, red: 4 };

/** Whether the first light is worse than the second (red > yellow > green > done > grey). */
export function isWorse(a: Light, b: Light): boolean {
  return severity[a] > severity[b];
}

/**
 * The light of a whole made of parts: the worst part, except that it is done only when every part is
 * done, and a mix of done and not-started parts is green (under way). No parts is grey.
 */
export function worstLight(parts: readonly Light[]): Light {
  let worst: Light = 'grey';
  for (const light of parts) if (isWorse(light, worst)) worst = light;
  if (worst === 'done' && parts.some((light) => light !== 'done')) return 'green';
  return worst;
}

/** Counts lights by kind, every kind present (zero when absent). */
export function countLights(parts: Iterable<Light>): LightCounts {
  const counts: LightCounts = { red: 0, yellow: 0, green: 0, grey: 0, done: 0 };
  for (const light of parts) counts[light] += 1;
  return counts;
}

/** A share clamped into 0..1, with anything not a number as 0. */
export function clampShare(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
