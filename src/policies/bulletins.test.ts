import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/context.ts';
import { mayEditBulletin, readsBulletins, requireBulletinReader, writesBulletins } from './bulletins.ts';
import { actorOf, CHILD, OWN } from './test-actors.ts';

// [role, reads, writes, reads drafts, reads a district's issued bulletins]
const table: Array<[Role, boolean, boolean, boolean, boolean]> = [
  ['admin', false, false, false, false],
  ['security_admin', false, false, false, false],
  ['auditor', false, false, false, false],
  ['supervisor', true, true, true, true],
  ['leader', true, false, false, false],
  ['department', false, false, false, false],
  ['school', false, false, false, false],
  ['viewer', true, false, false, true],
];

describe('bulletins policy', () => {
  for (const [role, reads, writes, drafts, children] of table) {
    it(`${role}: reads ${reads}, writes ${writes}, drafts ${drafts}, districts' ${children}`, () => {
      const actor = actorOf([role]);
      expect(readsBulletins(actor)).toBe(reads);
      expect(writesBulletins(actor)).toBe(writes);
      if (reads) expect(requireBulletinReader(actor)).toEqual({ drafts, childrenIssued: children });
      else expect(() => requireBulletinReader(actor)).toThrow('工作通报仅供');
      expect(mayEditBulletin(actor, { organizationId: OWN, state: 'draft' })).toBe(writes);
      expect(mayEditBulletin(actor, { organizationId: OWN, state: 'issued' })).toBe(false);
      expect(mayEditBulletin(actor, { organizationId: CHILD, state: 'draft' })).toBe(false);
    });
  }
});
