/** A report as filed for a month: when it was last submitted and how its review stands. */
export interface MonthFiling {
  submittedOn: string;
  state: 'submitted' | 'accepted' | 'returned';
}

/**
 * The filing that answers for a reporting period, looked up by each of its months: for a month,
 * that month's report; for a quarter or term, the earliest one handed in (a returned one only when
 * nothing else was), since any report on one of its months reports on the period.
 */
export function filingForPeriod<T extends MonthFiling>(
  months: readonly string[],
  find: (month: string) => T | undefined,
): T | undefined {
  let best: T | undefined;
  for (const month of months) {
    const filing = find(month);
    if (!filing) continue;
    if (!best || rank(filing) < rank(best)) best = filing;
  }
  return best;
}

function rank(filing: MonthFiling): string {
  // Handed-in filings sort before returned ones, then by day.
  return `${filing.state === 'returned' ? 1 : 0}${filing.submittedOn}`;
}
