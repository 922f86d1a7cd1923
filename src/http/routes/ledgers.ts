import type { Route } from '../route.ts';

/** Ledgers (台账) .xlsx export and task-decomposition import. */
export const ledgerRoutes: Route[] = [];
