import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HighlightedText, type MarkKind } from './HighlightedText.tsx';
import { type Mark, segmentText } from './highlight.ts';

const text = '1. 每月开展学习。（责任领导：陈玲玲、林海，责任股室：办公室）';
const at = (s: string) => text.indexOf(s);
const span = (kind: MarkKind, s: string): Mark<MarkKind> => ({
  kind,
  start: at(s),
  end: at(s) + s.length,
  label: s,
});

describe('segmentText', () => {
  it('cuts at every boundary: overlapping marks nest, adjacent marks stay apart, the rest is plain', () => {
    const segments = segmentText('abcdefgh', [
      { kind: 'indicator', start: 1, end: 5 },
      { kind: 'department', start: 3, end: 7 },
      { kind: 'leader', start: 7, end: 8 },
    ]);
    expect(segments.map((s) => [s.text, s.marks.map((m) => m.kind)])).toEqual([
      ['a', []],
      ['bc', ['indicator']],
      ['de', ['indicator', 'department']],
      ['fg', ['department']],
      ['h', ['leader']],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('abcdefgh');
  });

  it('clips marks to the text and drops empty ones', () => {
    expect(
      segmentText('abc', [
        { kind: 'leader', start: 2, end: 9 },
        { kind: 'leader', start: 1, end: 1 },
      ]).map((s) => [s.text, s.marks.length]),
    ).toEqual([
      ['ab', 0],
      ['c', 1],
    ]);
  });
});

describe('HighlightedText', () => {
  it('marks leaders, departments and indicators with their kinds and leaves the rest as plain text', () => {
    const { container } = render(
      <HighlightedText
        text={text}
        marks={[
          span('indicator', '每月开展学习'),
          span('leader', '陈玲玲'),
          span('leader', '林海'),
          span('department', '办公室'),
          // A department name inside an indicator: the inner part carries both kinds.
          { kind: 'department', start: at('开展'), end: at('开展') + 2, label: '开展' },
        ]}
      />,
    );
    const marks = [...container.querySelectorAll('mark')].map((m) => [
      m.textContent,
      m.getAttribute('data-kind'),
      m.getAttribute('data-kinds'),
    ]);
    expect(marks).toEqual([
      ['每月', 'indicator', 'indicator'],
      ['开展', 'department', 'indicator department'],
      ['学习', 'indicator', 'indicator'],
      ['陈玲玲', 'leader', 'leader'],
      ['林海', 'leader', 'leader'],
      ['办公室', 'department', 'department'],
    ]);
    expect(container.textContent).toBe(text);
    const plain = [...container.querySelectorAll('.notice-text > span')].map((s) => s.textContent);
    expect(plain).toEqual(['1. ', '。（责任领导：', '、', '，责任股室：', '）']);
  });

  it('shows markup in the notice as characters, never as HTML', () => {
    const evil = '年底前完成<img src=x onerror=alert(1)>督导评估';
    const { container } = render(
      <HighlightedText
        text={evil}
        marks={[{ kind: 'indicator', start: 0, end: evil.length, label: evil }]}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe(evil);
  });
});
