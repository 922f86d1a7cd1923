import type { Kysely } from 'kysely';
import { listUnitAliases, listUnits } from '../../db/queries/units.ts';
import type { DB } from '../../db/schema.ts';
import { planMessages } from '../plan-messages.ts';
import { simplified } from './simplified.ts';

/** A close directory entry offered for a name the directory lacks, and why it is close. */
export interface NameSuggestion {
  unitId: number;
  name: string;
  why: string;
}

/** A notice name matched against the directory: the unit it names, or null with perhaps a suggestion. */
export interface ResolvedName {
  name: string;
  unitId: number | null;
  /** How it matched: the unit's own name or one of its aliases. */
  via?: 'name' | 'alias';
  suggestion?: NameSuggestion;
}

/** The directory as resolution needs it: unit names and aliases. */
export interface UnitDirectory {
  units: ReadonlyArray<{ id: number; name: string }>;
  aliases: ReadonlyArray<{ unitId: number; alias: string; unitName: string }>;
}

/** Loads an organization's units (active or not, so a retired name still resolves) and aliases. */
export async function loadUnitDirectory(db: Kysely<DB>, organizationId: number): Promise<UnitDirectory> {
  const [units, aliases] = await Promise.all([
    listUnits(db, organizationId, { includeInactive: true }),
    listUnitAliases(db, organizationId),
  ]);
  return { units, aliases };
}

/** Resolves names against an organization's directory (exact name, then alias, then a suggestion). */
export async function resolveNames(
  db: Kysely<DB>,
  organizationId: number,
  names: readonly string[],
): Promise<ResolvedName[]> {
  const directory = await loadUnitDirectory(db, organizationId);
  return names.map((name) => resolveName(name, directory));
}

/** Resolves one name against a loaded directory (exact, alias, the same name in simplified characters, else a suggestion). */
export function resolveName(name: string, directory: UnitDirectory): ResolvedName {
  const unit = directory.units.find((u) => u.name === name);
  if (unit) return { name, unitId: unit.id, via: 'name' };
  const alias = directory.aliases.find((a) => a.alias === name);
  if (alias) return { name, unitId: alias.unitId, via: 'alias' };
  // A notice in traditional characters (辦公室) names the directory's units all the same.
  const plain = simplified(name);
  if (plain !== name) {
    const same =
      directory.units.find((u) => u.name === plain) ?? directory.aliases.find((a) => a.alias === plain);
    if (same) return { name, unitId: 'id' in same ? same.id : same.unitId, via: 'alias' };
  }
  const candidates = [
    ...directory.units.map((u) => ({ unitId: u.id, text: u.name, unitName: u.name })),
    ...directory.aliases.map((a) => ({ unitId: a.unitId, text: a.alias, unitName: a.unitName })),
  ];
  let best: { rank: number; gap: number; suggestion: NameSuggestion } | undefined;
  for (const candidate of candidates) {
    const rank = closeness(name, candidate.text);
    if (rank === null) continue;
    const gap = Math.abs(candidate.text.length - name.length);
    if (!best || rank < best.rank || (rank === best.rank && gap < best.gap)) {
      best = {
        rank,
        gap,
        suggestion: {
          unitId: candidate.unitId,
          name: candidate.unitName,
          why: explain(rank, name, candidate.text),
        },
      };
    }
  }
  return best ? { name, unitId: null, suggestion: best.suggestion } : { name, unitId: null };
}

const SHORTHAND = 0;
const ONE_CHARACTER = 1;
const CONTAINS = 2;

/**
 * How close two names are, best first, or null when not close: a shorthand (纪监室 for 纪检监察室:
 * the short name's characters in order, same first and last character — how bureaus abbreviate),
 * one character different at the same length, or one containing the other.
 */
export function closeness(name: string, other: string): number | null {
  if (name === other || name.length < 2 || other.length < 2) return null;
  const [short, long] = name.length <= other.length ? [name, other] : [other, name];
  if (short.length < long.length && isShorthand(short, long)) return SHORTHAND;
  if (short.length === long.length && differences(short, long) === 1) return ONE_CHARACTER;
  if (long.includes(short)) return CONTAINS;
  return null;
}

/** Two names of one notice that may be one unit: `name` looks like a shorthand of `other`. */
export interface SimilarNamePair {
  name: string;
  other: string;
  why: string;
}

/**
 * Pairs of `names` where one is a shorthand of one of `others` (纪监室 beside 纪检监察室), the shorter
 * as `name`. Only shorthands count: in one notice, names a character apart or one inside the other
 * are usually different units (教育股 and 体育股, 教育股 and 基础教育股), while a notice that writes a
 * unit's full name in one item and its shorthand in another is common.
 */
export function similarNamePairs(names: readonly string[], others: readonly string[]): SimilarNamePair[] {
  const pairs: SimilarNamePair[] = [];
  for (const name of names) {
    for (const other of others) {
      if (name.length >= 2 && other.length > name.length && isShorthand(name, other))
        pairs.push({ name, other, why: explain(SHORTHAND, name, other) });
    }
  }
  return pairs;
}

/** Whether `short` abbreviates `long`: its characters in order, sharing the first and last one. */
export function isShorthand(short: string, long: string): boolean {
  const a = [...short];
  const b = [...long];
  if (a[0] !== b[0] || a[a.length - 1] !== b[b.length - 1]) return false;
  let i = 0;
  for (const ch of b) if (ch === a[i]) i++;
  return i === a.length;
}

function differences(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  return x.reduce((n, ch, i) => (ch === y[i] ? n : n + 1), 0);
}

function explain(rank: number, name: string, other: string): string {
  if (rank === SHORTHAND) {
    return name.length < other.length
      ? planMessages.whySubsequence(name, other)
      : planMessages.whySubsequence(other, name);
  }
  if (rank === ONE_CHARACTER) return planMessages.whyOneCharacter(name, other);
  return planMessages.whyContains(name, other);
}
