import type { Route } from '../route.ts';

/** Year-end evaluation (年终考核). */
export const evaluationRoutes: Route[] = [];
