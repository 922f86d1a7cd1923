import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/context.ts';
import { actingUnit, isBoundLeader } from './roles.ts';
import { actorOf } from './test-actors.ts';
import { whatApplies } from './work.ts';

// [role, works for a unit, decides extensions, decides completions]
const table: Array<[Role, boolean, boolean, boolean]> = [
  ['admin', false, false, false],
  ['security_admin', false, false, false],
  ['auditor', false, false, false],
  ['supervisor', false, true, true],
  ['leader', false, true, false],
  ['department', true, false, false],
  ['school', true, false, false],
  ['viewer', false, false, false],
];

describe('work policy (the workbench)', () => {
  for (const [role, unit, extensions, completions] of table) {
    it(`${role}: unit ${unit}, extensions ${extensions}, completions ${completions}`, () => {
      expect(whatApplies(actorOf([role]))).toEqual({ unit, extensions, completions });
    });
  }

  it('needs the binding: a department role without a unit, a leader without a leader row, do nothing', () => {
    const loose = { ...actorOf(['department', 'leader']), unitId: null, leaderId: null };
    expect(actingUnit(loose)).toBeNull();
    expect(isBoundLeader(loose)).toBe(false);
    expect(whatApplies(loose)).toEqual({ unit: false, extensions: false, completions: false });
  });
});
