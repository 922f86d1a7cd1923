import { describe, expect, it } from 'vitest';
import { parseNoticeText } from '../../notice/parse-notice.ts';
import { findLoose, locateSpans } from './locate-spans.ts';

describe('locateSpans', () => {
  it('finds an indicator broken by a page break and names split across lines, with full-width text folded', () => {
    const text = [
      '云溪区2024年教育体育工作要点',
      '一、加强党的建设',
      '1. 加强纪律建设。每季度开展一次廉政',
      '',
      '教育，６月底前完成廉政风险排查。（责任领导：陈玲玲、',
      '林海，责任股室：纪监室、办公室）',
    ].join('\n');
    const parsed = parseNoticeText(text);
    const spans = locateSpans(text, parsed);
    const found = spans.map((s) => [s.kind, text.slice(s.start, s.end), s.item]);
    expect(found).toContainEqual(['indicator', '每季度开展一次廉政\n\n教育', [0, 0]]);
    expect(found).toContainEqual(['indicator', '６月底前完成廉政风险排查', [0, 0]]);
    expect(found).toContainEqual(['leader', '林海', [0, 0]]);
    expect(found).toContainEqual(['department', '纪监室', [0, 0]]);
    expect(spans.map((s) => s.start)).toEqual([...spans.map((s) => s.start)].sort((a, b) => a - b));
  });

  it('matches across line breaks only, never across other characters', () => {
    expect(findLoose('甲乙\n丙丁', '乙丙', 0, 5)).toEqual([1, 4]);
    expect(findLoose('甲乙，丙丁', '乙丙', 0, 5)).toBeNull();
    expect(findLoose('乙丙乙丙', '乙丙', 1, 4)).toEqual([2, 4]);
  });
});
