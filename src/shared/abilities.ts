// What a signed-in user may do, as GET /api/me lists it. The server derives each ability in one
// place (src/domain/accounts/permissions.ts) from the rules its use cases enforce; the web app shows
// a menu entry, a page or a button only when the user holds the ability behind it.

/** Every ability the server may grant, grouped by area. */
export const ABILITIES = [
  // Accounts and system administration.
  'users.manage',
  'security.manage',
  'audit.read',
  'audit.export',
  'jobs.manage',
  'notifications.configure',
  'reminders.read',
  'settings.edit',
  'calendar.edit',
  'schoolCalendar.edit',
  'directory.edit',
  'tokens.own',
  // Plans and tasks.
  'plans.read',
  'plans.readAll',
  'plans.import',
  'plans.publish',
  'reporting.edit',
  'tasks.read',
  'tasks.edit',
  // A unit's own work on its tasks.
  'tasks.acknowledge',
  'reports.submit',
  'occurrences.log',
  'extensions.request',
  'completions.request',
  // Deciding on others' work.
  'reports.review',
  'extensions.decide',
  'completions.decide',
  // Supervision (督办).
  'supervision.overview',
  'supervision.notice',
  'supervision.reply',
  'supervision.urge',
  // Findings and monthly inspections (问题整改).
  'findings.manage',
  'findings.record',
  'inspections.file',
  'inspections.overview',
  // School data collection (一表通) and the balance monitor (差异系数).
  'balance.read',
  'balance.manage',
  'balance.fill',
  // Reports upward.
  'dashboard.read',
  'bulletins.read',
  'bulletins.write',
  'evaluation.read',
  'evaluation.edit',
  'compare.use',
  'compare.carryOver',
] as const;

/** An ability code, e.g. "users.manage". */
export type Ability = (typeof ABILITIES)[number];
