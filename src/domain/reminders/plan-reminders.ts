import type { WorkCalendar } from '../calendar/work-calendar.ts';

// Who is reminded of what on one day. Pure: the caller loads the plan's open work, the people and
// the calendar; this decides, so the holiday and escalation rules can be tested day by day.

/** The reminder rules (defaults: 3 working days before, leader after 3, supervisor after 5). */
export interface ReminderRules {
  daysBeforeDue: number;
  leaderAfterDays: number;
  supervisorAfterDays: number;
}

/** Something with a due date that is still open: a task, or one owner's report for one period. */
export interface OpenWork {
  target: 'task' | 'report';
  taskId: number;
  itemId: number;
  title: string;
  dueOn: string;
  /** The units that must act (a task's owners; the one unit a report is missing from). */
  unitIds: number[];
  /** For reports: the period key (2024-05) and its label (5月). */
  period?: string;
  periodLabel?: string;
}

/** The plan's open work and who answers for it. */
export interface ReminderWork {
  planId: number;
  open: OpenWork[];
  items: Map<number, { no: number; title: string; leaderIds: number[] }>;
  unitNames: Map<number, string>;
}

/** A person who may be reminded. */
export interface Person {
  userId: number;
  unitId: number | null;
  leaderId: number | null;
  supervisor: boolean;
}

/** Why an entry is in a digest. */
export type EntryKind = 'due_soon' | 'due_today' | 'overdue';

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
 * supervisorAfterDays. Nothing on a day off. Each person gets one digest, sorted worst first.
 */
export function planReminders(
  works: readonly ReminderWork[],
  people: readonly Person[],
  calendar: WorkCalendar,
  rules: ReminderRules,
  day: string,
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
      if (when.kind !== 'overdue') continue;
      const told = new Set(owners);
      if (when.days >= rules.leaderAfterDays) {
        for (const userId of (item?.leaderIds ?? []).flatMap((id) => byLeader.get(id) ?? [])) {
          if (told.has(userId)) continue;
          told.add(userId);
          add(userId, { ...base, audience: 'leader' });
        }
      }
      if (when.days >= rules.supervisorAfterDays) {
        for (const userId of supervisors) {
          if (told.has(userId)) continue;
          told.add(userId);
          add(userId, { ...base, audience: 'supervisor' });
        }
      }
    }
  }
  return [...digests.entries()]
    .map(([userId, entries]) => ({ userId, entries: entries.sort(worstFirst) }))
    .sort((a, b) => a.userId - b.userId);
}

const kindOrder: Record<EntryKind, number> = { overdue: 0, due_today: 1, due_soon: 2 };

function worstFirst(a: DigestEntry, b: DigestEntry): number {
  return (
    kindOrder[a.kind] - kindOrder[b.kind] ||
    // Tasks before reports: a missed task matters more than a missed progress report.
    (a.target === b.target ? 0 : a.target === 'task' ? -1 : 1) ||
    (a.kind === 'overdue' ? b.days - a.days : a.days - b.days) ||
    a.itemNo - b.itemNo ||
    a.taskId - b.taskId ||
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
