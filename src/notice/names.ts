import { isSpace } from './fold.ts';
import { isNameRun, readNameRun } from './names-padded.ts';
import { cleanView, type View } from './view.ts';

/** A name read from a responsibility list, with whether it was marked as the lead (牵头). */
export interface ListedName {
  name: string;
  lead: boolean;
  /** Set on the names of a run that had to be cut by guesswork (周 岚许 诺: no separator). */
  unsure?: UnsureRun;
}

/** A run of names read by its padding alone: where it is, as written, and the names it gave. */
export interface UnsureRun {
  /** Offset of its first character in the original text. */
  at: number;
  written: string;
  names: string[];
}

const SEPARATORS = '、,;/';
const LEAD_MARKS = ['(牵头)', '(牵头单位)', '(主责)', '(主要责任)', '(主要责任单位)', '(负责)'];
const CO_MARKS = ['(配合)', '(协同)', '(配合单位)'];
const ETC_SUFFIXES = ['等单位', '等部门', '等科室', '等股室', '等处室', '等学校', '等'];
// Punctuation that wraps a list but is not part of any name.
const EDGE = '()[]【】「」“”"\'。.,;:、 \n';

/**
 * Splits view[from, to) — a responsibility list — into names, separated by 、 , ; and ending in 等
 * or 。. With `people`, a run of names is read by its padding (周 岚 许 诺, 周 岚许 诺: see
 * readNameRun) and one it had to guess is marked `unsure`; in unit lists a space is always padding
 * (纪检 监察室). With `cellLines` (a table cell) a line break separates names too.
 */
export function splitNames(
  view: View,
  from: number,
  to: number,
  people = false,
  cellLines = false,
): ListedName[] {
  const out: ListedName[] = [];
  let start = from;
  let depth = 0;
  for (let i = from; i <= to; i++) {
    const ch = i < to ? view.str[i]! : '';
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (i === to || (depth === 0 && (SEPARATORS.includes(ch) || (cellLines && people && ch === '\n')))) {
      if (!people) pushName(view, start, i, out);
      else if (!readRun(view, start, i, out))
        for (const piece of splitOnSpaces(view, start, i)) pushName(view, piece[0], piece[1], out);
      start = i + 1;
    }
  }
  return out;
}

/** Reads view[from, to) as a run of names when it is one (see isNameRun); false when it is not. */
function readRun(view: View, from: number, to: number, out: ListedName[]): boolean {
  const piece = view.str.slice(from, to);
  if (piece.includes('\n') || !isNameRun(piece)) return false;
  const chars: string[] = [];
  const gaps: boolean[] = [];
  let first = -1;
  let last = -1;
  let space = false;
  for (let i = from; i < to; i++) {
    if (view.str[i] === ' ') {
      space = chars.length > 0;
      continue;
    }
    if (first < 0) first = i;
    last = i;
    chars.push(view.text[view.pos[i]!]!);
    gaps.push(space);
    space = false;
  }
  const { readings, sure } = readNameRun(chars, gaps);
  const names = readings[0];
  if (names === undefined) return false;
  const unsure: UnsureRun | undefined = sure
    ? undefined
    : { at: view.pos[first]!, written: view.text.slice(view.pos[first]!, view.pos[last]! + 1), names };
  for (const name of names)
    out.push(unsure === undefined ? { name, lead: false } : { name, lead: false, unsure });
  return true;
}

/**
 * Padding inside a name (周 岚, 陈  丽: single characters apart) is joined; names of two or more
 * characters separated by spaces on one line (陈玲玲 林海) are separate; a line break never separates.
 */
function splitOnSpaces(view: View, from: number, to: number): Array<[number, number]> {
  const words: Array<[number, number]> = [];
  let i = from;
  while (i < to) {
    while (i < to && isSpace(view.str[i])) {
      if (view.str[i] === '\n') return [[from, to]];
      i++;
    }
    const s = i;
    while (i < to && !isSpace(view.str[i])) i++;
    if (i > s) words.push([s, i]);
  }
  const names: Array<[number, number]> = [];
  for (let k = 0; k < words.length; k++) {
    const [s, e] = words[k]!;
    if (e - s > 1) {
      names.push([s, e]);
      continue;
    }
    let j = k;
    while (j + 1 < words.length && words[j + 1]![1] - words[j + 1]![0] === 1) j++;
    // A lone single character belongs to the next word (or the previous one at the end).
    if (j === k && k + 1 < words.length) j = k + 1;
    else if (j === k && names.length > 0) {
      names[names.length - 1] = [names[names.length - 1]![0], e];
      continue;
    }
    names.push([s, words[j]![1]]);
    k = j;
  }
  return names;
}

function pushName(view: View, from: number, to: number, out: ListedName[]): void {
  const clean = cleanView(view, from, to);
  let text = clean.text;
  let folded = clean.folded;
  let lead = false;
  let changed = true;
  while (changed && folded.length > 0) {
    changed = false;
    for (const mark of [...LEAD_MARKS, ...CO_MARKS]) {
      if (folded.endsWith(mark)) {
        lead = lead || LEAD_MARKS.includes(mark);
        text = text.slice(0, -mark.length);
        folded = folded.slice(0, -mark.length);
        changed = true;
      }
    }
    let s = 0;
    let e = folded.length;
    while (s < e && EDGE.includes(folded[s]!) && !(folded[s] === '(' && folded.includes(')', s))) s++;
    while (
      e > s &&
      EDGE.includes(folded[e - 1]!) &&
      !(folded[e - 1] === ')' && folded.lastIndexOf('(', e) >= s)
    )
      e--;
    if (s > 0 || e < folded.length) {
      text = text.slice(s, e);
      folded = folded.slice(s, e);
      changed = true;
    }
    for (const suffix of ETC_SUFFIXES) {
      if (folded.length > suffix.length + 1 && folded.endsWith(suffix)) {
        text = text.slice(0, -suffix.length);
        folded = folded.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
  }
  if (text.length > 0) out.push({ name: text, lead });
}
