import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/context.ts';
import {
  mayEditDraft,
  mayEditReporting,
  mayPublish,
  mayReadPlans,
  planReach,
  requirePublisher,
} from './plans.ts';
import { actorOf, CHILD, OWN } from './test-actors.ts';

// [role, reads plans, reach, publishes its own plan, publishes a district's plan]
const table: Array<[Role, boolean, 'none' | 'own' | 'children', boolean, boolean]> = [
  ['admin', false, 'none', false, false],
  ['security_admin', false, 'none', false, false],
  ['auditor', false, 'none', false, false],
  ['supervisor', true, 'children', true, false],
  ['leader', true, 'own', false, false],
  ['department', true, 'own', false, false],
  ['school', true, 'own', false, false],
  ['viewer', true, 'children', false, false],
];

describe('plans policy', () => {
  for (const [role, reads, reach, publishesOwn, publishesChild] of table) {
    it(`${role}: reads ${reads}, reach ${reach}, publishes own ${publishesOwn}, a district's ${publishesChild}`, () => {
      const actor = actorOf([role]);
      expect(mayReadPlans(actor)).toBe(reads);
      expect(planReach(actor)).toBe(reach);
      expect(mayPublish(actor, { organizationId: OWN })).toBe(publishesOwn);
      expect(mayPublish(actor, { organizationId: CHILD })).toBe(publishesChild);
      expect(mayEditDraft(actor, { organizationId: OWN })).toBe(publishesOwn);
      expect(mayEditReporting(actor, { organizationId: CHILD })).toBe(false);
      if (publishesOwn) expect(() => requirePublisher(actor)).not.toThrow();
      else expect(() => requirePublisher(actor)).toThrow('督办人员');
    });
  }

  it('gives an administrator who is also a supervisor the supervisor’s rights', () => {
    const both = actorOf(['admin', 'supervisor']);
    expect(mayPublish(both, { organizationId: OWN })).toBe(true);
    expect(planReach(both)).toBe('children');
  });
});
