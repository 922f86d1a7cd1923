import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNoticeText } from '../../src/notice/parse-notice.ts';
import { type ExpectedNotice, FIXTURES } from './expected-notice.ts';

const text = readFileSync(`${FIXTURES}yunxi-2024-jiaoti-gongzuo-yaodian.txt`, 'utf8');
const expected = JSON.parse(readFileSync(`${FIXTURES}yunxi-2024.expected.json`, 'utf8')) as ExpectedNotice & {
  sections: Array<{ no: number; title: string; items: Array<Record<string, unknown> & { no: number }> }>;
};
const notice = parseNoticeText(text);
const items = notice.sections.flatMap((s) => s.items);

describe('the Yunxi 2024 notice', () => {
  it.each(['issuer', 'docNumber', 'noticeTitle', 'title', 'year', 'issuedOn', 'addressees', 'preamble'])(
    'reads %s',
    (field) => {
      expect((notice as unknown as Record<string, unknown>)[field]).toEqual(expected[field]);
    },
  );

  it('finds the 5 sections with their titles', () => {
    expect(notice.sections.map((s) => [s.no, s.title])).toEqual(
      expected.sections.map((s) => [s.no, s.title]),
    );
  });

  it('finds the 23 items, numbered as printed, in their sections', () => {
    expect(notice.sections.map((s) => s.items.map((i) => i.no))).toEqual(
      expected.sections.map((s) => s.items.map((i) => i.no)),
    );
  });

  const wanted = expected.sections.flatMap((s) => s.items);
  it.each(wanted.map((w) => [w.no, w] as const))('reads item %i field by field', (no, want) => {
    const got = items.find((i) => i.no === no);
    expect(got).toBeDefined();
    for (const field of Object.keys(want)) {
      expect({ no, field, value: (got as unknown as Record<string, unknown>)[field] }).toEqual({
        no,
        field,
        value: want[field],
      });
    }
  });

  it('joins the page breaks inside words and notes', () => {
    const body = (no: number) => items.find((i) => i.no === no)?.body ?? '';
    expect(body(5)).toContain('强化劳动教育');
    expect(body(13)).toContain('学校（幼儿园)综合评价改革');
    expect(body(4)).toContain('一岗双责');
    expect(body(17)).toContain('一岗双责');
    for (const item of items) expect(item.body).not.toMatch(/\n|责任领导|责任股室/);
  });

  it('keeps the names as written, one unit under two names (纪监室, 纪检监察室)', () => {
    expect(items.find((i) => i.no === 4)?.departments).toEqual(['纪监室']);
    expect(items.find((i) => i.no === 21)?.departments).toEqual(['计财股', '纪检监察室']);
  });

  it('points each item at its own text, number and note included', () => {
    for (const item of items) {
      const printed = text.slice(item.source.start, item.source.end);
      expect(printed.startsWith(`${item.no}.`)).toBe(true);
      expect(printed.trimEnd().endsWith(')') || printed.trimEnd().endsWith('）')).toBe(true);
    }
    const ownParagraph = items.filter((i) => [6, 10, 18].includes(i.no));
    for (const item of ownParagraph)
      expect(text.slice(item.source.start, item.source.end)).toContain('\n\n（责任领导');
  });

  it('places the sections around their items', () => {
    for (const s of notice.sections) {
      expect(text.slice(s.source.start, s.source.end)).toMatch(/^[一二三四五]、/);
      for (const i of s.items) {
        expect(i.source.start).toBeGreaterThanOrEqual(s.source.start);
        expect(i.source.end).toBeLessThanOrEqual(s.source.end);
      }
    }
  });

  it('has nothing to warn about', () => {
    expect(notice.warnings).toEqual([]);
  });
});
