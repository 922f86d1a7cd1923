import { type AbilityRule, isSupervisor, isSystemAdmin } from './roles.ts';

// The working calendar (holidays, 调休) is configuration; the school calendar (terms) is kept by the
// system administrator or the supervisors who plan by it.

/** The abilities of calendars. */
export const calendarAbilities = {
  'calendar.edit': isSystemAdmin,
  'schoolCalendar.edit': (actor) => isSystemAdmin(actor) || isSupervisor(actor),
} satisfies Record<string, AbilityRule>;
