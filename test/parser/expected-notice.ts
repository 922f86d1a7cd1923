import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ParsedNotice } from '../../src/notice/types.ts';

/** Folder of the parser's notice fixtures. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/notices/', import.meta.url));

/** A fixture's expected file: any subset of the notice's fields, plus warning codes that must appear. */
export type ExpectedNotice = Record<string, unknown> & {
  sections?: Array<Record<string, unknown> & { items: Array<Record<string, unknown>> }>;
  warningCodes?: string[];
};

/** Reads a fixture's text and its expected JSON. */
export function readFixture(path: string): { text: string; expected: ExpectedNotice } {
  const text = readFileSync(`${FIXTURES}${path}.txt`, 'utf8');
  const expected = JSON.parse(readFileSync(`${FIXTURES}${path}.expected.json`, 'utf8')) as ExpectedNotice;
  return { text, expected };
}

/**
 * The parsed notice cut down to the fields the expected file names (so a fixture states only what
 * its text says), ready for toEqual.
 */
export function project(actual: ParsedNotice, expected: ExpectedNotice): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const source = actual as unknown as Record<string, unknown>;
  for (const key of Object.keys(expected)) {
    if (key === 'sections' || key === 'warningCodes') continue;
    out[key] = source[key];
  }
  if (expected.sections !== undefined) {
    out.sections = actual.sections.map((section, s) => {
      const want = expected.sections?.[s] ?? expected.sections?.[0] ?? { items: [] };
      const got = pick(section as unknown as Record<string, unknown>, want);
      const wantItem = want.items[0] ?? {};
      got.items = section.items.map((item, i) =>
        pick(item as unknown as Record<string, unknown>, want.items[i] ?? wantItem),
      );
      return got;
    });
  }
  return out;
}

function pick(from: Record<string, unknown>, like: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(like)) if (key !== 'items') out[key] = from[key];
  return out;
}

/** The expected file without the warning codes (which are checked separately). */
export function withoutCodes(expected: ExpectedNotice): Record<string, unknown> {
  const { warningCodes: _codes, ...rest } = expected;
  return rest;
}
