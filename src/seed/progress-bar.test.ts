import { describe, expect, it } from 'vitest';
import { formatDuration, progressBar } from './progress-bar.ts';

function collector(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, columns: 200, write: (text: string) => written.push(text) } };
}

describe('the seed progress bar', () => {
  it('redraws one line on a terminal, with rows per second and the time left', () => {
    let now = 0;
    const { written, stream } = collector(true);
    const show = progressBar(stream, () => now);
    now = 10_000;
    show({ done: 1, total: 4, rows: 50_000, label: '某局 2024年' });
    expect(written[0]).toMatch(
      /^\r\x1b\[K\[██████░+\] 1\/4 个年度计划 {2}50,000 条记录 {2}5,000 条\/秒 {2}剩余约 30秒/,
    );
    now = 40_000;
    show({ done: 4, total: 4, rows: 200_000, label: '某局 2024年' });
    expect(written[1]?.endsWith('\n')).toBe(true);
  });

  it('writes a plain line every ten seconds and at the end when stderr is not a terminal', () => {
    let now = 0;
    const { written, stream } = collector(false);
    const show = progressBar(stream, () => now);
    for (let done = 1; done <= 5; done++) {
      now = done * 4_000;
      show({ done, total: 5, rows: done * 1000, label: `第${done}个` });
    }
    // 12 s and 20 s (the end): two lines, no control characters.
    expect(written).toHaveLength(2);
    expect(written.join('')).not.toContain('\r');
    expect(written[1]).toBe('生成进度：5/5 个年度计划  5,000 条记录  250 条/秒  剩余约 0秒（第5个）\n');
  });

  it('says durations in Chinese units', () => {
    expect(formatDuration(5)).toBe('5秒');
    expect(formatDuration(125)).toBe('2分5秒');
    expect(formatDuration(3_725)).toBe('1小时2分');
  });
});
