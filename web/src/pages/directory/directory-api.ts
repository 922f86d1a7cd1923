import type { LeaderView, UnitKind, UnitView } from '@shared/directory.ts';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client.ts';

/** Query keys of the directory; invalidate ['directory'] after any change. */
export const directoryKeys = {
  all: ['directory'] as const,
  units: (kind: UnitKind | undefined, includeInactive: boolean) =>
    ['directory', 'units', kind ?? 'all', includeInactive] as const,
  leaders: ['directory', 'leaders'] as const,
};

/** The organization's units of a kind (GET /api/units). */
export function useUnits(kind?: UnitKind, includeInactive = false) {
  return useQuery({
    queryKey: directoryKeys.units(kind, includeInactive),
    queryFn: () =>
      apiGet<{ units: UnitView[] }>('/api/units', { kind, includeInactive }).then((r) => r.units),
  });
}

/** The organization's bureau leaders (GET /api/leaders). */
export function useLeaders() {
  return useQuery({
    queryKey: directoryKeys.leaders,
    queryFn: () => apiGet<{ leaders: LeaderView[] }>('/api/leaders').then((r) => r.leaders),
  });
}

/** Whether a unit matches a search text by its name or one of its aliases. */
export function unitMatches(unit: UnitView, text: string): boolean {
  const needle = text.trim();
  return needle === '' || unit.name.includes(needle) || unit.aliases.some((a) => a.alias.includes(needle));
}

const collator = new Intl.Collator('zh-CN');

/** Sorts by Chinese name order (pinyin), as office staff expect, not by code point as the database does. */
export function byChineseName<T extends { name: string }>(a: T, b: T): number {
  return collator.compare(a.name, b.name);
}
