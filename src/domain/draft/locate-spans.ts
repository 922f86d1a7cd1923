import { foldText } from '../../notice/fold.ts';
import type { ParsedItem, ParsedNotice } from '../../notice/types.ts';
import type { TextSpan } from '../../shared/import.ts';

/**
 * Where the parser's findings sit in the notice text, for highlighting: every leader and
 * department name inside its item's range, and each indicator's words. Indicators carry offsets
 * into the item's cleaned body (wraps and page breaks removed), so they are found again in the
 * text, ignoring line breaks and spaces and comparing folded characters (全角/半角 alike).
 */
export function locateSpans(text: string, parsed: ParsedNotice): TextSpan[] {
  const folded = foldText(text);
  const spans: TextSpan[] = [];
  parsed.sections.forEach((section, s) => {
    section.items.forEach((item, i) => {
      spans.push(...itemSpans(folded, item, [s, i]));
    });
  });
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}

function itemSpans(folded: string, item: ParsedItem, ref: [number, number]): TextSpan[] {
  const from = Math.max(0, item.source.start);
  const to = Math.min(folded.length, item.source.end);
  const spans: TextSpan[] = [];
  let cursor = from;
  for (const indicator of item.indicators) {
    const needle = foldText(indicator.text);
    const found = findLoose(folded, needle, cursor, to) ?? findLoose(folded, needle, from, to);
    if (!found) continue;
    spans.push({ kind: 'indicator', start: found[0], end: found[1], label: indicator.text, item: ref });
    cursor = found[0];
  }
  const departments = [...new Set([...item.departments, ...item.leadDepartments])];
  for (const [kind, names] of [
    ['leader', [...new Set(item.leaders)]],
    ['department', departments],
  ] as const) {
    for (const name of names) {
      const needle = foldText(name);
      let at = from;
      for (;;) {
        const found = findLoose(folded, needle, at, to);
        if (!found) break;
        spans.push({ kind, start: found[0], end: found[1], label: name, item: ref });
        at = found[1];
      }
    }
  }
  return spans;
}

const isGap = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/**
 * The first match of `needle` in haystack[from, to) that may have spaces or line breaks between
 * its characters (a hard wrap or page break in the notice); [start, end) or null.
 */
export function findLoose(
  haystack: string,
  needle: string,
  from: number,
  to: number,
): [number, number] | null {
  const chars: number[] = [];
  for (let k = 0; k < needle.length; k++) if (!isGap(needle.charCodeAt(k))) chars.push(needle.charCodeAt(k));
  if (chars.length === 0) return null;
  for (let start = from; start < to; start++) {
    if (haystack.charCodeAt(start) !== chars[0]) continue;
    let j = 1;
    let p = start + 1;
    while (j < chars.length && p < to) {
      const code = haystack.charCodeAt(p);
      if (code === chars[j]) j++;
      else if (!isGap(code)) break;
      p++;
    }
    if (j === chars.length) return [start, p];
  }
  return null;
}
