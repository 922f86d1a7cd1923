import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ABILITIES } from '../shared/abilities.ts';
import { ROLES } from '../shared/accounts.ts';
import { renderRoleTable, withRoleTable } from './role-table.ts';

const security = readFileSync(new URL('../../SECURITY.md', import.meta.url), 'utf8');

describe("SECURITY.md's role × action table", () => {
  it('is the one the policies generate (run `npx tsx scripts/security-table.ts` after changing a rule)', () => {
    expect(withRoleTable(security)).toBe(security);
  });

  it('has a row per ability and a column per role, and shows 三员分立', () => {
    const lines = renderRoleTable().split('\n');
    expect(lines).toHaveLength(ABILITIES.length + 2);
    expect(lines[0]?.split('|').length).toBe(ROLES.length + 4);
    const row = (code: string) =>
      lines
        .find((line) => line.includes(`\`${code}\``))
        ?.split('|')
        .slice(3, -1);
    const column = (role: string) => ROLES.indexOf(role as (typeof ROLES)[number]);
    expect(row('audit.read')?.map((cell) => cell.trim())).toEqual(
      ROLES.map((role) => (role === 'auditor' ? '✓' : '')),
    );
    expect(row('plans.read')?.[column('admin')]?.trim()).toBe('');
    expect(row('plans.publish')?.[column('supervisor')]?.trim()).toBe('✓');
  });

  it('fails when SECURITY.md holds a stale table', () => {
    const stale = security.replace('| 导出审计日志 |', '| 导出审计日志（旧） |');
    expect(withRoleTable(stale)).not.toBe(stale);
  });
});
