import { MAX_OFD_GLYPHS } from './read-limits.ts';
import { NoticeReadError } from './read-messages.ts';

/** How many more characters a read may handle; shared by every part of one OFD so no part multiplies the work. */
export class GlyphBudget {
  private left = MAX_OFD_GLYPHS;

  /** Takes `count` characters from the budget; OFD_TOO_LARGE once it is spent. */
  spend(count: number): void {
    this.left -= count;
    if (this.left < 0) throw new NoticeReadError('OFD_TOO_LARGE');
  }
}

/**
 * Characters placed on a page, each at its baseline origin in page millimetres (y grows downward,
 * as in OFD) with its font size, kept as parallel arrays so a long page stays compact.
 */
export class Glyphs {
  readonly chars: string[] = [];
  readonly xs: number[] = [];
  readonly ys: number[] = [];
  readonly sizes: number[] = [];

  constructor(private readonly budget: GlyphBudget) {}

  get length(): number {
    return this.chars.length;
  }

  add(char: string, x: number, y: number, size: number): void {
    this.budget.spend(1);
    this.chars.push(char);
    this.xs.push(x);
    this.ys.push(y);
    this.sizes.push(size);
  }
}

/** The width a character most likely has when the producer gave no offsets: a full em for CJK and full-width forms, half for the rest. */
export function estimatedWidth(char: string, size: number): number {
  const code = char.codePointAt(0) ?? 0;
  const wide = code >= 0x2e80 && !(code >= 0xff61 && code <= 0xffdc);
  return wide ? size : size / 2;
}
