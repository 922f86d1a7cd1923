import type { Area } from '../area.ts';
import { adminArea } from './admin.tsx';
import { boardArea } from './board.tsx';
import { dashboardArea } from './dashboard.tsx';
import { importArea } from './import.tsx';
import { workArea } from './work.tsx';

/** Every area of the signed-in app, in menu order. */
export const areas: Area[] = [workArea, boardArea, importArea, dashboardArea, adminArea];
