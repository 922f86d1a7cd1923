// The one ranking rule of Duban, used by the year-end evaluation, the dashboard's ranking and the
// bulletin's ranking table (which shows the dashboard's ranks): sort by the keys in turn; rows equal
// on every key share a rank and the next rank skips (1, 1, 3 — standard competition ranking). A name
// never decides a rank: within a tie, rows are only listed by name (zh-CN collation) so the order
// on the page is stable.

/** One sort key: a number read from a row, compared exactly (pass integers: centipoints, whole percents). */
export interface RankKey<T> {
  value: (row: T) => number;
  /** 'high' = the highest value ranks first; 'low' = the lowest does. */
  first: 'high' | 'low';
}

/** A row with its shared rank. */
export interface RankedRow<T> {
  row: T;
  rank: number;
}

/** Sorts rows by the keys and gives each its competition rank; rows equal on every key share a rank. */
export function rankWithTies<T>(
  rows: readonly T[],
  keys: readonly RankKey<T>[],
  name: (row: T) => string,
): RankedRow<T>[] {
  const compareKeys = (a: T, b: T): number => {
    for (const key of keys) {
      const x = key.value(a);
      const y = key.value(b);
      if (x !== y) return key.first === 'high' ? y - x : x - y;
    }
    return 0;
  };
  const sorted = [...rows].sort((a, b) => compareKeys(a, b) || name(a).localeCompare(name(b), 'zh-CN'));
  const ranked: RankedRow<T>[] = [];
  sorted.forEach((row, index) => {
    const previous = ranked[index - 1];
    const rank = previous && compareKeys(previous.row, row) === 0 ? previous.rank : index + 1;
    ranked.push({ row, rank });
  });
  return ranked;
}
