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
      // Pushed one by one: an item of thousands of lines has more spans than a call takes arguments.
      for (const span of itemSpans(folded, item, [s, i])) spans.push(span);
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
  const names = new NameTrie();
  for (const name of new Set(item.leaders)) names.add(foldText(name), { kind: 'leader', label: name });
  for (const name of new Set([...item.departments, ...item.leadDepartments]))
    names.add(foldText(name), { kind: 'department', label: name });
  for (const span of names.findAll(folded, from, to)) spans.push({ ...span, item: ref });
  return spans;
}

type NameSpan = Omit<TextSpan, 'item'>;

interface TrieNode {
  next: Map<number, TrieNode>;
  ends: Array<Pick<TextSpan, 'kind' | 'label'>>;
}

// Every leader and department name of an item found in one pass over its text, however many names
// (a name per start position costs the name's length, not a scan of the item per name): each name's
// matches left to right without overlapping one another, line breaks allowed inside, as findLoose.
class NameTrie {
  private readonly root: TrieNode = { next: new Map(), ends: [] };

  add(needle: string, name: Pick<TextSpan, 'kind' | 'label'>): void {
    let node = this.root;
    for (let k = 0; k < needle.length; k++) {
      const code = needle.charCodeAt(k);
      if (isGap(code)) continue;
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map(), ends: [] };
        node.next.set(code, child);
      }
      node = child;
    }
    if (node !== this.root) node.ends.push(name);
  }

  findAll(haystack: string, from: number, to: number): NameSpan[] {
    const out: NameSpan[] = [];
    if (this.root.next.size === 0) return out;
    const nextFree = new Map<Pick<TextSpan, 'kind' | 'label'>, number>();
    for (let start = from; start < to; start++) {
      let node = this.root.next.get(haystack.charCodeAt(start));
      let p = start + 1;
      while (node) {
        for (const name of node.ends) {
          if ((nextFree.get(name) ?? from) > start) continue;
          out.push({ kind: name.kind, start, end: p, label: name.label });
          nextFree.set(name, p);
        }
        while (p < to && isGap(haystack.charCodeAt(p))) p++;
        if (p >= to) break;
        node = node.next.get(haystack.charCodeAt(p));
        p++;
      }
    }
    return out;
  }
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
