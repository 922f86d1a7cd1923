import type { PlanTree } from '@shared/plan-tree.ts';
import { QueryClient } from '@tanstack/react-query';
import { ApiError, apiGet } from './client.ts';
import { fetchMe, meKey } from './session.ts';

/** Tries after the first failure, at most. */
const MAX_RETRIES = 2;

/**
 * Whether a failed query may succeed on a second try: only when the network failed (status 0) or
 * the server did (5xx, e.g. 503 while the database restarts). An answer such as 401, 403, 404, 409
 * or 422 will be the same next time, so it shows at once instead of after seconds of retrying.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

/** A short wait before each retry: 0.5 s, then 1 s. */
export function retryDelay(failureCount: number): number {
  return Math.min(500 * 2 ** failureCount, 2_000);
}

/** The query defaults of the app (also used by component tests, so they see the same retries). */
export const queryDefaults = {
  queries: { refetchOnWindowFocus: false, staleTime: 15_000, retry: shouldRetry, retryDelay },
};

/** The app's one query cache. */
export const queryClient = new QueryClient({ defaultOptions: queryDefaults });

/** GET /api/plans/:id as a query (the board and the item page's breadcrumb share it). */
export function planTreeQuery(planId: number) {
  return {
    queryKey: ['plan', planId] as const,
    queryFn: () => apiGet<PlanTree>(`/api/plans/${planId}`),
    enabled: Number.isInteger(planId) && planId > 0,
  };
}

/**
 * Starts loading what the first screen needs before React renders: who is signed in. A page's
 * route may start its own data the same way (see the board's loader), so the requests run while
 * the page's code is still downloading instead of one after the other.
 */
export function prefetchSession(): void {
  void queryClient.prefetchQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 });
}
