// How long a failed job waits before its next try: quick at first (a passing network hiccup), then
// longer, so a broken mail server is not hammered.

const DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000];

/** The wait after the given failed try (1 on the first): 1 min, 5 min, 30 min, 2 h, then 6 h. */
export function backoffMs(failedAttempt: number): number {
  const index = Math.min(Math.max(failedAttempt, 1), DELAYS_MS.length) - 1;
  return DELAYS_MS[index] ?? DELAYS_MS[DELAYS_MS.length - 1] ?? 60_000;
}

/** Tries a job gets unless it says otherwise: the first and four retries (the last after 2 h). */
export const DEFAULT_MAX_ATTEMPTS = 5;
