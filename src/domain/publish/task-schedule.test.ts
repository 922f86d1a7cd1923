import { describe, expect, it } from 'vitest';
import type { ItemIndicatorRow } from '../../db/queries/plan-items.ts';
import { recurringSlots, taskDueOn, taskStartOn } from './task-schedule.ts';

function indicator(due_on: string | null): ItemIndicatorRow {
  return {
    id: 1,
    item_id: 1,
    position: 0,
    kind: 'deadline',
    text: '',
    per: null,
    target_min: null,
    target_max: null,
    target_value: null,
    name: null,
    due_on,
    span_start: 0,
    span_end: 0,
  };
}

describe('task schedule', () => {
  it('starts on the publish day, inside the plan year', () => {
    expect(taskStartOn('2024-02-23', 2024, '2024-02-22')).toBe('2024-02-23');
    expect(taskStartOn('2023-12-20', 2024, '2023-12-18')).toBe('2024-01-01');
    expect(taskStartOn('2026-11-29', 2024, '2024-02-22')).toBe('2024-02-22');
    expect(taskStartOn('2026-11-29', 2024, null)).toBe('2024-01-01');
  });

  it('is due at year end unless every indicator states an earlier date', () => {
    expect(taskDueOn([], 2024, '2024-02-23')).toBe('2024-12-31');
    expect(taskDueOn([indicator('2024-06-30')], 2024, '2024-02-23')).toBe('2024-06-30');
    expect(taskDueOn([indicator('2024-06-30'), indicator(null)], 2024, '2024-02-23')).toBe('2024-12-31');
  });

  it('lays out slots the way the lights count periods', () => {
    // 23 February leaves 38 of the first quarter's 91 days: under half, so it is not a slot.
    expect(recurringSlots('quarter', '2024-02-23', '2024-12-31', 2024).map((s) => s.label)).toEqual([
      '2024年第2季度',
      '2024年第3季度',
      '2024年第4季度',
    ]);
    expect(recurringSlots('term', '2024-02-23', '2024-12-31', 2024)).toEqual([
      { label: '2024年春季学期', startsOn: '2024-02-01', endsOn: '2024-07-31' },
      { label: '2024年秋季学期', startsOn: '2024-09-01', endsOn: '2025-01-31' },
    ]);
    expect(recurringSlots('month', '2024-02-23', '2024-06-30', 2024)).toHaveLength(4);
    expect(recurringSlots('year', '2024-02-23', '2024-12-31', 2024)).toHaveLength(1);
  });
});
