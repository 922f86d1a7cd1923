import { describe, expect, it } from 'vitest';
import type { Light } from './light.ts';
import { summarise } from './summarise.ts';

interface TaskRow {
  light: Light;
  progress: number;
  department: string;
  leaders: string[];
}

const rows: TaskRow[] = [
  { light: 'red', progress: 0, department: '办公室', leaders: ['张三'] },
  { light: 'green', progress: 0.5, department: '办公室', leaders: ['张三', '李四'] },
  { light: 'yellow', progress: 0.25, department: '基础教育股', leaders: ['李四'] },
];

describe('summarise', () => {
  it('groups by department with light counts and mean progress', () => {
    expect(summarise(rows, (row) => row.department)).toEqual([
      { key: '办公室', total: 2, counts: { red: 1, yellow: 0, green: 1, grey: 0, done: 0 }, progress: 0.25 },
      {
        key: '基础教育股',
        total: 1,
        counts: { red: 0, yellow: 1, green: 0, grey: 0, done: 0 },
        progress: 0.25,
      },
    ]);
  });

  it('counts a row under each of its leaders', () => {
    const byLeader = summarise(rows, (row) => row.leaders);
    expect(byLeader.map((group) => [group.key, group.total])).toEqual([
      ['张三', 2],
      ['李四', 2],
    ]);
  });

  it('groups by light', () => {
    expect(summarise(rows, (row) => row.light).map((group) => group.key)).toEqual(['red', 'green', 'yellow']);
  });

  it('returns no groups for no rows', () => {
    expect(summarise([], () => 'x')).toEqual([]);
  });
});
