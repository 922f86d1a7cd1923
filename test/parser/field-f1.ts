import { readdirSync } from 'node:fs';
import { parseNoticeText } from '../../src/notice/parse-notice.ts';
import type { ParsedNotice } from '../../src/notice/types.ts';
import { type ExpectedNotice, FIXTURES, readFixture } from './expected-notice.ts';

/** How many characters of an item's title identify it in a fact. */
const TITLE_PREFIX = 6;

/** Precision, recall and F1 of one fixture's facts, with the counts behind them. */
export interface FixtureScore {
  name: string;
  expected: number;
  found: number;
  matched: number;
  f1: number;
}

type ItemLike = Record<string, unknown>;

/**
 * The facts a notice states about its items: each item (number and the start of its title), and
 * each of its leaders, departments and lead departments. Items are told apart by their number and
 * how many earlier items had that number (numbering may restart per section). Only the fields the
 * expected file names are counted, so a fixture that states no leaders is not scored on them.
 */
function facts(items: readonly ItemLike[], fields: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  const seen = new Map<unknown, number>();
  for (const item of items) {
    const k = seen.get(item.no) ?? 0;
    seen.set(item.no, k + 1);
    const id = `${String(item.no)}#${k}`;
    if (fields.has('title')) out.add(`item ${id} ${String(item.title ?? '').slice(0, TITLE_PREFIX)}`);
    else out.add(`item ${id}`);
    for (const field of ['leaders', 'departments', 'leadDepartments']) {
      if (!fields.has(field)) continue;
      const names = item[field];
      if (Array.isArray(names)) for (const name of names) out.add(`${field} ${id} ${String(name)}`);
    }
  }
  return out;
}

function expectedItems(expected: ExpectedNotice): ItemLike[] {
  return (expected.sections ?? []).flatMap((s) => s.items);
}

function actualItems(notice: ParsedNotice): ItemLike[] {
  return notice.sections.flatMap((s) => s.items as unknown as ItemLike[]);
}

/** Scores one fixture (a path under test/fixtures/notices/ without its extension). */
export function scoreFixture(name: string): FixtureScore {
  const { text, expected } = readFixture(name);
  const want = expectedItems(expected);
  const fields = new Set<string>();
  for (const item of want) for (const key of Object.keys(item)) fields.add(key);
  const wanted = facts(want, fields);
  const got = facts(actualItems(parseNoticeText(text)), fields);
  let matched = 0;
  for (const fact of got) if (wanted.has(fact)) matched++;
  const precision = got.size === 0 ? (wanted.size === 0 ? 1 : 0) : matched / got.size;
  const recall = wanted.size === 0 ? 1 : matched / wanted.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { name, expected: wanted.size, found: got.size, matched, f1 };
}

/** Every fixture (with an expected file) in the given folders under test/fixtures/notices/. */
export function fixturesIn(folders: readonly string[]): string[] {
  return folders.flatMap((dir) =>
    readdirSync(`${FIXTURES}${dir}`)
      .filter((f) => f.endsWith('.expected.json'))
      .sort()
      .map((f) => `${dir}/${f.slice(0, -'.expected.json'.length)}`),
  );
}

/** Overall F1 over the facts of all the fixtures (each fact counts once), and each fixture's score. */
export function scoreAll(names: readonly string[]): { f1: number; fixtures: FixtureScore[] } {
  const fixtures = names.map(scoreFixture);
  let expected = 0;
  let found = 0;
  let matched = 0;
  for (const s of fixtures) {
    expected += s.expected;
    found += s.found;
    matched += s.matched;
  }
  const precision = found === 0 ? 0 : matched / found;
  const recall = expected === 0 ? 0 : matched / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { f1, fixtures };
}
