import type { Workbench } from '@shared/work.ts';
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client.ts';

/** Query key of the signed-in user's workbench. */
export const workbenchKey = ['workbench'] as const;

/** GET /api/workbench. */
export function useWorkbench() {
  return useQuery({ queryKey: workbenchKey, queryFn: () => apiGet<Workbench>('/api/workbench') });
}

/**
 * Reloads what a workbench or review action changes: the lists, the menu badges, the review queue,
 * and the lights it moves (plan boards, item pages, dashboards, what a period owes).
 */
export function refreshWork(client: QueryClient): void {
  for (const key of ['workbench', 'badges', 'reviews', 'plan', 'item', 'dashboard', 'obligations'])
    void client.invalidateQueries({ queryKey: [key] });
}

/** A UTC ISO moment as a Shanghai date and time (YYYY-MM-DD HH:mm). */
export function shanghaiTime(iso: string | null): string {
  if (!iso) return '—';
  // China has no daylight saving time: a fixed +8 hours is exact.
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
