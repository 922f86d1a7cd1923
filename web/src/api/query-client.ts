import type { PlanTree } from '@shared/plan-tree.ts';
import { QueryClient } from '@tanstack/react-query';
import { apiGet } from './client.ts';
import { fetchMe, meKey } from './session.ts';

/** The app's one query cache. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { refetchOnWindowFocus: false, staleTime: 15_000 },
  },
});

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
