import { describe, expect, it } from 'vitest';
import { parseNoticeText } from './parse-notice.ts';

const notice = (lines: string[]) =>
  ['某某县2024年教育工作要点', '一、重点工作', ...lines, '（责任领导：张三，责任股室：办公室）'].join('\n');

describe('item numbers of four and five digits', () => {
  it('reads 1000. and on as items where they continue the numbering', () => {
    const lines = Array.from({ length: 1_002 }, (_, k) => `${k + 1}. 推进第${k + 1}项工作。`);
    const items = parseNoticeText(notice(lines)).sections[0]?.items ?? [];
    expect(items).toHaveLength(1_002);
    expect(items.at(-1)).toMatchObject({ no: 1_002, title: '推进第1002项工作' });
  });

  it('keeps a line starting with a year in the item above it', () => {
    const parsed = parseNoticeText(
      notice(['1. 推进课堂改革。', '2024.全年开展示范课评比。', '2. 加强队伍建设。']),
    );
    const items = parsed.sections[0]?.items ?? [];
    expect(items.map((i) => i.no)).toEqual([1, 2]);
    expect(items[0]?.body).toContain('全年开展示范课评比');
  });
});
