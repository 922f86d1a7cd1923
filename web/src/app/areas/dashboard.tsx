import type { Area } from '../area.ts';

/** Pages and menu entries of this area (filled in by its pages). */
export const dashboardArea: Area = { routes: [], menu: [] };
