import { expect } from 'vitest';
import type { ParsedNotice } from '../../src/notice/types.ts';

/** Asserts what must hold for any input: positions inside the text, spans inside bodies, no crash. */
export function expectSane(text: string, notice: ParsedNotice): void {
  expect(notice.warnings.map((w) => w.code)).not.toContain('parser-failed');
  const inside = (r: { start: number; end: number }) =>
    Number.isInteger(r.start) &&
    Number.isInteger(r.end) &&
    r.start >= 0 &&
    r.start <= r.end &&
    r.end <= text.length;
  for (const w of notice.warnings)
    expect(w.at >= 0 && w.at <= text.length && w.message.length > 0).toBe(true);
  for (const section of notice.sections) {
    expect(inside(section.source)).toBe(true);
    for (const item of section.items) {
      expect(inside(item.source)).toBe(true);
      expect(item.body.startsWith(item.title)).toBe(true);
      for (const ind of item.indicators) {
        expect(ind.span[0] >= 0 && ind.span[0] <= ind.span[1] && ind.span[1] <= item.body.length).toBe(true);
      }
    }
  }
}
