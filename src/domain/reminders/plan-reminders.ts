import type { WorkCalendar } from '../calendar/work-calendar.ts';

// Who is reminded of what on one day. Pure: the caller loads the plan's open work, the people and
// the calendar; this decides, so the holiday and escalation rules can be tested day by day.

/** The reminder rules (defaults: 3 working days before, leader after 3, supervisor after 5). */
export interface ReminderRules {
  daysBeforeDue: number;
  leaderAfterDays: number;
  supervisorAfterDays: number;
}

/**
 * Something with a due date that is still open: a task, one owner's report for one period, a
 * finding to rectify (问题整改), or a school's rows of a collection round (数据填报, round-reminders.ts).
 */
export interface OpenWork {
  target: 'task' | 'report' | 'finding' | 'round';
  /** The task (0 for a finding or a round). */
  taskId: number;
  /** The item (0 for a finding not linked to one, or a round). */
  itemId: number;
  title: string;
  dueOn: string;
  /** The units that must act (a task's owners; the one unit a report is missing from). */
  unitIds: number[];
  /** For reports: the period key (2024-05) and its label (5月). */
  period?: string;
  periodLabel?: string;
  /** For findings: the finding and where it came from (校园安全月检, 审计…). */
  findingId?: number;
  source?: string;
  /** For rounds: the round, and where the school's rows stand (nothing filed, a draft, returned). */
  roundId?: number;
  roundState?: 'none' | 'draft' | 'returned';
}

/** The plan's open work and who answers for it. */
export interface ReminderWork {
  planId: number;
  open: OpenWork[];
  items: Map<number, { no: number; title: string; leaderIds: number[] }>;
  unitNames: Map<number, string>;
}

/**
 * A finding not yet closed (问题整改), with its unit and linked item. Open: the unit rectifies it;
 * escalated: a school handed it to the bureau, which must assign a department; rectified: the
 * supervisors must verify it.
 */
export interface OpenFinding {
  findingId: number;
  title: string;
  source: string;
  dueOn: string;
  status: 'open' | 'escalated' | 'rectified';
  unitId: number;
  unitName: string;
  planId: number | null;
  /** The linked item: its leaders hear of the overdue finding like of a task. */
  item: { id: number; no: number; title: string; leaderIds: number[] } | null;
}

/** A person who may be reminded. */
export interface Person {
  userId: number;
  unitId: number | null;
  leaderId: number | null;
  supervisor: boolean;
}

/**
 * Why an entry is in a digest. `waiting`: work waiting on the supervisors that is not yet near its
 * deadline (a finding to assign) or has none left to watch (a finding to verify).
 */
export type EntryKind = 'due_soon' | 'due_today' | 'overdue' | 'waiting';

/** Who the entry is addressed to: the owners themselves, or the escalation levels above them. */
export type Audience = 'owner' | 'leader' | 'supervisor';

/** One line of a digest. */
export interface DigestEntry extends OpenWork {
  planId: number;
  kind: EntryKind;
  audience: Audience;
  /** Working days left (due_soon) or overdue (overdue); 0 on the due day. */
  days: number;
  itemNo: number;
  itemTitle: string;
  unitNames: string[];
  /**
   * For the supervisors' own work on findings: assign an escalated one to a department, or verify a
   * rectified one. Not an escalation.
   */
  action?: 'assign' | 'verify';
}

/** Everything one person is told on one day (one digest, not a stream). */
export interface Digest {
  userId: number;
  entries: DigestEntry[];
}

/** What a piece of open work means on a day: nothing, due soon, due today or overdue by n working days. */
export function classify(
  calendar: WorkCalendar,
  rules: ReminderRules,
  day: string,
  dueOn: string,
): { kind: EntryKind; days: number } | null {
  if (dueOn === day) return { kind: 'due_today', days: 0 };
  if (dueOn > day) {
    const left = calendar.workingDaysBetween(day, dueOn);
    // A due date on a day off still counts as its day: left can be 0 for a Saturday due date seen
    // on Friday, which is the last chance to act, so it reads as due today.
    if (left === 0) return { kind: 'due_today', days: 0 };
    return left <= rules.daysBeforeDue ? { kind: 'due_soon', days: left } : null;
  }
  return { kind: 'overdue', days: Math.max(1, calendar.workingDaysBetween(dueOn, day)) };
}

/**
 * The digests of one day over any number of plans: owners hear of their work due within
 * daysBeforeDue working days, on the due day and every working day while overdue; the items'
 * leaders hear of work overdue by leaderAfterDays working days, supervisors of work overdue by
 * supervisorAfterDays. Findings follow the same rules with their unit's users as owners; an
 * escalated finding goes to the supervisors to assign (its owners no longer hear of it) and a
 * rectified one reminds them that verification is pending. Nothing on a day off. Each person gets
 * one digest, sorted worst first.
 */
