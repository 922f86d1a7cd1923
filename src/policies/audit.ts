import { type AbilityRule, isAuditor } from './roles.ts';

// The audit log: only the audit administrator (审计管理员) reads and exports it (三员分立). What a
// supervisor sees of an item's history on the item page is business data and is not the audit log.

/** The abilities of the audit log. */
export const auditAbilities = {
  'audit.read': isAuditor,
  'audit.export': isAuditor,
} satisfies Record<string, AbilityRule>;
