// The school calendar (校历): terms and vacations per year, as the administrator sets them, with the
// lights module's default terms for a year nobody has set. Pure.
import type { SchoolCalendarEntry } from '../../shared/calendar.ts';
import {
  addDays,
  dateParts,
  defaultTermsOfYear,
  type Period,
  type SchoolCalendar,
  schoolCalendarFromTerms,
} from '../lights/index.ts';
import { calendarMessages as M } from './messages.ts';

/** A stored entry with the year it belongs to. */
export interface SchoolYearEntry extends SchoolCalendarEntry {
  year: number;
}

/**
 * The default school calendar of a year, as the page shows it: the lights' default terms and the
 * summer vacation between them (the default terms leave no winter gap).
 */
export function defaultSchoolYear(year: number): SchoolCalendarEntry[] {
  const [spring, autumn] = defaultTermsOfYear(year);
  if (!spring || !autumn) return [];
  return [
    { kind: 'term', name: spring.shortLabel, startsOn: spring.startOn, endsOn: spring.endOn },
    {
      kind: 'vacation',
      name: M.summerVacation,
      startsOn: addDays(spring.endOn, 1),
      endsOn: addDays(autumn.startOn, -1),
    },
    { kind: 'term', name: autumn.shortLabel, startsOn: autumn.startOn, endsOn: autumn.endOn },
  ];
}

/**
 * The school calendar the lights and reporting periods use: a year's stored terms when the
 * administrator set that year, else the default terms of that year.
 */
export function schoolCalendarOf(entries: readonly SchoolYearEntry[]): SchoolCalendar {
  const setYears = new Set(entries.map((e) => e.year));
  const terms: Period[] = entries.filter((e) => e.kind === 'term').map(termPeriod);
  const byYear = new Map<number, Period[]>();
  const termsOfYear = (year: number): Period[] => {
    const cached = byYear.get(year);
    if (cached) return cached;
    const list = setYears.has(year) ? terms.filter((t) => t.year === year) : defaultTermsOfYear(year);
    byYear.set(year, list);
    return list;
  };
  return {
    termsOverlapping(fromOn, toOn) {
      const found: Period[] = [];
      // A term begun the year before (the autumn term) still runs in January.
      for (let year = dateParts(fromOn).year - 1; year <= dateParts(toOn).year; year++) {
        found.push(...schoolCalendarFromTerms(termsOfYear(year)).termsOverlapping(fromOn, toOn));
      }
      return found;
    },
  };
}

// A stored term as a period: keyed spring or autumn by the month it begins, labelled by its name.
function termPeriod(entry: SchoolYearEntry, index: number, all: readonly SchoolYearEntry[]): Period {
  const half = dateParts(entry.startsOn).month <= 7 ? 'spring' : 'autumn';
  const same = all.filter((e, i) => i < index && e.year === entry.year && e.kind === 'term');
  const taken = same.some((e) => (dateParts(e.startsOn).month <= 7 ? 'spring' : 'autumn') === half);
  return {
    key: `${entry.year}-${half}${taken ? `-${index}` : ''}`,
    label: `${entry.year}年${entry.name}`,
    shortLabel: entry.name,
    year: entry.year,
    startOn: entry.startsOn,
    endOn: entry.endsOn,
  };
}

/**
 * Why a year's entries cannot be saved, or undefined when they can: each runs forwards, begins in the
 * year and ends by the next March (the autumn term and winter vacation run into the new year), and
 * no two overlap. The index names the entry at fault.
 */
export function schoolYearProblem(
  year: number,
  entries: readonly SchoolCalendarEntry[],
): { index: number; message: string } | undefined {
  for (const [index, e] of entries.entries()) {
    if (e.endsOn < e.startsOn) return { index, message: M.entryBackwards(e.name) };
    if (dateParts(e.startsOn).year !== year) return { index, message: M.entryOutsideYear(e.name, year) };
    if (e.endsOn > `${year + 1}-03-31`) return { index, message: M.entryTooLong(e.name, year + 1) };
  }
  const sorted = entries
    .map((e, index) => ({ e, index }))
    .sort((a, b) => (a.e.startsOn < b.e.startsOn ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1];
    const after = sorted[i];
    if (before && after && after.e.startsOn <= before.e.endsOn) {
      return { index: after.index, message: M.entriesOverlap(before.e.name, after.e.name) };
    }
  }
  return undefined;
}
