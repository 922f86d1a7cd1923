import type { UnitView } from '@shared/directory.ts';
import type { FindingDetail, FindingListQuery, FindingView, InspectionList } from '@shared/findings.ts';
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client.ts';

/** The register's filters as the page holds them. */
export type RegisterFilters = Partial<Pick<FindingListQuery, 'status' | 'unitId' | 'severity'>> & {
  overdue?: boolean;
};

/** GET /api/findings with the filters. */
export function useFindings(filters: RegisterFilters) {
  return useQuery({
    queryKey: ['findings', 'list', filters],
    queryFn: async () =>
      (
        await apiGet<{ findings: FindingView[] }>('/api/findings', {
          status: filters.status,
          unitId: filters.unitId,
          severity: filters.severity,
          overdue: filters.overdue ? 'true' : undefined,
        })
      ).findings,
  });
}

/** GET /api/findings/:id, when an id is chosen. */
export function useFinding(id: number | null) {
  return useQuery({
    queryKey: ['findings', 'detail', id],
    queryFn: () => apiGet<FindingDetail>(`/api/findings/${id}`),
    enabled: id !== null,
  });
}

/** GET /api/units: the directory's active units (for filters, recording and assigning). */
export function useUnits() {
  return useQuery({
    queryKey: ['units', 'active'],
    queryFn: async () => (await apiGet<{ units: UnitView[] }>('/api/units')).units,
    staleTime: 60_000,
  });
}

/** GET /api/inspections for a month (the server's current month when none is given). */
export function useInspections(period: string | undefined) {
  return useQuery({
    queryKey: ['findings', 'inspections', period],
    queryFn: () => apiGet<InspectionList>('/api/inspections', { period }),
  });
}

/** Reloads everything of this area after a change. */
export function refreshFindings(client: QueryClient) {
  return client.invalidateQueries({ queryKey: ['findings'] });
}
