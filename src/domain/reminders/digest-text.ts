import { reminderMessages as M } from './messages.ts';
import type { Audience, Digest, DigestEntry, EntryKind } from './plan-reminders.ts';

/** A digest as words: a title, plain text (in-app and e-mail) and the address to open. */
export interface DigestText {
  title: string;
  body: string;
  link: string;
}

// An e-mail or a notification that lists hundreds of lines is not read; the rest is one click away.
const MAX_LINES_PER_GROUP = 30;
// Titles named in the one line of findings waiting for verification.
const MAX_VERIFY_TITLES = 5;
// Schools named in a supervisor's line about a round; the round's page lists them all.
const MAX_ROUND_SCHOOLS = 5;

/** The page of one finding in the web app. */
export function findingLink(findingId: number): string {
  return `/findings?finding=${findingId}`;
}

/** The page of one collection round in the web app. */
export function roundLink(roundId: number): string {
  return `/balance/rounds/${roundId}`;
}

/** One line of a digest, e.g. "第3项 5月进展填报：…（办公室，已逾期2个工作日）". */
export function entryLine(entry: DigestEntry): string {
  const what =
    entry.target === 'report'
      ? M.reportOf(entry.periodLabel ?? entry.period ?? '', entry.title)
      : entry.target === 'finding'
        ? M.findingOf(entry.source ?? '', entry.title)
        : entry.target === 'round'
          ? M.roundOf(entry.title)
          : entry.title;
  const when =
    entry.kind === 'overdue'
      ? M.overdue(entry.days)
      : entry.kind === 'due_today'
        ? M.dueToday
        : entry.kind === 'due_soon'
          ? M.dueSoon(entry.days)
          : entry.action === 'verify'
            ? M.awaitingVerification
            : M.dueLater(entry.days);
  const units = entry.audience === 'owner' ? '' : `${unitsOf(entry)}，`;
  const state = entry.audience === 'owner' && entry.roundState ? `${M.roundStates[entry.roundState]}，` : '';
  return `${M.itemPrefix(entry.itemNo)}${what}（${units}${state}${when}，${entry.dueOn}）`;
}

// Who an escalated line is about: the owners, or for a round the schools that have not submitted.
function unitsOf(entry: DigestEntry): string {
  if (entry.target !== 'round') return entry.unitNames.join('、');
  return M.roundSchools(entry.unitNames.slice(0, MAX_ROUND_SCHOOLS), entry.unitNames.length);
}

/** The words of one person's digest, grouped: own work by urgency, then what they should chase. */
export function digestText(digest: Digest, day: string): DigestText {
  const groups: Array<{ heading: string; entries: DigestEntry[] }> = [];
  const own = (kind: EntryKind) => digest.entries.filter((e) => e.audience === 'owner' && e.kind === kind);
  const chase = (audience: Audience) =>
    digest.entries.filter((e) => e.audience === audience && e.action === undefined);
  const act = (action: 'assign' | 'verify') => digest.entries.filter((e) => e.action === action);
  groups.push({ heading: M.headings.overdue, entries: own('overdue') });
  groups.push({ heading: M.headings.due_today, entries: own('due_today') });
  groups.push({ heading: M.headings.due_soon, entries: own('due_soon') });
  groups.push({ heading: M.headings.assign, entries: act('assign') });
  groups.push({ heading: M.headings.leader, entries: chase('leader') });
  groups.push({ heading: M.headings.supervisor, entries: chase('supervisor') });
  const lines = [M.digestIntro];
  for (const group of groups) {
    if (group.entries.length === 0) continue;
    lines.push('', group.heading);
    for (const entry of group.entries.slice(0, MAX_LINES_PER_GROUP)) lines.push(`· ${digestLine(entry)}`);
    if (group.entries.length > MAX_LINES_PER_GROUP)
      lines.push(M.more(group.entries.length - MAX_LINES_PER_GROUP));
  }
  // Verification pending is a reminder, not an escalation: one line, however many findings wait.
  const verify = act('verify');
  if (verify.length > 0) {
    const titles = verify.slice(0, MAX_VERIFY_TITLES).map((e) => e.title);
    const only = verify.length === 1 ? verify[0]?.findingId : undefined;
    const link = only === undefined ? '/findings' : findingLink(only);
    lines.push(
      '',
      M.headings.verify,
      `· ${M.verifyLine(verify.length, titles, verify.length > titles.length)}${M.openAt(link)}`,
    );
  }
  lines.push('', M.digestOutro);
  return {
    title: M.digestTitle(day, digest.entries.length),
    body: lines.join('\n'),
    link: digestLink(digest.entries),
  };
}

