import type { Route } from '../route.ts';

/** Routes of this resource (being written). */
export const directoryRoutes: Route[] = [];
