import type { DeliveryOutcome } from '../shared/notifications.ts';
import { describeFailure } from './redact.ts';

/** How a delivery is retried: waits between tries (3 tries by default: at once, after 0.3 s, after 1 s). */
export interface RetryPolicy {
  delaysMs: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

/** The policy used unless a caller passes another. */
export const defaultRetryPolicy: RetryPolicy = { delaysMs: [300, 1000] };

/**
 * Runs a delivery until it succeeds or the tries run out; answers the outcome with the last
 * error (secrets removed). A receiver that fails twice then succeeds gets the message once.
 */
export async function withRetries(
  send: () => Promise<void>,
  secrets: ReadonlyArray<string | null | undefined>,
  policy: RetryPolicy = defaultRetryPolicy,
): Promise<DeliveryOutcome> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const tries = policy.delaysMs.length + 1;
  let lastError: unknown;
  for (let attempt = 1; attempt <= tries; attempt++) {
    try {
      await send();
      return { ok: true, attempts: attempt, error: null };
    } catch (error) {
      lastError = error;
      const wait = policy.delaysMs[attempt - 1];
      if (wait !== undefined) await sleep(wait);
    }
  }
  return { ok: false, attempts: tries, error: describeFailure(lastError, secrets) };
}
