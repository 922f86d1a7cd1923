// The dashboard of a plan as GET /api/plans/:id/dashboard returns it: read by the web app.
// Zod only (no server code), so the web bundle can import it.
import { z } from 'zod';

/** A computed light (亮灯). */
export const lightSchema = z.enum(['grey', 'green', 'yellow', 'red', 'done']);

/** How many of each light. */
export const lightCountsSchema = z.object({
  red: z.number(),
  yellow: z.number(),
  green: z.number(),
  grey: z.number(),
  done: z.number(),
});

/** A group of a summary (section title, department, leader or light) with its lights counted. */
export const lightSummarySchema = z.object({
  key: z.string(),
  total: z.number(),
  counts: lightCountsSchema,
  /** Accepted share of what is owed so far, 0..1; null while nothing is owed. */
  progress: z.number().nullable(),
});

/** A section's rolled-up light with how many of its items have each light. */
export const dashboardSectionSchema = z.object({
  sectionId: z.number(),
  no: z.number(),
  title: z.string(),
  light: lightSchema,
  progress: z.number().nullable(),
  counts: lightCountsSchema,
});

/** A department's tasks by light (a task counts for each department that owns it). */
export const dashboardDepartmentSchema = z.object({
  unitId: z.number(),
  name: z.string(),
  total: z.number(),
  counts: lightCountsSchema,
  progress: z.number().nullable(),
});

/** A department or school in the ranking by on-time reporting, then progress. */
export const rankingRowSchema = z.object({
  /**
   * 名次 among the units of its kind (departments and schools are ranked apart): units with the same
   * on-time rate and progress (whole percents, as shown) share a rank, and the next rank skips (1, 1, 3).
   */
  rank: z.number(),
  unitId: z.number(),
  name: z.string(),
  kind: z.enum(['department', 'school']),
  /** Visible tasks the unit leads or co-owns. */
  tasks: z.number(),
  /** Reports whose due day has passed, or that were handed in already. */
  reportsDue: z.number(),
  reportsOnTime: z.number(),
  reportsLate: z.number(),
  reportsMissing: z.number(),
  /** reportsOnTime / reportsDue, 0..1; null when no report was due yet. */
  onTimeRate: z.number().nullable(),
  /** Accepted share of what the unit's tasks owe so far (credited / owed), 0..1; null while nothing is owed. */
  progress: z.number().nullable(),
  red: z.number(),
  yellow: z.number(),
});

/** Reports of one month of the plan year as of the day. */
export const trendMonthSchema = z.object({
  month: z.string().describe('YYYY-MM'),
  onTime: z.number(),
  late: z.number(),
  /** Expected reports whose due day has passed without one handed in. */
  missing: z.number(),
});

/**
 * One overdue thing of a red task (逾期事项): an indicator past its due date or lagging, one unit's
 * reports not handed in, or the same lapse of the schools a task was fanned out to. The days are
 * always counted from the date beside them.
 */
export const overdueEntrySchema = z.object({
  taskId: z.number(),
  title: z.string(),
  itemId: z.number(),
  itemNo: z.number(),
  itemTitle: z.string(),
  /** What is overdue, e.g. '5月报告', '3–5月报告', '集中学法', '制订《…实施方案》'. */
  what: z.string(),
  /** Who owes it: the unit of a report, the task's owners, or 'N所学校'. */
  owners: z.array(z.string()),
  /** The date it fell due; daysOverdue counts from it. */
  dueOn: z.string(),
  daysOverdue: z.number(),
  /** In words, e.g. '办公室：3–5月报告未交，最长逾期82天'. */
  reason: z.string(),
});

/** The whole dashboard answer. */
export const dashboardResponse = z.object({
  planId: z.number(),
  asOf: z.string(),
  plan: z.object({
    light: lightSchema,
    progress: z.number().nullable(),
    reason: z.string(),
    counts: lightCountsSchema,
  }),
  bySection: z.array(lightSummarySchema),
  byDepartment: z.array(lightSummarySchema),
  byLeader: z.array(lightSummarySchema),
  byLight: z.array(lightSummarySchema),
  /** Items by light, over the items the user may see. */
  itemCounts: lightCountsSchema,
  sections: z.array(dashboardSectionSchema),
  departments: z.array(dashboardDepartmentSchema),
  ranking: z.array(rankingRowSchema),
  trend: z.array(trendMonthSchema),
  /** The overdue things of the red tasks, worst first. */
  overdue: z.array(overdueEntrySchema),
  /** How many tasks those things belong to (逾期任务). */
  overdueTasks: z.number(),
});

/** GET /api/plans/:id/dashboard. */
export type DashboardResponse = z.infer<typeof dashboardResponse>;
/** A row of the department ranking. */
export type RankingRow = z.infer<typeof rankingRowSchema>;
/** A month of the reporting trend. */
export type TrendMonth = z.infer<typeof trendMonthSchema>;
/** A row of the overdue list. */
export type OverdueEntry = z.infer<typeof overdueEntrySchema>;
/** A section bar of the dashboard. */
export type DashboardSection = z.infer<typeof dashboardSectionSchema>;
/** A department bar of the dashboard. */
export type DashboardDepartment = z.infer<typeof dashboardDepartmentSchema>;

/** A plan as GET /api/plans lists it (the fields the dashboard reads). */
export interface PlanChoice {
  id: number;
  title: string;
  year: number;
  status: 'draft' | 'published' | 'closed';
  publishedOn: string | null;
}
