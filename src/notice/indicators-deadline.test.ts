import { describe, expect, it } from 'vitest';
import { findIndicators } from './indicators.ts';

describe('deadlines', () => {
  it.each([
    ['6月底前完成校舍安全排查', '2024-06-30'],
    ['年底前完成全部整改', '2024-12-31'],
    ['今年年内完成', '2024-12-31'],
    ['9月1日前完成招生', '2024-09-01'],
    ['3月份前报送名单', '2024-03-01'],
    ['上半年完成验收', '2024-06-30'],
    ['下半年组织复查', '2024-12-31'],
    ['确保秋季学期开学前投入使用', '2024-09-01'],
    ['10月中旬完成评估', '2024-10-20'],
    ['第一季度完成摸底', '2024-03-31'],
    ['十二月底前完成', '2024-12-31'],
    ['2月底前报送', '2024-02-29'],
    ['2025年6月底前建成', '2025-06-30'],
  ])('%s is due %s', (body, due) => {
    expect(findIndicators(body, 2024)).toMatchObject([{ kind: 'deadline', text: body, due }]);
  });

  it('knows February of a common year', () => {
    expect(findIndicators('2月底前报送', 2023)[0]?.due).toBe('2023-02-28');
  });

  it('keeps the deadline but omits the date when the plan year is unknown', () => {
    expect(findIndicators('6月底前完成校舍安全排查', null)).toEqual([
      { kind: 'deadline', text: '6月底前完成校舍安全排查', span: [0, 12] },
    ]);
  });

  it('dates the other promises of its clause instead of standing alone', () => {
    const body = '6月底前完成云溪小学改扩建工程、文桥中心小学教职工周转房项目。';
    expect(findIndicators(body, 2024).map((i) => [i.kind, i.due])).toEqual([
      ['project', '2024-06-30'],
      ['project', '2024-06-30'],
    ]);
  });

  it.each(['三年内实现全覆盖', '用3个月时间集中整治', '每月开展安全排查', '建区40周年'])(
    'durations and periods are not dates: %s',
    (body) => {
      expect(findIndicators(body, 2024).filter((i) => i.kind === 'deadline' || i.due)).toEqual([]);
    },
  );
});
