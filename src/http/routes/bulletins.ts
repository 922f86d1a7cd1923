import type { Route } from '../route.ts';

/** Monthly bulletins (工作通报). */
export const bulletinRoutes: Route[] = [];
