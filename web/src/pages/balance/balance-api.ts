import type {
  BalanceResult,
  BalanceTrend,
  CollectionFormView,
  NewForm,
  NewRound,
  ReviewRow,
  RoundDetail,
  RoundRowView,
  RoundView,
  SaveRows,
  WhatIfChange,
} from '@shared/balance.ts';
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { api, apiGet } from '../../api/client.ts';

// The balance area's API (docs: notes/issue16-api.md). Every query key starts with 'balance', so a
// change can reload the area; each write names what it makes stale.

/** Query keys of the balance area. */
export const balanceKeys = {
  all: ['balance'] as const,
  forms: ['balance', 'forms'] as const,
  rounds: ['balance', 'rounds'] as const,
  round: (id: number) => ['balance', 'round', id] as const,
  monitor: (id: number) => ['balance', 'monitor', id] as const,
  trend: ['balance', 'trend'] as const,
  taskSuggestion: ['balance', 'task-suggestion'] as const,
};

/** The monitor of a round: locked rounds count accepted rows, open ones every filed row. */
export interface MonitorAnswer {
  result: BalanceResult;
  basis: 'accepted' | 'filed';
  rows: number;
}

/** What a what-if answers: the calculation before and after the changes (nothing saved). */
export interface WhatIfAnswer {
  before: BalanceResult;
  after: BalanceResult;
}

/** Where a round's files are. */
export const balancePaths = {
  template: (roundId: number) => `/api/balance/rounds/${roundId}/template.xlsx`,
  export: (roundId: number) => `/api/balance/rounds/${roundId}/export.xlsx`,
  rowFile: (rowId: number) => `/api/balance/rows/${rowId}/file`,
};

/** GET /api/balance/forms. */
export function useBalanceForms(enabled = true) {
  return useQuery({
    queryKey: balanceKeys.forms,
    queryFn: async () => (await apiGet<{ forms: CollectionFormView[] }>('/api/balance/forms')).forms,
    enabled,
  });
}

/** GET /api/balance/task-suggestion: the plan task a seven-indicator round should serve (item 13's). */
export function useTaskSuggestion() {
  return useQuery({
    queryKey: balanceKeys.taskSuggestion,
    queryFn: async () => (await apiGet<{ task: RoundView['task'] }>('/api/balance/task-suggestion')).task,
  });
}

/** GET /api/balance/rounds. */
export function useBalanceRounds() {
  return useQuery({
    queryKey: balanceKeys.rounds,
    queryFn: async () => (await apiGet<{ rounds: RoundView[] }>('/api/balance/rounds')).rounds,
  });
}

/** GET /api/balance/rounds/:id. */
export function useBalanceRound(id: number) {
  return useQuery({
    queryKey: balanceKeys.round(id),
    queryFn: () => apiGet<RoundDetail>(`/api/balance/rounds/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** GET /api/balance/rounds/:id/monitor. */
export function useBalanceMonitor(id: number, enabled = true) {
  return useQuery({
    queryKey: balanceKeys.monitor(id),
    queryFn: () => apiGet<MonitorAnswer>(`/api/balance/rounds/${id}/monitor`),
    enabled,
  });
}

/** GET /api/balance/trend. */
export function useBalanceTrend(enabled = true) {
  return useQuery({
    queryKey: balanceKeys.trend,
    queryFn: () => apiGet<BalanceTrend>('/api/balance/trend'),
    enabled,
  });
}

/** POST /api/balance/forms; the form list is stale afterwards. */
export async function createForm(client: QueryClient, form: NewForm): Promise<CollectionFormView> {
  const created = await api<CollectionFormView>('POST', '/api/balance/forms', form);
  await client.invalidateQueries({ queryKey: balanceKeys.forms });
  return created;
}

/** POST /api/balance/rounds; the round list and the trend (one more round) are stale afterwards. */
export async function createRound(client: QueryClient, round: NewRound): Promise<RoundView> {
  const created = await api<RoundView>('POST', '/api/balance/rounds', round);
  await Promise.all([
    client.invalidateQueries({ queryKey: balanceKeys.rounds }),
    client.invalidateQueries({ queryKey: balanceKeys.trend }),
    ...refreshWork(client),
  ]);
  return created;
}

/** Everything a change to a round's rows makes stale: the round, its monitor, the list and the trend. */
export function refreshRound(client: QueryClient, roundId: number) {
  return Promise.all([
    client.invalidateQueries({ queryKey: balanceKeys.round(roundId) }),
    client.invalidateQueries({ queryKey: balanceKeys.monitor(roundId) }),
    client.invalidateQueries({ queryKey: balanceKeys.rounds }),
    client.invalidateQueries({ queryKey: balanceKeys.trend }),
    ...refreshWork(client),
  ]);
}

/** The workbench's 数据填报 card and the menu badges count open rounds' rows: stale after any change. */
function refreshWork(client: QueryClient) {
  return [
    client.invalidateQueries({ queryKey: ['workbench'] }),
    client.invalidateQueries({ queryKey: ['badges'] }),
  ];
}

/**
 * POST /api/balance/rounds/:id/rows as multipart: `data` is the JSON of SaveRows, `file` the
 * supporting document. The answer is the round as the school now sees it.
 */
export async function saveRows(
  client: QueryClient,
  roundId: number,
  rows: SaveRows,
  file: File | null,
): Promise<RoundDetail> {
  const body = new FormData();
  body.append('data', JSON.stringify(rows));
  if (file) body.append('file', file, file.name);
  const detail = await api<RoundDetail>('POST', `/api/balance/rounds/${roundId}/rows`, body);
  client.setQueryData(balanceKeys.round(roundId), detail);
  await Promise.all([
    client.invalidateQueries({ queryKey: balanceKeys.rounds }),
    client.invalidateQueries({ queryKey: balanceKeys.monitor(roundId) }),
    ...refreshWork(client),
  ]);
  return detail;
}

/** POST /api/balance/rows/:rowId/review. */
export async function reviewRow(
  client: QueryClient,
  roundId: number,
  rowId: number,
  review: ReviewRow,
): Promise<RoundRowView> {
  const row = await api<RoundRowView>('POST', `/api/balance/rows/${rowId}/review`, review);
  await refreshRound(client, roundId);
  return row;
}

/** POST /api/balance/rounds/:id/lock (force: lock although rows are not all accepted). */
export async function lockRound(client: QueryClient, roundId: number, force: boolean): Promise<RoundView> {
  const round = await api<RoundView>('POST', `/api/balance/rounds/${roundId}/lock`, force ? { force } : {});
  await refreshRound(client, roundId);
  return round;
}

/** POST /api/balance/rounds/:id/import with the .xlsx as `file`; nothing is written on a bad sheet. */
export async function importSheet(
  client: QueryClient,
  roundId: number,
  file: File,
): Promise<{ imported: number; round: RoundView }> {
  const body = new FormData();
  body.append('file', file, file.name);
  const answer = await api<{ imported: number; round: RoundView }>(
    'POST',
    `/api/balance/rounds/${roundId}/import`,
    body,
  );
  await refreshRound(client, roundId);
  return answer;
}

/** POST /api/balance/rounds/:id/what-if: nothing is saved, nothing becomes stale. */
export function whatIf(roundId: number, changes: WhatIfChange[]): Promise<WhatIfAnswer> {
  return api<WhatIfAnswer>('POST', `/api/balance/rounds/${roundId}/what-if`, { changes });
}
