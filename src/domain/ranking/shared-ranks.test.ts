import { describe, expect, it } from 'vitest';
import { type RankKey, rankWithTies } from './shared-ranks.ts';

interface Row {
  name: string;
  rate: number;
  progress: number;
}

const keys: RankKey<Row>[] = [
  { value: (r) => r.rate, first: 'high' },
  { value: (r) => r.progress, first: 'high' },
];
const ranks = (rows: Row[]) =>
  rankWithTies(rows, keys, (r) => r.name).map(({ row, rank }) => [rank, row.name]);

describe('rankWithTies (the one ranking rule)', () => {
  it('orders by the first key, then the next; rows equal on every key share a rank and the next skips', () => {
    expect(
      ranks([
        { name: '人事股', rate: 50, progress: 20 },
        { name: '办公室', rate: 100, progress: 10 },
        { name: '教育股', rate: 50, progress: 40 },
        { name: '安全股', rate: 50, progress: 20 },
        { name: '财务股', rate: 0, progress: 0 },
      ]),
    ).toEqual([
      [1, '办公室'],
      // Same rate: the second key decides.
      [2, '教育股'],
      // Same rate and progress: one rank for both, listed by name (安 an before 人 ren), then 5, not 4.
      [3, '安全股'],
      [3, '人事股'],
      [5, '财务股'],
    ]);
  });

  it('never numbers a tie by name: twenty units at 0 all rank first', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ name: `单位${i}`, rate: 0, progress: 0 }));
    expect(new Set(rankWithTies(rows, keys, (r) => r.name).map((r) => r.rank))).toEqual(new Set([1]));
  });

  it("ranks the lowest first when a key says so, and leaves the caller's rows untouched", () => {
    const rows = [
      { name: '乙', rate: 1, progress: 0 },
      { name: '甲', rate: 0, progress: 0 },
    ];
    const low: RankKey<Row>[] = [{ value: (r) => r.rate, first: 'low' }];
    expect(rankWithTies(rows, low, (r) => r.name).map((r) => [r.rank, r.row.name])).toEqual([
      [1, '甲'],
      [2, '乙'],
    ]);
    expect(rows.map((r) => r.name)).toEqual(['乙', '甲']);
    expect(rankWithTies([], low, (r: Row) => r.name)).toEqual([]);
  });
});