// A finding's and a round's line carry their own address: the workbench the digest opens does not
// list findings, and a round is filled on its own page.
function digestLine(entry: DigestEntry): string {
  const line = entryLine(entry);
  if (entry.roundId !== undefined) return `${line}${M.openAt(roundLink(entry.roundId))}`;
  return entry.findingId === undefined ? line : `${line}${M.openAt(findingLink(entry.findingId))}`;
}

// The address a digest opens: the round itself when it is all there is, the workbench for one's own
// tasks, reports and rounds, the findings register for findings only (the finding itself when there
// is one), else the plan of the first task or report (the workbench, listing the rounds, when only
// rounds are escalated).
function digestLink(entries: readonly DigestEntry[]): string {
  const own = entries.filter((e) => e.audience === 'owner');
  const considered = own.length > 0 ? own : entries;
  const first = considered[0];
  if (!first) return '/workbench';
  const rounds = new Set(considered.map((e) => e.roundId));
  if (first.roundId !== undefined && rounds.size === 1) return roundLink(first.roundId);
  if (considered.some((e) => e.target !== 'finding')) {
    if (own.length > 0) return '/workbench';
    const plan = considered.find((e) => e.target !== 'finding' && e.target !== 'round');
    return plan ? `/plans/${plan.planId}` : '/workbench';
  }
  const ids = new Set(considered.map((e) => e.findingId));
  return ids.size === 1 && first.findingId !== undefined ? findingLink(first.findingId) : '/findings';
}

/** The group robot's summary of the day, in Markdown (both robots render it). */
export function robotMarkdown(
  digests: readonly Digest[],
  day: string,
): { title: string; text: string } | null {
  // The same work reaches several people; the robot counts each piece once.
  const unique = new Map<string, DigestEntry>();
  for (const digest of digests) {
    for (const entry of digest.entries) {
      // Findings waiting on the supervisors (to assign, to verify) are their desk work, not the day's due work.
      if (entry.kind === 'waiting') continue;
      // A round counts once per school that owes its rows, whether a school or the supervisors were told.
      if (entry.roundId !== undefined) {
        entry.unitIds.forEach((unitId, i) => {
          const unitNames = [entry.unitNames[i] ?? ''];
          unique.set(`round/${entry.roundId}/${unitId}`, { ...entry, unitIds: [unitId], unitNames });
        });
        continue;
      }
      const key = `${entry.target}/${entry.taskId}/${entry.findingId ?? ''}/${entry.unitIds.join(',')}/${entry.period ?? ''}`;
      unique.set(key, entry);
    }
  }
  if (unique.size === 0) return null;
  const all = [...unique.values()];
  const count = (kind: EntryKind) => all.filter((e) => e.kind === kind).length;
  const worst = all
    .filter((e) => e.kind === 'overdue')
    .sort((a, b) => b.days - a.days || a.itemNo - b.itemNo)
    .slice(0, 10);
  const title = M.robotTitle(day);
  const lines = [
    `### ${title}`,
    `> ${M.robotSummary(count('overdue'), count('due_today'), count('due_soon'))}`,
  ];
  if (worst.length > 0) {
    lines.push('', M.robotOverdueHeading);
    for (const entry of worst) lines.push(`- ${entryLine({ ...entry, audience: 'leader' })}`);
  }
  return { title, text: lines.join('\n') };
}
