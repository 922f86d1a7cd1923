import { isIdeograph } from './fold.ts';

// Two-character surnames: 欧阳 明 is one name of three characters padded after its surname.
const COMPOUND_SURNAMES = new Set(
  (
    '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 端木 南宫 ' +
    '西门 独孤 百里 呼延 万俟 申屠 澹台 太史 闻人 公冶 濮阳 淳于 单于 赫连 东郭 拓跋 第五'
  ).split(' '),
);

// Words of a leader cell that are no person's name (各分管领导, 局班子成员): such a cell is kept whole.
const NOT_NAME = [
  '领导',
  '局长',
  '书记',
  '主任',
  '班子',
  '成员',
  '全体',
  '组长',
  '校长',
  '科长',
  '股长',
  '分管',
  '相关',
  '负责',
  '各',
  '等',
];

/** The longest run of characters read as names; a longer run is kept as written. */
export const MAX_RUN = 12;

/** How a run of characters without separators (周 岚许 诺) reads as names. */
export interface RunReading {
  /** Every way to cut the run into names, best first. */
  readings: string[][];
  /** True when the best reading needs no guess: names apart by spaces, no other cut as good. */
  sure: boolean;
}

/**
 * Whether a piece of a leader list (folded, between separators) is a run of names to read by its
 * padding: Chinese characters and spaces only, 2 to MAX_RUN characters, no title words.
 */
export function isNameRun(folded: string): boolean {
  let n = 0;
  for (const ch of folded) {
    if (ch === ' ') continue;
    if (!isIdeograph(ch)) return false;
    n++;
  }
  return n >= 2 && n <= MAX_RUN && !NOT_NAME.some((w) => folded.includes(w));
}

/**
 * Reads a run of names from its characters and where spaces stood (gaps[i]: a space before
 * chars[i]). A name is two characters (周岚, 周 岚), three (欧阳明, 欧阳 明, 王 小 明, 王小明) or four
 * (欧阳明华; 买买提江, rarer than two names run together); names meet at a space or, where a
 * separator was lost, glued.
 */
export function readNameRun(chars: readonly string[], gaps: readonly boolean[]): RunReading {
  const found: Array<{ names: string[]; cost: number; glued: number }> = [];
  const walk = (at: number, names: string[], cost: number, glued: number): void => {
    if (found.length >= 64) return;
    if (at === chars.length) {
      found.push({ names: [...names], cost, glued });
      return;
    }
    for (let len = 2; len <= 4 && at + len <= chars.length; len++) {
      const shape = shapeCost(chars, gaps, at, len);
      if (shape === null) continue;
      const glue = at > 0 && !gaps[at] ? 1 : 0;
      names.push(chars.slice(at, at + len).join(''));
      walk(at + len, names, cost + shape + glue * 10, glued + glue);
      names.pop();
    }
  };
  walk(0, [], 0, 0);
  found.sort((a, b) => a.cost - b.cost);
  const best = found[0];
  const sure =
    best !== undefined && best.glued === 0 && (found[1]?.cost ?? Number.POSITIVE_INFINITY) > best.cost;
  return { readings: found.map((f) => f.names), sure };
}

/** How unusual a name of `len` characters at `at` is by its inner spaces; null when it cannot be one. */
function shapeCost(
  chars: readonly string[],
  gaps: readonly boolean[],
  at: number,
  len: number,
): number | null {
  const inner: number[] = [];
  for (let k = at + 1; k < at + len; k++) if (gaps[k]) inner.push(k - at);
  const compound = COMPOUND_SURNAMES.has(`${chars[at]}${chars[at + 1]}`);
  if (len === 2) return 0;
  if (len === 3) {
    if (inner.length === 0) return 0;
    if (inner.length === 2) return 1;
    return compound && inner[0] === 2 ? 0 : null;
  }
  // A four-character name without a compound surname (买买提江) is rarer than two names run together.
  if (!compound) return inner.length === 0 ? 12 : null;
  return inner.length === 0 || (inner.length === 1 && inner[0] === 2) ? 2 : null;
}
