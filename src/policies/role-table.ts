import type { Actor, Role } from '../domain/context.ts';
import { ABILITIES } from '../shared/abilities.ts';
import { ROLES } from '../shared/accounts.ts';
import { can } from './index.ts';
import { ABILITY_NAMES, ROLE_NAMES } from './messages.ts';

// SECURITY.md's role × action table, generated from the policies (scripts/security-table.ts writes
// it; src/policies/role-table.test.ts fails when SECURITY.md holds another one).

/** The markers around the generated table in SECURITY.md. */
export const TABLE_START = '<!-- role-table:start (npx tsx scripts/security-table.ts) -->';
export const TABLE_END = '<!-- role-table:end -->';

/** A user holding one role, bound to a unit or leader row when the role needs one. */
export function actorWithRole(role: Role): Actor {
  return {
    organizationId: 1,
    userId: 1,
    label: role,
    roles: [role],
    unitId: role === 'department' || role === 'school' ? 1 : null,
    leaderId: role === 'leader' ? 1 : null,
  };
}

/** The table in Markdown: one row per ability, one column per role, ✓ where the role holds it. */
export function renderRoleTable(): string {
  const header = `| 能力 | 代码 | ${ROLES.map((role) => ROLE_NAMES[role]).join(' | ')} |`;
  const rule = `|---|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = ABILITIES.map((ability) => {
    const marks = ROLES.map((role) => (can(actorWithRole(role), ability) ? '✓' : ''));
    return `| ${ABILITY_NAMES[ability]} | \`${ability}\` | ${marks.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}

/** SECURITY.md's text with the table between the markers replaced by the generated one. */
export function withRoleTable(markdown: string): string {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`SECURITY.md has no ${TABLE_START} … ${TABLE_END} section`);
  return `${markdown.slice(0, start + TABLE_START.length)}\n${renderRoleTable()}\n${markdown.slice(end)}`;
}
