import { isDigit, isLetter } from './fold.ts';

/** A run of the notice, offsets into the original text (end exclusive). */
export interface Range {
  start: number;
  end: number;
}

/**
 * Several ranges of the notice seen as one folded string with '\n' between them, plus a map
 * back to original offsets, so a note broken across a page break can be read in one pass.
 */
export interface View {
  text: string;
  folded: string;
  str: string;
  /** Original offset of each code unit of `str`; a separator maps to the end of the range before it. */
  pos: Int32Array;
}

/** Builds a view over `ranges` (in text order). */
export function makeView(text: string, folded: string, ranges: readonly Range[]): View {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; i < ranges.length; i++) length += ranges[i]!.end - ranges[i]!.start + (i > 0 ? 1 : 0);
  const pos = new Int32Array(length);
  let k = 0;
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i]!;
    if (i > 0) {
      parts.push('\n');
      pos[k++] = ranges[i - 1]!.end;
    }
    parts.push(folded.slice(r.start, r.end));
    for (let p = r.start; p < r.end; p++) pos[k++] = p;
  }
  return { text, folded, str: parts.join(''), pos };
}

/** Cleaned text in both spellings: `text` as written, `folded` for matching; equal lengths. */
export interface Clean {
  text: string;
  folded: string;
}

const SENTENCE_END = '。!?;:';

/**
 * Copies view[from, to) from the original text, skipping `skip` ranges (view offsets, sorted),
 * removing wrap whitespace and padding: a line break or space between CJK characters or digits
 * goes; a space between Latin words stays. With `paragraphs`, a line break after a sentence end
 * is kept as '\n' (a paragraph); a break mid-sentence (a page break) is joined with nothing.
 */
export function cleanView(
  view: View,
  from: number,
  to: number,
  paragraphs = false,
  skip: readonly Range[] = [],
): Clean {
  const str = view.str;
  const end = Math.min(to, str.length);
  let out = '';
  let outFolded = '';
  let last = '';
  let pendingSpace = false;
  let pendingBreak = false;
  let s = 0;
  let i = Math.max(0, from);
  while (i < end) {
    while (s < skip.length && skip[s]!.end <= i) s++;
    if (s < skip.length && skip[s]!.start <= i) {
      i = skip[s]!.end;
      continue;
    }
    const code = str.charCodeAt(i);
    if (code === 0x20 || code === 0x0a) {
      if (code === 0x0a) pendingBreak = true;
      else pendingSpace = true;
      i++;
      continue;
    }
    const f = str[i]!;
    if (last !== '' && (pendingBreak || pendingSpace)) {
      const sep = separator(last, f, pendingBreak, paragraphs);
      out += sep;
      outFolded += sep;
    }
    pendingBreak = false;
    pendingSpace = false;
    // Copy the whole run of non-space characters up to the next skipped range at once.
    const stop = s < skip.length ? Math.min(end, skip[s]!.start) : end;
    let j = i + 1;
    while (j < stop && str.charCodeAt(j) !== 0x20 && str.charCodeAt(j) !== 0x0a) j++;
    out += view.text.slice(view.pos[i]!, view.pos[j - 1]! + 1);
    outFolded += str.slice(i, j);
    last = str[j - 1]!;
    i = j;
  }
  return { text: out, folded: outFolded };
}

function separator(left: string, right: string, lineBreak: boolean, paragraphs: boolean): string {
  if (lineBreak) {
    if (paragraphs && SENTENCE_END.includes(left)) return '\n';
    return isLetter(left) && isLetter(right) ? ' ' : '';
  }
  const alnumL = isLetter(left) || isDigit(left);
  const alnumR = isLetter(right) || isDigit(right);
  return alnumL && alnumR && !(isDigit(left) && isDigit(right)) ? ' ' : '';
}

/** Cleans one range of the notice (titles, names, metadata) with wrap whitespace removed. */
export function cleanRange(text: string, folded: string, range: Range): Clean {
  const view = makeView(text, folded, [range]);
  return cleanView(view, 0, view.str.length);
}
