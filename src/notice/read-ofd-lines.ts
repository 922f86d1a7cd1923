import { estimatedWidth, type Glyphs } from './read-ofd-glyphs.ts';

/** Baselines closer than this many font sizes are one printed line (superscripts and jitter stay on it). */
const SAME_LINE = 0.5;
/** A gap wider than this many font sizes between two characters of a line stands for a space. */
const SPACE_GAP = 1;
/** A repeat of the previous character closer than this many font sizes is overprinting (fake bold). */
const OVERPRINT = 0.2;

/**
 * Turns the characters placed on one page into its text: characters whose baselines match make a
 * line, lines run top to bottom and characters left to right, whatever order the producer wrote
 * them in. Hanzi are joined without spaces; a visible gap of more than an em becomes one space.
 */
export function pageText(sources: readonly Glyphs[]): string {
  const page = concat(sources);
  const { chars, ys, sizes } = page;
  // Indices sorted, rather than objects, so a page of a million characters stays small; the index
  // (the order in the file) breaks ties, so characters at one place keep the producer's order.
  const order = Uint32Array.from(chars.keys()).sort((i, j) => ys[i]! - ys[j]! || i - j);
  const lines: string[] = [];
  let start = 0;
  for (let k = 1; k <= order.length; k++) {
    const first = order[start]!;
    const glyph = order[k];
    if (glyph === undefined || ys[glyph]! - ys[first]! > SAME_LINE * Math.max(sizes[first]!, sizes[glyph]!)) {
      const text = lineText(page, order.subarray(start, k));
      if (text !== '') lines.push(text);
      start = k;
    }
  }
  return lines.join('\n');
}

interface PageGlyphs {
  chars: string[];
  xs: number[];
  ys: number[];
  sizes: number[];
}

function concat(sources: readonly Glyphs[]): PageGlyphs {
  if (sources.length === 1) return sources[0]!;
  return {
    chars: sources.flatMap((g) => g.chars),
    xs: sources.flatMap((g) => g.xs),
    ys: sources.flatMap((g) => g.ys),
    sizes: sources.flatMap((g) => g.sizes),
  };
}

function lineText({ chars, xs, ys, sizes }: PageGlyphs, line: Uint32Array): string {
  line.sort((i, j) => xs[i]! - xs[j]! || i - j);
  let text = '';
  let previous = -1;
  for (const glyph of line) {
    const char = chars[glyph]!;
    if (previous >= 0) {
      const before = chars[previous]!;
      const size = Math.max(sizes[previous]!, sizes[glyph]!);
      const gap = xs[glyph]! - xs[previous]!;
      const overprint =
        char === before && gap < OVERPRINT * size && Math.abs(ys[glyph]! - ys[previous]!) < OVERPRINT * size;
      if (overprint) continue;
      const blank = gap - estimatedWidth(before, sizes[previous]!);
      if (blank > SPACE_GAP * size && !isSpace(before) && !isSpace(char)) text += ' ';
    }
    text += char;
    previous = glyph;
  }
  return text.trim() === '' ? '' : text.trimEnd();
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\u3000' || char === '\u00a0';
}
