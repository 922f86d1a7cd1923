import { describe, expect, it } from 'vitest';
import { combineLights } from './combine.ts';

describe('combining a task light', () => {
  it('takes the worst part and joins the worst parts reasons', () => {
    const result = combineLights({
      indicators: [
        { light: 'yellow', reason: '5月未完成', progress: 0.2, credited: 2, owed: 3 },
        { light: 'green', reason: '进度正常', progress: 0.6, credited: 1, owed: 1 },
      ],
      report: { light: 'yellow', reason: '5月报告逾期3天' },
    });
    // Progress is what the indicators owe so far, summed: (2 + 1) / (3 + 1).
    expect(result).toEqual({
      light: 'yellow',
      reason: '5月未完成；5月报告逾期3天',
      progress: 0.75,
      credited: 3,
      owed: 4,
    });
  });

  it('lets a late report make an on-track task red', () => {
    const result = combineLights({
      indicators: [{ light: 'green', reason: '进度正常', progress: 1 }],
      report: { light: 'red', reason: '5月报告逾期9天' },
    });
    expect(result).toMatchObject({ light: 'red', reason: '5月报告逾期9天' });
  });

  it('prefixes labels when given', () => {
    const result = combineLights({
      indicators: [
        { light: 'red', reason: '应于2024-06-30前完成，已逾期1天', label: '食堂管理细则', progress: 0 },
      ],
    });
    expect(result.reason).toBe('食堂管理细则：应于2024-06-30前完成，已逾期1天');
  });

  it('is done only when the task completion is accepted', () => {
    const indicators = [{ light: 'done' as const, reason: '已办结', progress: 1, credited: 4, owed: 4 }];
    expect(combineLights({ indicators })).toMatchObject({ light: 'green', reason: '各项指标已完成，待办结' });
    expect(combineLights({ indicators, completionAccepted: true })).toEqual({
      light: 'done',
      reason: '已办结',
      progress: 1,
      credited: 4,
      owed: 4,
    });
  });

  it('is grey when nothing has started', () => {
    const result = combineLights({
      indicators: [{ light: 'grey', reason: '尚未开始（2024-02-23起）', progress: 0 }],
      report: { light: 'grey', reason: '暂无到期报告' },
    });
    expect(result.light).toBe('grey');
  });

  it('gives a task that owes nothing yet no progress (null), and 1 once done', () => {
    expect(
      combineLights({ indicators: [], report: { light: 'green', reason: '报告已按期提交' } }),
    ).toMatchObject({
      light: 'green',
      progress: null,
    });
    expect(combineLights({ indicators: [] })).toMatchObject({ light: 'grey', progress: null });
    expect(combineLights({ indicators: [], completionAccepted: true }).progress).toBe(1);
  });
});
