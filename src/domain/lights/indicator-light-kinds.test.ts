import { describe, expect, it } from 'vitest';
import type { IndicatorKind } from '../../notice/types.ts';
import { computeIndicatorLight } from './indicator-light.ts';
import type { IndicatorProgressInput } from './indicator-spec.ts';
import type { Light } from './light.ts';

const year = { startOn: '2024-02-23', endOn: '2024-12-31' };
const monthly: IndicatorProgressInput = { kind: 'recurring', per: 'month', ...year };
const months = (...ms: number[]) => ms.map((m) => `2024-${String(m).padStart(2, '0')}-10`);

interface Case {
  light: Light;
  asOf: string;
  input: IndicatorProgressInput;
  reason?: string;
}

// Every kind shown in every light, with the reason a user would read.
const matrix: Record<IndicatorKind, Case[]> = {
  recurring: [
    { light: 'grey', asOf: '2024-02-22', input: monthly, reason: '尚未开始（2024-02-23起）' },
    {
      light: 'green',
      asOf: '2024-06-01',
      input: { ...monthly, occurrences: months(3, 4, 5) },
      reason: '进度正常：应完成3个月，已完成3个月（全年10个月）',
    },
    {
      light: 'yellow',
      asOf: '2024-06-01',
      input: { ...monthly, occurrences: months(3, 4) },
      reason: '5月未完成，应完成3次，已完成2次',
    },
    {
      light: 'yellow',
      asOf: '2024-12-28',
      input: { ...monthly, occurrences: months(3, 4, 5, 6, 7, 8, 9, 10, 11) },
      reason: '距截止还有3天，已完成9/10个月',
    },
    { light: 'red', asOf: '2024-06-01', input: monthly, reason: '3月、4月、5月未完成，应完成3次，已完成0次' },
    {
      light: 'red',
      asOf: '2025-01-02',
      input: { ...monthly, occurrences: months(3, 4, 5, 6, 7, 8, 9, 10, 11) },
      reason: '应于2024-12-31前完成，已逾期2天，12月未完成，应完成10次，已完成9次',
    },
    { light: 'done', asOf: '2024-06-01', input: { ...monthly, completionAccepted: true }, reason: '已办结' },
  ],
  count: [
    { light: 'grey', asOf: '2024-01-10', input: { kind: 'count', per: 'year', min: 2, ...year } },
    {
      light: 'green',
      asOf: '2024-07-01',
      input: { kind: 'count', per: 'year', min: 2, ...year, occurrences: ['2024-05-20'] },
      reason: '进度正常：应完成1次，已完成1次（全年2次）',
    },
    {
      light: 'yellow',
      asOf: '2024-12-31',
      input: { kind: 'count', per: 'year', min: 2, ...year, occurrences: ['2024-05-20'] },
      reason: '应完成2次，已完成1次',
    },
    {
      light: 'red',
      asOf: '2024-07-01',
      input: { kind: 'count', per: 'year', min: 2, ...year },
      reason: '应完成1次，已完成0次',
    },
    {
      light: 'done',
      asOf: '2024-07-01',
      input: { kind: 'count', per: 'year', min: 2, ...year, completionAccepted: '2024-06-15' },
    },
  ],
  deliverable: [
    { light: 'grey', asOf: '2024-02-01', input: { kind: 'deliverable', due: '2024-06-30', ...year } },
    {
      light: 'green',
      asOf: '2024-06-22',
      input: { kind: 'deliverable', due: '2024-06-30', ...year },
      reason: '截止日期2024-06-30，尚未到期',
    },
    {
      light: 'yellow',
      asOf: '2024-06-23',
      input: { kind: 'deliverable', due: '2024-06-30', ...year },
      reason: '距截止还有7天',
    },
    {
      light: 'red',
      asOf: '2024-07-01',
      input: { kind: 'deliverable', due: '2024-06-30', ...year },
      reason: '应于2024-06-30前完成，已逾期1天',
    },
    {
      light: 'done',
      asOf: '2024-07-01',
      input: { kind: 'deliverable', due: '2024-06-30', ...year, completionAccepted: true },
    },
  ],
  event: [
    { light: 'grey', asOf: '2024-01-01', input: { kind: 'event', min: 2, due: '2024-10-31', ...year } },
    {
      light: 'green',
      asOf: '2024-09-01',
      input: { kind: 'event', min: 2, due: '2024-10-31', ...year, occurrences: ['2024-05-01'] },
      reason: '截止日期2024-10-31，尚未到期，已完成1/2次',
    },
    {
      light: 'yellow',
      asOf: '2024-10-31',
      input: { kind: 'event', min: 2, due: '2024-10-31', ...year, occurrences: ['2024-05-01'] },
      reason: '今天截止，已完成1/2次',
    },
    {
      light: 'red',
      asOf: '2024-11-03',
      input: { kind: 'event', min: 2, due: '2024-10-31', ...year, occurrences: ['2024-05-01'] },
      reason: '应于2024-10-31前完成，已逾期3天，应完成2次，已完成1次',
    },
    {
      light: 'done',
      asOf: '2024-11-03',
      input: { kind: 'event', due: '2024-10-31', ...year, completionAccepted: true },
    },
  ],
  project: [
    { light: 'grey', asOf: '2024-02-22', input: { kind: 'project', ...year } },
    {
      light: 'green',
      asOf: '2024-12-23',
      input: { kind: 'project', ...year },
      reason: '截止日期2024-12-31，尚未到期',
    },
    { light: 'yellow', asOf: '2024-12-24', input: { kind: 'project', ...year }, reason: '距截止还有7天' },
    {
      light: 'red',
      asOf: '2025-01-01',
      input: { kind: 'project', ...year },
      reason: '应于2024-12-31前完成，已逾期1天',
    },
    {
      light: 'done',
      asOf: '2025-01-01',
      input: { kind: 'project', ...year, completionAccepted: '2024-12-30' },
    },
  ],
  percent: [
    { light: 'grey', asOf: '2024-02-01', input: { kind: 'percent', value: 95, ...year } },
    {
      light: 'green',
      asOf: '2024-06-01',
      input: { kind: 'percent', value: 95, ...year, latestValue: 80 },
      reason: '当前80%，目标95%',
    },
    {
      light: 'yellow',
      asOf: '2024-12-29',
      input: { kind: 'percent', value: 95, ...year, latestValue: 90 },
      reason: '距截止还有2天，当前90%，目标95%',
    },
    {
      light: 'red',
      asOf: '2025-01-01',
      input: { kind: 'percent', value: 95, ...year, latestValue: 90 },
      reason: '应于2024-12-31前完成，已逾期1天，应达到95%，当前90%',
    },
    {
      light: 'done',
      asOf: '2025-01-01',
      input: { kind: 'percent', value: 95, ...year, latestValue: 90, completionAccepted: true },
    },
  ],
  deadline: [
    { light: 'grey', asOf: '2024-02-01', input: { kind: 'deadline', due: '2024-06-30', ...year } },
    { light: 'green', asOf: '2024-03-01', input: { kind: 'deadline', due: '2024-06-30', ...year } },
    {
      light: 'yellow',
      asOf: '2024-06-27',
      input: { kind: 'deadline', due: '2024-06-30', ...year },
      reason: '距截止还有3天',
    },
    {
      light: 'red',
      asOf: '2024-07-02',
      input: { kind: 'deadline', due: '2024-06-30', ...year },
      reason: '应于2024-06-30前完成，已逾期2天',
    },
    {
      light: 'done',
      asOf: '2024-07-02',
      input: { kind: 'deadline', due: '2024-06-30', ...year, completionAccepted: true },
    },
  ],
};

describe.each(Object.entries(matrix))('%s indicators', (_kind, cases) => {
  it.each(cases)('is $light on $asOf', ({ light, asOf, input, reason }) => {
    const result = computeIndicatorLight(input, asOf);
    expect(result.light).toBe(light);
    if (reason) expect(result.reason).toBe(reason);
    expect(result.expected).toBeLessThanOrEqual(result.target);
    if (light === 'done') expect(result.progress).toBe(1);
  });
});
