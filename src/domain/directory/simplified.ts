import { SIMPLIFIED, TRADITIONAL } from './traditional-table.ts';

let table: Map<string, string> | undefined;

/**
 * A name in simplified characters: 辦公室 → 办公室, 陳玲玲 → 陈玲玲. A notice copied from a
 * traditional-character page keeps its names as written; the directory (in simplified characters)
 * is matched through this, one character for one.
 */
export function simplified(name: string): string {
  if (!table) {
    const to = [...SIMPLIFIED];
    table = new Map([...TRADITIONAL].map((ch, i): [string, string] => [ch, to[i] as string]));
  }
  let out = '';
  for (const ch of name) out += table.get(ch) ?? ch;
  return out;
}
