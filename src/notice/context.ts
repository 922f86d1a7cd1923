import { WARNINGS, type WarningCode } from './messages.ts';
import type { ParseWarning } from './types.ts';

/** What every step of one parse shares: the original text, its folded twin, and the warnings. */
export interface ParseContext {
  text: string;
  folded: string;
  warnings: ParseWarning[];
}

/** Records a warning at an offset of the original text (clamped into it). */
export function warn<C extends WarningCode>(
  ctx: ParseContext,
  code: C,
  at: number,
  ...args: Parameters<(typeof WARNINGS)[C]>
): void {
  const make = WARNINGS[code] as (...a: Parameters<(typeof WARNINGS)[C]>) => string;
  const clamped = Math.min(Math.max(0, Number.isFinite(at) ? Math.trunc(at) : 0), ctx.text.length);
  ctx.warnings.push({ code, message: make(...args), at: clamped });
}
