// Writes SECURITY.md's role × action table from the policies (src/policies): run after changing a
// rule, or src/policies/role-table.test.ts fails. Usage: npx tsx scripts/security-table.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withRoleTable } from '../src/policies/role-table.ts';

const path = fileURLToPath(new URL('../SECURITY.md', import.meta.url));
const before = readFileSync(path, 'utf8');
const after = withRoleTable(before);
if (after === before) console.log('SECURITY.md 的角色权限表已是最新。');
else {
  writeFileSync(path, after);
  console.log('已更新 SECURITY.md 的角色权限表。');
}
