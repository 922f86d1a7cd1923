import type { Candidate } from './indicators-candidate.ts';
import { findCounts } from './indicators-count.ts';
import { type DateMark, findDates } from './indicators-deadline.ts';
import { findDeliverables } from './indicators-deliverable.ts';
import { findEvents } from './indicators-event.ts';
import { isBlank } from './indicators-fold.ts';
import { findPercents } from './indicators-percent.ts';
import { findProjects } from './indicators-project.ts';
import { findRecurring } from './indicators-recurring.ts';
import { type CompactBody, clauseAt, compactBody } from './indicators-text.ts';
import type { IndicatorKind, ParsedIndicator } from './types.ts';

// When two findings overlap, the more specific one stays: a named document beats anything, a
// count with a period (每学期…不少于4次) beats the bare recurring 每学期…, a recurring event beats
// the event. Deadlines never stand in the way: they lend their date to what their clause holds.
const PRIORITY: Record<IndicatorKind, number> = {
  deliverable: 0,
  project: 1,
  count: 2,
  percent: 3,
  recurring: 4,
  event: 5,
  deadline: 6,
};
const DEADLINE_BEFORE = 30;
const DEADLINE_AFTER = 40;

/**
 * Finds the measurable promises in an item's body (recurring, count, deliverable, event, project,
 * percent, deadline) with spans into `body`, sorted and never overlapping; `year` dates 6月底前 etc.
 */
export function findIndicators(body: string, year: number | null): ParsedIndicator[] {
  if (typeof body !== 'string' || body.length === 0) return [];
  const planYear =
    Number.isInteger(year) && (year as number) >= 1000 && (year as number) <= 9999 ? year : null;
  const scan = compactBody(body);
  const found = [
    ...findDeliverables(scan),
    ...findProjects(scan),
    ...findCounts(scan),
    ...findPercents(scan),
    ...findRecurring(scan),
    ...findEvents(scan),
  ];
  const taken = new Uint8Array(scan.text.length);
  const kept = settle(found, taken);
  for (const c of placeDates(scan, findDates(scan, planYear), kept, taken)) kept.push(c);
  kept.sort((a, b) => a.start - b.start);
  return kept.flatMap((c) => toIndicator(c, body, scan));
}

// Greedy by priority, then position: a finding is kept when none of its positions is taken.
// Spans are bounded (every finder looks at most ~80 positions), so this stays linear.
function settle(found: Candidate[], taken: Uint8Array): Candidate[] {
  const ordered = found
    .filter((c) => c.start >= 0 && c.end > c.start && c.end <= taken.length)
    .sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of ordered) {
    if (isTaken(taken, c.start, c.end)) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept;
}

function isTaken(taken: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (taken[i] === 1) return true;
  return false;
}

// A date dates every finding of its clause; a clause with a date and nothing else becomes a
// deadline (one per clause, the last date winning: 3月启动，6月底前完成 has two clauses anyway).
function placeDates(scan: CompactBody, dates: DateMark[], kept: Candidate[], taken: Uint8Array): Candidate[] {
  const byClause = new Map<number, Candidate[]>();
  for (const c of kept) {
    const id = scan.clauseOf[c.start] ?? 0;
    const list = byClause.get(id);
    if (list) list.push(c);
    else byClause.set(id, [c]);
  }
  const deadlines = new Map<number, Candidate>();
  for (const date of dates) {
    const id = scan.clauseOf[date.start] ?? 0;
    const inClause = byClause.get(id);
    if (inClause) {
      for (const c of inClause) if (date.due) c.due = date.due;
      continue;
    }
    const [clauseStart, clauseEnd] = clauseAt(scan, date.start);
    const start = Math.max(clauseStart, date.start - DEADLINE_BEFORE);
    const end = Math.min(clauseEnd, Math.max(date.end, date.start + DEADLINE_AFTER));
    const previous = deadlines.get(id);
    const deadline: Candidate = {
      kind: 'deadline',
      start: previous?.start ?? start,
      end: Math.max(end, previous?.end ?? end),
    };
    if (date.due) deadline.due = date.due;
    deadlines.set(id, deadline);
  }
  const out: Candidate[] = [];
  for (const d of deadlines.values()) {
    if (d.end <= d.start || isTaken(taken, d.start, d.end)) continue;
    taken.fill(1, d.start, d.end);
    out.push(d);
  }
  return out;
}

function toIndicator(c: Candidate, body: string, scan: CompactBody): ParsedIndicator[] {
  const [start, end] = bodySpan(body, scan, c.start, c.end);
  if (end <= start) return [];
  const indicator: ParsedIndicator = { kind: c.kind, text: body.slice(start, end), span: [start, end] };
  if (c.per !== undefined) indicator.per = c.per;
  if (c.min !== undefined) indicator.min = c.min;
  if (c.max !== undefined) indicator.max = c.max;
  if (c.name) indicator.name = stripBlanks(body.slice(...bodySpan(body, scan, c.name[0], c.name[1])));
  if (c.value !== undefined) indicator.value = c.value;
  if (c.due !== undefined) indicator.due = c.due;
  return [indicator];
}

// Compact [from, to) back to body offsets, never splitting a surrogate pair.
function bodySpan(body: string, scan: CompactBody, from: number, to: number): [number, number] {
  let start = scan.origin[from] ?? body.length;
  let end = (scan.origin[to - 1] ?? body.length - 1) + 1;
  if (isLowSurrogate(body, start) && isHighSurrogate(body, start - 1)) start++;
  if (isHighSurrogate(body, end - 1) && isLowSurrogate(body, end)) end--;
  return [start, end];
}

function isHighSurrogate(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff;
}

function stripBlanks(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (!isBlank(s.charCodeAt(i))) out += s[i];
  return out;
}
