import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/context.ts';
import { canReview, isSupervisorOf, mayEditTask, requireOwner } from './tasks.ts';
import { actorOf, CHILD, OWN } from './test-actors.ts';

// [role, edits own task, reviews an item it leads, reviews an item it does not lead]
const table: Array<[Role, boolean, boolean, boolean]> = [
  ['admin', false, false, false],
  ['security_admin', false, false, false],
  ['auditor', false, false, false],
  ['supervisor', true, true, true],
  ['leader', false, true, false],
  ['department', false, false, false],
  ['school', false, false, false],
  ['viewer', false, false, false],
];

describe('tasks policy', () => {
  for (const [role, edits, reviewsLed, reviewsOther] of table) {
    it(`${role}: edits ${edits}, reviews its items ${reviewsLed}, others ${reviewsOther}; nothing of a district`, () => {
      const actor = actorOf([role]);
      // actorLeadsItem comes from the query, which sets it only for leaders named on the item.
      const leads = role === 'leader';
      expect(mayEditTask(actor, { organizationId: OWN })).toBe(edits);
      expect(isSupervisorOf(actor, OWN)).toBe(edits);
      expect(canReview(actor, OWN, leads)).toBe(reviewsLed);
      expect(canReview(actor, OWN, false)).toBe(reviewsOther);
      expect(mayEditTask(actor, { organizationId: CHILD })).toBe(false);
      expect(canReview(actor, CHILD, leads)).toBe(false);
    });
  }

  it('lets only an owning unit work on a task', () => {
    const task = { id: 9, actorOwns: false } as Parameters<typeof requireOwner>[0];
    expect(() => requireOwner(task)).toThrow('牵头或配合单位');
    expect(() => requireOwner({ ...task, actorOwns: true })).not.toThrow();
  });
});
