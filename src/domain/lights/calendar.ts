import type { PlanDate } from './dates.ts';
import { dateParts, dayNumber, planDate } from './dates.ts';
import { periodLabels } from './messages.ts';
import type { Period } from './period.ts';

/** Where the school terms lie; issue 6 supplies an editable one, the default uses fixed months. */
export interface SchoolCalendar {
  /** The terms that share at least one day with fromOn..toOn, in date order. */
  termsOverlapping(fromOn: PlanDate, toOn: PlanDate): Period[];
}

/** The default terms that begin in a year: spring term February–July, autumn term September–January. */
export function defaultTermsOfYear(year: number): Period[] {
  // The only place term boundaries are written down; an edited school calendar replaces it wholesale.
  return [
    {
      key: `${year}-spring`,
      ...periodLabels.springTerm(year),
      year,
      startOn: planDate(year, 2, 1),
      endOn: planDate(year, 7, 31),
    },
    {
      key: `${year}-autumn`,
      ...periodLabels.autumnTerm(year),
      year,
      startOn: planDate(year, 9, 1),
      endOn: planDate(year + 1, 1, 31),
    },
  ];
}

/** A school calendar over a given list of terms (e.g. loaded from the administrator's table). */
export function schoolCalendarFromTerms(terms: readonly Period[]): SchoolCalendar {
  const sorted = [...terms].sort((a, b) => dayNumber(a.startOn) - dayNumber(b.startOn));
  return {
    termsOverlapping: (fromOn, toOn) => sorted.filter((term) => overlaps(term, fromOn, toOn)),
  };
}

/** The calendar used when none is given: defaultTermsOfYear for every year. */
export const defaultSchoolCalendar: SchoolCalendar = {
  termsOverlapping(fromOn, toOn) {
    const terms: Period[] = [];
    // An autumn term begun the year before still runs in January.
    for (let year = dateParts(fromOn).year - 1; year <= dateParts(toOn).year; year++) {
      terms.push(...defaultTermsOfYear(year).filter((term) => overlaps(term, fromOn, toOn)));
    }
    return terms;
  },
};

function overlaps(period: Period, fromOn: PlanDate, toOn: PlanDate): boolean {
  return dayNumber(period.startOn) <= dayNumber(toOn) && dayNumber(period.endOn) >= dayNumber(fromOn);
}
