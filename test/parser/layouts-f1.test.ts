import { describe, expect, it } from 'vitest';
import { parseNoticeText } from '../../src/notice/parse-notice.ts';
import { readFixture } from './expected-notice.ts';
import { fixturesIn, scoreAll } from './field-f1.ts';
import { expectSane } from './notice-invariants.ts';

const FOLDERS = ['layouts', 'formats', 'forms'];

// Field F1 over every fixture notice: each item, leader, department and lead department the text
// states is a fact; the parser must find nearly all of them and invent almost none.
describe('field F1 over the fixture notices', () => {
  it('finds the items and their responsibility in every layout (F1 ≥ 0.98)', () => {
    const { f1, fixtures } = scoreAll(fixturesIn(FOLDERS));
    const below = fixtures.filter((s) => s.f1 < 1);
    for (const s of below) {
      console.log(
        `${s.name}: F1 ${s.f1.toFixed(3)} (expected ${s.expected}, found ${s.found}, matched ${s.matched})`,
      );
    }
    console.log(`overall F1 ${f1.toFixed(3)} over ${fixtures.length} fixtures`);
    expect(fixtures.length).toBeGreaterThan(0);
    expect(f1).toBeGreaterThanOrEqual(0.98);
  });

  it.each(fixturesIn(FOLDERS))('%s keeps every position inside its unchanged text', (name) => {
    const { text } = readFixture(name);
    const notice = parseNoticeText(text);
    expectSane(text, notice);
    for (const section of notice.sections) {
      for (const item of section.items) {
        // An item's range starts at its number as written (digits, full-width or not).
        expect(text.slice(item.source.start, item.source.start + 1)).toMatch(/[0-9０-９(（①-⑳一-龥]/);
      }
    }
  });
});
