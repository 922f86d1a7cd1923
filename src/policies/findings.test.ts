import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/context.ts';
import { isAppError } from '../domain/errors.ts';
import { findingActions, requireLinkable } from './findings.ts';
import { can } from './index.ts';
import { actorOf, CHILD, OWN } from './test-actors.ts';

/** The HTTP-facing code a check throws, or 'ok'. */
function outcome(check: () => unknown): string {
  try {
    check();
    return 'ok';
  } catch (error) {
    return isAppError(error) ? error.code : String(error);
  }
}

const item = (organizationId: number, unitOwns: boolean) => ({
  planId: 1,
  itemId: 2,
  organizationId,
  unitOwns,
});

// [role, records findings, files inspections, links an item its unit owns, one it does not, another bureau's]
const table: Array<[Role, boolean, boolean, string, string, string]> = [
  ['admin', false, false, 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND'],
  ['security_admin', false, false, 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND'],
  ['auditor', false, false, 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND'],
  ['supervisor', true, false, 'ok', 'ok', 'NOT_FOUND'],
  ['leader', false, false, 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND'],
  ['department', true, true, 'ok', 'FORBIDDEN', 'NOT_FOUND'],
  ['school', true, true, 'ok', 'FORBIDDEN', 'NOT_FOUND'],
  ['viewer', false, false, 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND'],
];

describe('findings policy', () => {
  for (const [role, records, inspects, owned, notOwned, foreign] of table) {
    it(`${role}: records ${records}, inspects ${inspects}, links owned ${owned} / other unit's ${notOwned} / other bureau's ${foreign}`, () => {
      const actor = actorOf([role]);
      expect(can(actor, 'findings.record')).toBe(records);
      expect(can(actor, 'inspections.file')).toBe(inspects);
      expect(outcome(() => requireLinkable(actor, item(OWN, true), 'itemId'))).toBe(owned);
      expect(outcome(() => requireLinkable(actor, item(OWN, false), 'itemId'))).toBe(notOwned);
      expect(outcome(() => requireLinkable(actor, item(CHILD, true), 'itemId'))).toBe(foreign);
      expect(outcome(() => requireLinkable(actor, undefined, 'planId'))).toBe('NOT_FOUND');
    });
  }

  it("offers no actions on another bureau's finding, even to its own unit number", () => {
    const finding = { status: 'open', unitId: 5, unitKind: 'school' } as const;
    expect(findingActions(actorOf(['school']), { ...finding, organizationId: OWN })).toMatchObject({
      rectify: true,
      escalate: true,
    });
    expect(findingActions(actorOf(['school']), { ...finding, organizationId: CHILD })).toEqual({
      rectify: false,
      escalate: false,
      verify: false,
      assign: false,
    });
  });
});
