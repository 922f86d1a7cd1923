import { describe, expect, it } from 'vitest';
import { findIndicators } from './indicators.ts';

// Bodies from the other layouts in the shared notice set (a task table, half-width punctuation).
const found = (body: string) =>
  findIndicators(body, 2025).map(({ kind, text, min, max, per, value, due }) =>
    Object.fromEntries(
      Object.entries({ kind, text, min, max, per, value, due }).filter(([, v]) => v !== undefined),
    ),
  );

describe('findIndicators on other notices', () => {
  it('reads a table row of targets', () => {
    expect(found('城镇新增就业3200人以上，其中高校毕业生留临就业不低于900人。')).toEqual([
      { kind: 'count', text: '城镇新增就业3200人以上', min: 3200, per: 'year' },
      { kind: 'count', text: '其中高校毕业生留临就业不低于900人', min: 900, per: 'year' },
    ]);
  });

  it('reads building targets, places and an autumn-term deadline', () => {
    const body =
      '新建改扩建中小学、幼儿园5所，新增学位2700个。加快临溪实验中学新校区建设，确保秋季学期投入使用。';
    expect(found(body)).toEqual([
      { kind: 'project', text: '新建改扩建中小学、幼儿园5所', min: 5 },
      { kind: 'count', text: '新增学位2700个', min: 2700, per: 'year' },
      { kind: 'deadline', text: '确保秋季学期投入使用', due: '2025-09-01' },
    ]);
  });

  it('reads half-width punctuation and a page break inside a clause', () => {
    const body =
      '完成5所乡镇寄宿制学校宿舍和食堂改造,推动县城学校与乡村学校组建\n\n教育联合体8个,实现一体化管理。';
    expect(found(body)).toEqual([
      { kind: 'project', text: '完成5所乡镇寄宿制学校宿舍和食堂改造', min: 5 },
      { kind: 'count', text: '推动县城学校与乡村学校组建\n\n教育联合体8个', min: 8, per: 'year' },
    ]);
  });

  it('reads the percent targets of a table row and skips the measures', () => {
    const body = '新建社区多功能运动场8片、健身步道12公里，经常参加体育锻炼人数比例达到38.5%。';
    expect(found(body)).toEqual([
      { kind: 'project', text: '新建社区多功能运动场8片', min: 8 },
      { kind: 'percent', text: '经常参加体育锻炼人数比例达到38.5%', value: 38.5 },
    ]);
  });
});
