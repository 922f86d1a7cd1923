import { type AbilityRule, isSystemAdmin } from './roles.ts';

// Settings (light thresholds, the organization's reporting cycle) are the system administrator's.

/** The abilities of settings. */
export const settingAbilities = {
  'settings.edit': isSystemAdmin,
} satisfies Record<string, AbilityRule>;
