import type { Route } from '../route.ts';

/** Next year's notice compared with this year's plan, carry-over. */
export const planCompareRoutes: Route[] = [];
