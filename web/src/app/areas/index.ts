import type { Area } from '../area.ts';
import { adminArea } from './admin.tsx';
import { auditArea } from './audit.tsx';
import { balanceArea } from './balance.tsx';
import { boardArea } from './board.tsx';
import { bulletinsArea } from './bulletins.tsx';
import { calendarArea } from './calendar.tsx';
import { compareArea } from './compare.tsx';
import { dashboardArea } from './dashboard.tsx';
import { evaluationArea } from './evaluation.tsx';
import { findingsArea } from './findings.tsx';
import { importArea } from './import.tsx';
import { jobsArea } from './jobs.tsx';
import { notifyArea } from './notify.tsx';
import { securityArea } from './security.tsx';
import { supervisionArea } from './supervision.tsx';
import { workArea } from './work.tsx';

/** Every area of the signed-in app (the menu sorts their entries by order). */
export const areas: Area[] = [
  workArea,
  boardArea,
  importArea,
  compareArea,
  dashboardArea,
  evaluationArea,
  supervisionArea,
  findingsArea,
  balanceArea,
  bulletinsArea,
  notifyArea,
  adminArea,
  securityArea,
  auditArea,
  calendarArea,
  jobsArea,
];
