import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/context.ts';
import { seesAllScores } from './dashboard.ts';
import { mayEditEvaluation, mayReadEvaluation, requireEvaluationEditor } from './evaluation.ts';
import { actorOf, CHILD, OWN } from './test-actors.ts';

// [role, every unit's figures, reads own bureau's evaluation, a district's, edits own]
const table: Array<[Role, boolean, boolean, boolean, boolean]> = [
  ['admin', false, false, false, false],
  ['security_admin', false, false, false, false],
  ['auditor', false, false, false, false],
  ['supervisor', true, true, true, true],
  ['leader', true, true, false, false],
  ['department', false, true, false, false],
  ['school', false, true, false, false],
  ['viewer', true, true, true, false],
];

describe('evaluation and dashboard policy', () => {
  for (const [role, all, readsOwn, readsChild, edits] of table) {
    it(`${role}: all figures ${all}, reads ${readsOwn}, a district's ${readsChild}, edits ${edits}`, () => {
      const actor = actorOf([role]);
      expect(seesAllScores(actor)).toBe(all);
      expect(mayReadEvaluation(actor, { organizationId: OWN })).toBe(readsOwn);
      expect(mayReadEvaluation(actor, { organizationId: CHILD })).toBe(readsChild);
      expect(mayEditEvaluation(actor, { organizationId: OWN })).toBe(edits);
      expect(mayEditEvaluation(actor, { organizationId: CHILD })).toBe(false);
      if (!edits) expect(() => requireEvaluationEditor(actor, { organizationId: OWN })).toThrow();
    });
  }
});
