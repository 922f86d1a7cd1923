import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../api/client.ts';
import type { MenuEntry } from './area.ts';

/** Counts shown beside menu entries, from GET /api/badges (refreshed every minute). */
export type Badges = Partial<Record<NonNullable<MenuEntry['badge']>, number>>;

/** The counts of the menu's badges; empty until loaded, and when the server has none. */
export function useMenuBadges(entries: MenuEntry[]): Badges {
  const wanted = entries.some((entry) => entry.badge);
  const query = useQuery({
    queryKey: ['badges'],
    queryFn: () => apiGet<Badges>('/api/badges'),
    enabled: wanted,
    refetchInterval: 60_000,
    retry: false,
  });
  return query.data ?? {};
}
