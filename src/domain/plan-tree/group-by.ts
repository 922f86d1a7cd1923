/** Groups rows by a key in one pass, so assembling a tree stays linear in the plan's size. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): (k: K) => T[] {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return (k) => map.get(k) ?? [];
}
