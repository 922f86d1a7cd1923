import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNoticeText } from '../../src/notice/parse-notice.ts';
import { FIXTURES, project, readFixture, withoutCodes } from './expected-notice.ts';

function fixtureNames(dir: string): string[] {
  return readdirSync(`${FIXTURES}${dir}`)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => `${dir}/${f.slice(0, -'.expected.json'.length)}`);
}

describe.each([
  ['the shared layout examples', fixtureNames('formats')],
  ['one small notice per form', fixtureNames('forms')],
  ['whole notices in the layouts bureaus send', fixtureNames('layouts')],
])('%s', (_label, names) => {
  it.each(names)('%s parses to the structure its text states', (name) => {
    const { text, expected } = readFixture(name);
    const notice = parseNoticeText(text);
    expect(project(notice, expected)).toEqual(withoutCodes(expected));
    const codes = notice.warnings.map((w) => w.code);
    for (const code of expected.warningCodes ?? []) expect(codes).toContain(code);
  });
});
