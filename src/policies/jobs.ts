import { type AbilityRule, isSystemAdmin } from './roles.ts';

// Background jobs are the system's: the system administrator lists and retries them.

/** The abilities of background jobs. */
export const jobAbilities = {
  'jobs.manage': isSystemAdmin,
} satisfies Record<string, AbilityRule>;
