import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNoticeText } from '../../src/notice/parse-notice.ts';
import { generatedNotice, seeded, YUNXI } from './generated-notice.ts';
import { expectSane } from './notice-invariants.ts';

// Pieces of real notices, so random strings hit the parser's paths rather than only plain text.
const NOTICE_PIECES = [
  '一、',
  '二、',
  '（一）',
  '(二)',
  '1.',
  '2 .',
  '12、',
  '（1）',
  '①',
  '。',
  '，',
  ',',
  '、',
  '；',
  ':',
  '：',
  '(',
  ')',
  '（',
  '）',
  '【',
  '】',
  '「',
  '」',
  '\n',
  '\n\n',
  ' ',
  '　',
  '（责任领导：',
  '责任股室：',
  '責任單位：',
  '牵头单位：',
  '配合单位:',
  '责任单位：',
  '王强',
  '办公室',
  '等',
  '序号',
  '重点工作任务',
  '主要责任单位',
  '分管领导',
  '- 2 -',
  '— 3 —',
  '第1页',
  '2024年2月22日',
  '岳云教体〔2024〕4号',
  '关于印发《',
  '》的通知',
  '工作要点',
  '发布机构：',
  '访问量',
  '抄送：',
  '文件',
  '全年不少于2次',
  '每月开展',
  '6月底前',
  '达到95%',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '𠀀',
];

function mutate(lines: string[], ops: Array<[number, number, number]>): string {
  const out = [...lines];
  for (const [op, a, b] of ops) {
    if (out.length === 0) break;
    const i = a % out.length;
    const j = b % out.length;
    if (op === 0) out.splice(i, 1);
    else if (op === 1) out.splice(i, 0, out[i]!);
    else if (op === 2) [out[i], out[j]] = [out[j]!, out[i]!];
    else out.splice(i, 0, NOTICE_PIECES[b % NOTICE_PIECES.length]!);
  }
  return out.join('\n');
}

describe('the parser on any input', () => {
  it('never throws and keeps every position inside random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expectSane(text, parseNoticeText(text));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on strings made of notice pieces', () => {
    const piece = fc.constantFrom(...NOTICE_PIECES);
    const noticeLike = fc.array(fc.oneof(piece, piece, fc.string({ unit: 'grapheme', maxLength: 6 })), {
      maxLength: 200,
    });
    fc.assert(
      fc.property(noticeLike, (parts) => {
        const text = parts.join('');
        expectSane(text, parseNoticeText(text));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on the Yunxi notice with lines deleted, duplicated, swapped and junk inserted', () => {
    const lines = YUNXI.split('\n');
    const op = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.nat(), fc.nat());
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => {
        const text = mutate(lines, ops);
        expectSane(text, parseNoticeText(text));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on a notice cut anywhere', () => {
    fc.assert(
      fc.property(fc.nat({ max: YUNXI.length }), fc.nat({ max: YUNXI.length }), (a, b) => {
        const text = YUNXI.slice(Math.min(a, b), Math.max(a, b));
        expectSane(text, parseNoticeText(text));
      }),
      { numRuns: 200 },
    );
  });

  it('reads the Yunxi notice whether or not it is flattened onto one line', () => {
    const oneLine = YUNXI.replace(/\s*\n\s*/g, ' ');
    const notice = parseNoticeText(oneLine);
    expectSane(oneLine, notice);
    expect(notice.sections.map((s) => s.items.length)).toEqual([4, 3, 4, 5, 7]);
    expect(notice.docNumber).toBe('岳云教体〔2024〕4号');
    expect(notice.sections[0]?.items[0]?.leaders).toEqual(['陈玲玲', '林海']);
  });
});

describe('large inputs', () => {
  it('parses a 2 MB notice (Yunxi repeated and renumbered) completely', () => {
    const { text, items } = generatedNotice(2 * 1024 * 1024);
    const started = performance.now();
    const notice = parseNoticeText(text);
    const seconds = (performance.now() - started) / 1000;
    expect(notice.sections.flatMap((s) => s.items)).toHaveLength(items);
    expect(notice.sections.at(-1)?.items.at(-1)?.no).toBe(23);
    expect(seconds).toBeLessThan(20);
  });

  it('parses 1 MB of garbage on a single line', () => {
    const random = seeded(7);
    const parts: string[] = [];
    let length = 0;
    while (length < 1024 * 1024) {
      const piece = NOTICE_PIECES[Math.floor(random() * NOTICE_PIECES.length)]!.replace(/\n/g, '');
      parts.push(piece);
      length += piece.length;
    }
    const text = parts.join('');
    const started = performance.now();
    const notice = parseNoticeText(text);
    expectSane(text, notice);
    expect((performance.now() - started) / 1000).toBeLessThan(20);
  });
});