export function planReminders(
  works: readonly ReminderWork[],
  people: readonly Person[],
  calendar: WorkCalendar,
  rules: ReminderRules,
  day: string,
  findings: readonly OpenFinding[] = [],
): Digest[] {
  if (!calendar.isWorkingDay(day)) return [];
  const byUnit = groupPeople(people, (p) => p.unitId);
  const byLeader = groupPeople(people, (p) => p.leaderId);
  const supervisors = people.filter((p) => p.supervisor).map((p) => p.userId);
  const digests = new Map<number, DigestEntry[]>();
  const add = (userId: number, entry: DigestEntry) => {
    const list = digests.get(userId);
    if (list) list.push(entry);
    else digests.set(userId, [entry]);
  };
  // Overdue work long enough reaches the item's leaders, then the supervisors; nobody twice.
  const escalate = (base: Omit<DigestEntry, 'audience'>, leaderIds: number[], told: Set<number>) => {
    if (base.kind !== 'overdue') return;
    if (base.days >= rules.leaderAfterDays) {
      for (const userId of leaderIds.flatMap((id) => byLeader.get(id) ?? [])) {
        if (told.has(userId)) continue;
        told.add(userId);
        add(userId, { ...base, audience: 'leader' });
      }
    }
    if (base.days >= rules.supervisorAfterDays) {
      for (const userId of supervisors) {
        if (told.has(userId)) continue;
        told.add(userId);
        add(userId, { ...base, audience: 'supervisor' });
      }
    }
  };
  // A finding's due date on this day; rectified ones wait for verification whatever their date.
  const whenDue = (finding: OpenFinding) =>
    finding.status === 'rectified'
      ? { kind: 'waiting' as const, days: 0 }
      : (classify(calendar, rules, day, finding.dueOn) ?? {
          kind: 'waiting' as const,
          days: calendar.workingDaysBetween(day, finding.dueOn),
        });
  for (const work of works) {
    for (const open of work.open) {
      const when = classify(calendar, rules, day, open.dueOn);
      if (!when) continue;
      const item = work.items.get(open.itemId);
      const base = {
        ...open,
        planId: work.planId,
        ...when,
        itemNo: item?.no ?? 0,
        itemTitle: item?.title ?? '',
        unitNames: open.unitIds.map((id) => work.unitNames.get(id) ?? `单位${id}`),
      };
      const owners = new Set(open.unitIds.flatMap((unitId) => byUnit.get(unitId) ?? []));
      for (const userId of owners) add(userId, { ...base, audience: 'owner' });
      escalate(base, item?.leaderIds ?? [], owners);
    }
  }
  for (const finding of findings) {
    const base = findingEntry(finding, whenDue(finding));
    if (finding.status === 'rectified') {
      for (const userId of supervisors) add(userId, { ...base, audience: 'supervisor', action: 'verify' });
      continue;
    }
    if (finding.status === 'escalated') {
      // Waiting for the bureau: the supervisors assign it every working day until they do.
      for (const userId of supervisors) add(userId, { ...base, audience: 'supervisor', action: 'assign' });
      escalate(base, finding.item?.leaderIds ?? [], new Set(supervisors));
      continue;
    }
    if (base.kind === 'waiting') continue;
    const owners = new Set(byUnit.get(finding.unitId) ?? []);
    for (const userId of owners) add(userId, { ...base, audience: 'owner' });
    escalate(base, finding.item?.leaderIds ?? [], owners);
  }
  return [...digests.entries()]
    .map(([userId, entries]) => ({ userId, entries: entries.sort(worstFirst) }))
    .sort((a, b) => a.userId - b.userId);
}

/** A finding as a digest entry, before its audience is known. */
function findingEntry(
  finding: OpenFinding,
  when: { kind: EntryKind; days: number },
): Omit<DigestEntry, 'audience'> {
  return {
    target: 'finding',
    taskId: 0,
    itemId: finding.item?.id ?? 0,
    title: finding.title,
    dueOn: finding.dueOn,
    unitIds: [finding.unitId],
    findingId: finding.findingId,
    source: finding.source,
    planId: finding.planId ?? 0,
    ...when,
    itemNo: finding.item?.no ?? 0,
    itemTitle: finding.item?.title ?? '',
    unitNames: [finding.unitName],
  };
}

const kindOrder: Record<EntryKind, number> = { overdue: 0, due_today: 1, due_soon: 2, waiting: 3 };

// Tasks, then findings to rectify, then data to file, then reports: a missed task matters more than
// a missed progress report.
const targetOrder: Record<OpenWork['target'], number> = { task: 0, finding: 1, round: 2, report: 3 };

/** The order of a digest's entries: worst first (overdue longest, then due today, then soon). */
export function worstFirst(a: DigestEntry, b: DigestEntry): number {
  return (
    kindOrder[a.kind] - kindOrder[b.kind] ||
    targetOrder[a.target] - targetOrder[b.target] ||
    (a.kind === 'overdue' ? b.days - a.days : a.days - b.days) ||
    a.itemNo - b.itemNo ||
    a.taskId - b.taskId ||
    (a.findingId ?? 0) - (b.findingId ?? 0) ||
    (a.roundId ?? 0) - (b.roundId ?? 0) ||
    (a.period ?? '').localeCompare(b.period ?? '')
  );
}

function groupPeople(people: readonly Person[], key: (p: Person) => number | null): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const person of people) {
    const k = key(person);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(person.userId);
    else map.set(k, [person.userId]);
  }
  return map;
}
