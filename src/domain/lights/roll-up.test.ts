import { describe, expect, it } from 'vitest';
import { labelClauses } from './messages.ts';
import { rollUp } from './roll-up.ts';

describe('rolling up', () => {
  it('weights progress by item weight and keeps the worst light', () => {
    const section = rollUp([
      { light: 'green', progress: 1, weight: 3, reason: '进度正常' },
      { light: 'red', progress: 0, weight: 1, reason: '应完成1次，已完成0次' },
    ]);
    expect(section).toMatchObject({ light: 'red', progress: 0.75, reason: '应完成1次，已完成0次' });
    expect(section.counts).toEqual({ red: 1, yellow: 0, green: 1, grey: 0, done: 0 });
  });

  it('weighs tasks alike when no weight is given', () => {
    expect(
      rollUp([
        { light: 'green', progress: 0.2 },
        { light: 'green', progress: 0.6 },
      ]).progress,
    ).toBeCloseTo(0.4);
  });

  it('falls back to a plain mean when every weight is zero', () => {
    expect(
      rollUp([
        { light: 'green', progress: 0.2, weight: 0 },
        { light: 'green', progress: 0.6, weight: 0 },
      ]).progress,
    ).toBeCloseTo(0.4);
  });

  it('is done only when every child is done', () => {
    expect(
      rollUp([
        { light: 'done', progress: 1 },
        { light: 'done', progress: 1 },
      ]),
    ).toMatchObject({ light: 'done', reason: '已办结' });
    expect(
      rollUp([
        { light: 'done', progress: 1 },
        { light: 'grey', progress: 0 },
      ]).light,
    ).toBe('green');
  });

  it('joins distinct reasons of the worst children', () => {
    const item = rollUp([
      { light: 'yellow', progress: 0.2, reason: '5月未完成' },
      { light: 'yellow', progress: 0.2, reason: '5月未完成' },
      { light: 'yellow', progress: 0.5, reason: '距截止还有3天' },
      { light: 'green', progress: 0.5, reason: '进度正常' },
    ]);
    expect(item.reason).toBe('5月未完成；距截止还有3天');
  });

  it('is grey with no children', () => {
    expect(rollUp([])).toMatchObject({ light: 'grey', progress: null });
  });

  it('leaves out children that owe nothing yet, and has no progress when none owes anything', () => {
    expect(
      rollUp([
        { light: 'green', progress: null, weight: 5 },
        { light: 'green', progress: 0.5, weight: 1 },
      ]).progress,
    ).toBe(0.5);
    expect(rollUp([{ light: 'grey', progress: null }]).progress).toBeNull();
  });
});

describe('rollUp reasons', () => {
  it('names the first three worst children and counts the rest', () => {
    const children = [1, 2, 3, 4, 5].map((n) => ({
      light: 'red' as const,
      progress: 0,
      reason: `第${n}项逾期`,
    }));
    const rolled = rollUp(children);
    expect(rolled.reason).toBe('第1项逾期；第2项逾期；第3项逾期等5项');
  });

  it('counts every clause of a child already summarised, and tells a repeated clause once', () => {
    const rolled = rollUp([
      {
        light: 'red',
        progress: 0,
        reason: '办公室：3–5月报告未交，最长逾期82天；行政审批股：5月报告逾期19天',
      },
      { light: 'red', progress: 0, reason: '甲：逾期1天；乙：逾期2天；丙：逾期3天等7项' },
      { light: 'red', progress: 0, reason: '行政审批股：5月报告逾期19天' },
    ]);
    expect(rolled.reason).toBe(
      '办公室：3–5月报告未交，最长逾期82天；行政审批股：5月报告逾期19天；甲：逾期1天等9项',
    );
    expect(rollUp([{ light: 'red', progress: 0, reason: '甲；乙' }]).reason).toBe('甲；乙');
  });
});

describe('labelClauses', () => {
  it("names each clause once, keeping a closing '等N项'", () => {
    expect(labelClauses('城关小学', '5月未完成；3–5月报告未交，最长逾期98天等4项')).toBe(
      '城关小学：5月未完成；城关小学：3–5月报告未交，最长逾期98天等4项',
    );
    expect(labelClauses('城关小学', '城关小学：5月报告逾期6天')).toBe('城关小学：5月报告逾期6天');
  });
});
