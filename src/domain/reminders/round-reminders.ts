import type { WorkCalendar } from '../calendar/work-calendar.ts';
import {
  classify,
  type Digest,
  type DigestEntry,
  type Person,
  type ReminderRules,
  worstFirst,
} from './plan-reminders.ts';

// Who is reminded of collection rounds (数据填报) on one day. Pure, like plan-reminders.ts, and by the
// same rules: a school that has not submitted its rows hears of the round daysBeforeDue working days
// before its due date, on it and every working day after; supervisorAfterDays working days overdue,
// the supervisors hear of the round with the schools still missing. A round has no item, so no
// leader is told. The entries join each person's one daily digest (mergeDigests).

/** A school that has not yet submitted its rows of an open round. */
export interface RoundSchoolDue {
  unitId: number;
  unitName: string;
  /** Nothing filed, a draft saved, or rows returned by the reviewer. */
  state: 'none' | 'draft' | 'returned';
}

/** An open round and the schools that still owe their rows (none left: nobody is reminded). */
export interface OpenRoundDue {
  roundId: number;
  name: string;
  dueOn: string;
  schools: RoundSchoolDue[];
}

/** The digests of one day about open rounds; nothing on a day off. */
export function roundReminders(
  rounds: readonly OpenRoundDue[],
  people: readonly Person[],
  calendar: WorkCalendar,
  rules: ReminderRules,
  day: string,
): Digest[] {
  if (!calendar.isWorkingDay(day)) return [];
  const byUnit = new Map<number, number[]>();
  for (const person of people) {
    if (person.unitId === null) continue;
    byUnit.set(person.unitId, [...(byUnit.get(person.unitId) ?? []), person.userId]);
  }
  const supervisors = people.filter((p) => p.supervisor).map((p) => p.userId);
  const digests = new Map<number, DigestEntry[]>();
  const add = (userId: number, entry: DigestEntry) =>
    digests.set(userId, [...(digests.get(userId) ?? []), entry]);
  for (const round of rounds) {
    const when = classify(calendar, rules, day, round.dueOn);
    if (!when || round.schools.length === 0) continue;
    const base = {
      target: 'round' as const,
      taskId: 0,
      itemId: 0,
      title: round.name,
      dueOn: round.dueOn,
      roundId: round.roundId,
      planId: 0,
      itemNo: 0,
      itemTitle: '',
      ...when,
    };
    const told = new Set<number>();
    for (const school of round.schools) {
      for (const userId of byUnit.get(school.unitId) ?? []) {
        told.add(userId);
        add(userId, {
          ...base,
          unitIds: [school.unitId],
          unitNames: [school.unitName],
          roundState: school.state,
          audience: 'owner',
        });
      }
    }
    if (when.kind !== 'overdue' || when.days < rules.supervisorAfterDays) continue;
    // One line per round for the supervisors, naming the schools still missing; nobody twice.
    const escalation: DigestEntry = {
      ...base,
      unitIds: round.schools.map((s) => s.unitId),
      unitNames: round.schools.map((s) => s.unitName),
      audience: 'supervisor',
    };
    for (const userId of supervisors) if (!told.has(userId)) add(userId, escalation);
  }
  return toDigests(digests);
}

/** Joins the digests of several planners into one per person, entries worst first. */
export function mergeDigests(...lists: ReadonlyArray<readonly Digest[]>): Digest[] {
  const digests = new Map<number, DigestEntry[]>();
  for (const digest of lists.flat())
    digests.set(digest.userId, [...(digests.get(digest.userId) ?? []), ...digest.entries]);
  return toDigests(digests);
}

function toDigests(digests: ReadonlyMap<number, DigestEntry[]>): Digest[] {
  return [...digests.entries()]
    .map(([userId, entries]) => ({ userId, entries: [...entries].sort(worstFirst) }))
    .sort((a, b) => a.userId - b.userId);
}
