import { type AbilityRule, isSupervisor, isSystemAdmin } from './roles.ts';

// Notification channels are configuration (the system administrator's); the log of who was chased
// about what is business data (the supervisors').

/** The abilities of notifications and reminders. */
export const notificationAbilities = {
  'notifications.configure': isSystemAdmin,
  'reminders.read': isSupervisor,
} satisfies Record<string, AbilityRule>;
