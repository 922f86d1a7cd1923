import { type Label, type LabelRole, labelBefore } from './labels.ts';
import { type ListedName, splitNames } from './names.ts';
import type { Range, View } from './view.ts';

/** Names read from the responsibility notes of one item, by role. */
export interface Responsibility {
  leaders: ListedName[];
  lead: ListedName[];
  departments: ListedName[];
  co: ListedName[];
}

/** The notes found in an item: their view ranges, the names, and what could not be read. */
export interface NoteScan extends Responsibility {
  notes: Range[];
  unclosed: boolean;
  unreadable: boolean;
}

const OPEN = '([【〔〖';
const CLOSE = ')]】〕〗';
// A bare label (责任单位：…) starts a note only at a line start, after a sentence or clause end, or
// after a list bullet (a wiki or web copy marks each note line: • 责任领导：…).
const BARE_BOUNDARY = '\n。;,、)]】〕〗.!?';
const BULLETS = '•·・*●○■□◆◇▲△►▶-';

/** Finds every responsibility note in view[from, to) and reads its names. */
export function scanNotes(view: View, from: number, to: number, wrapWidth = 0): NoteScan {
  const scan: NoteScan = {
    leaders: [],
    lead: [],
    departments: [],
    co: [],
    notes: [],
    unclosed: false,
    unreadable: false,
  };
  const str = view.str;
  let i = from;
  while (i < to) {
    const colon = str.indexOf(':', i);
    if (colon < 0 || colon >= to) break;
    const label = labelBefore(str, colon);
    if (label === null || label.start < from) {
      i = colon + 1;
      continue;
    }
    let p = label.start - 1;
    while (p >= from && str[p] === ' ') p--;
    const before = p >= from ? str[p]! : '\n';
    let note: Range;
    if (OPEN.includes(before)) {
      const close = matchClose(str, p, to);
      if (close < 0) scan.unclosed = true;
      note = { start: p, end: close < 0 ? to : close + 1 };
    } else if (BARE_BOUNDARY.includes(before)) {
      note = { start: label.start, end: bareEnd(str, label.valueStart, to, wrapWidth) };
    } else if (BULLETS.includes(before)) {
      note = { start: p, end: bareEnd(str, label.valueStart, to, wrapWidth) };
    } else {
      i = colon + 1;
      continue;
    }
    readFields(view, note, label, scan);
    scan.notes.push(note);
    i = note.end;
  }
  return scan;
}

function matchClose(str: string, open: number, to: number): number {
  let depth = 0;
  for (let j = open; j < to; j++) {
    const ch = str[j]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

/**
 * A bare note runs to its 。 or to the end of its line, unless the line ends mid-list (、 ,) or was
 * cut by a hard wrap (a full-width line without a sentence end: …装备\n中心。).
 */
function bareEnd(str: string, from: number, to: number, wrapWidth: number): number {
  let lineStart = from;
  while (lineStart > 0 && str[lineStart - 1] !== '\n' && from - lineStart < 400) lineStart--;
  for (let j = from; j < to; j++) {
    const ch = str[j];
    if (ch === '。') return j + 1;
    if (ch === '\n') {
      let k = j - 1;
      while (k >= from && str[k] === ' ') k--;
      const wrapped =
        wrapWidth > 0 && j - lineStart >= wrapWidth * 0.9 && k >= from && !'。;!?'.includes(str[k]!);
      lineStart = j + 1;
      if (k >= from && '、,;:'.includes(str[k]!)) continue;
      if (k < from || wrapped) continue;
      return j;
    }
  }
  return to;
}

function readFields(view: View, note: Range, first: Label, scan: NoteScan): void {
  const str = view.str;
  const labels: Label[] = [first];
  let i = first.valueStart;
  while (i < note.end) {
    const colon = str.indexOf(':', i);
    if (colon < 0 || colon >= note.end) break;
    const label = labelBefore(str, colon);
    if (label !== null && label.start >= labels[labels.length - 1]!.valueStart) labels.push(label);
    i = colon + 1;
  }
  let end = note.end;
  if (CLOSE.includes(str[end - 1] ?? '') && OPEN.includes(str[note.start] ?? '')) end--;
  for (let k = 0; k < labels.length; k++) {
    const label = labels[k]!;
    const valueEnd = k + 1 < labels.length ? labels[k + 1]!.start : end;
    const names = splitNames(view, label.valueStart, valueEnd, label.role === 'leaders');
    if (names.length === 0) scan.unreadable = true;
    pushRole(scan, label.role, names);
  }
}

function pushRole(scan: Responsibility, role: LabelRole, names: ListedName[]): void {
  for (const n of names) {
    if (role === 'leaders') scan.leaders.push(n);
    else if (role === 'lead' || n.lead) scan.lead.push(n);
    else if (role === 'co') scan.co.push(n);
    else scan.departments.push(n);
  }
}

/** Leaders, departments (leads first, then the rest) and lead departments, without repeats. */
export function resolveResponsibility(r: Responsibility): {
  leaders: string[];
  departments: string[];
  leadDepartments: string[];
} {
  const leaders = unique(r.leaders.map((n) => n.name));
  const leads = unique(r.lead.map((n) => n.name));
  const departments = unique([...leads, ...r.departments.map((n) => n.name), ...r.co.map((n) => n.name)]);
  const firstListed = departments[0];
  const leadDepartments = leads.length > 0 ? leads : firstListed === undefined ? [] : [firstListed];
  return { leaders, departments, leadDepartments };
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
