import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/context.ts';
import { can } from './index.ts';
import { mayDecide, mayReply } from './supervision.ts';
import { actorOf, CHILD, OWN } from './test-actors.ts';

// [role, sees the supervision center, decides on replies, replies to a notice to its unit]
const table: Array<[Role, boolean, boolean, boolean]> = [
  ['admin', false, false, false],
  ['security_admin', false, false, false],
  ['auditor', false, false, false],
  ['supervisor', true, true, false],
  ['leader', true, false, false],
  ['department', false, false, true],
  ['school', false, false, true],
  ['viewer', false, false, false],
];

describe('supervision policy', () => {
  for (const [role, overview, decides, replies] of table) {
    it(`${role}: overview ${overview}, decides ${decides}, replies ${replies}`, () => {
      const actor = actorOf([role]);
      expect(can(actor, 'supervision.overview')).toBe(overview);
      expect(mayDecide(actor, { organizationId: OWN })).toBe(decides);
      expect(mayDecide(actor, { organizationId: CHILD })).toBe(false);
      expect(mayReply(actor, { organizationId: OWN, unitId: 5 })).toBe(replies);
      expect(mayReply(actor, { organizationId: OWN, unitId: 6 })).toBe(false);
    });
  }
});
