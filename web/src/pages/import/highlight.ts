/** A stretch of text to mark (offsets into the text, end exclusive) with what it is. */
export interface Mark<K extends string = string> {
  kind: K;
  start: number;
  end: number;
  label?: string;
}

/** A piece of the text: plain (no marks) or covered by one or more marks, outermost first. */
export interface Segment<K extends string = string> {
  start: number;
  end: number;
  text: string;
  marks: Array<Mark<K>>;
}

/**
 * Cuts a text into consecutive segments at every mark boundary, so overlapping and adjacent marks
 * each cover whole segments; segments without marks are plain text. Empty or out-of-range marks
 * are clipped or dropped. Pure, so the highlighting can be tested without a browser.
 */
export function segmentText<K extends string>(
  text: string,
  marks: ReadonlyArray<Mark<K>>,
): Array<Segment<K>> {
  const valid = marks
    .map((m) => ({ ...m, start: Math.max(0, m.start), end: Math.min(text.length, m.end) }))
    .filter((m) => m.start < m.end);
  const cuts = new Set<number>([0, text.length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Outermost first: an earlier start, then a longer mark, wraps the others.
  const ordered = [...valid].sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Array<Segment<K>> = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    segments.push({
      start,
      end,
      text: text.slice(start, end),
      marks: ordered.filter((m) => m.start <= start && m.end >= end),
    });
  }
  return segments;
}
