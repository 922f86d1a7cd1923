import { z } from 'zod';

// Contracts of the background jobs page (后台任务), shared by the HTTP routes and the web app.

/** The states a job goes through: queued → running → done, or back to queued (a retry) or failed. */
export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;

/** A job's state. */
export type JobState = (typeof JOB_STATES)[number];

/** GET /api/jobs?state=: an optional state to list only. */
export const jobListQuerySchema = z.object({
  state: z.enum(JOB_STATES, { error: '状态应为 queued、running、done 或 failed' }).optional(),
});

/** A job as the administration page shows it (times are UTC ISO). */
export const jobViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  organizationId: z.number().nullable(),
  organizationName: z.string().nullable(),
  /** The job's input as JSON text. */
  payload: z.string(),
  state: z.enum(JOB_STATES),
  runAt: z.string(),
  attempts: z.number(),
  maxAttempts: z.number(),
  lastError: z.string().nullable(),
  lockedBy: z.string().nullable(),
  leaseUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** A job as listed. */
export type JobView = z.infer<typeof jobViewSchema>;

/** GET /api/jobs: up to `limit` jobs (failed first, then newest) and the count in each state. */
export const jobListSchema = z.object({
  jobs: z.array(jobViewSchema),
  counts: z.object({ queued: z.number(), running: z.number(), done: z.number(), failed: z.number() }),
  limit: z.number(),
});

/** The answer of GET /api/jobs. */
export type JobList = z.infer<typeof jobListSchema>;
