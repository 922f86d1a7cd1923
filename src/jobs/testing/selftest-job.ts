import { jobHandlers } from '../handlers.ts';

// Test-only: loaded into a real server process through DUBAN_TEST_JOB_MODULE (never imported by the
// app). Each run of a 'jobs.selftest' job leaves one audit row naming the job and the process, so a
// test can count how often each slot ran and where.

const RUN_MS = Number(process.env.DUBAN_TEST_JOB_MS ?? 150);

jobHandlers['jobs.selftest'] = async (ctx, job) => {
  // Long enough for the other server to poll while this one holds the job.
  await new Promise((resolve) => setTimeout(resolve, RUN_MS));
  await ctx.db
    .insertInto('audit_log')
    .values({
      organization_id: null,
      actor_user_id: null,
      actor_label: `pid ${process.pid}`,
      action: 'jobs.selftest',
      entity_type: 'job',
      entity_id: null,
      before: null,
      after: JSON.stringify({ id: job.id, attempt: job.attempt }),
      created_at: ctx.now().toISOString(),
    })
    .execute();
};
