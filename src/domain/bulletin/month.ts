import { addDays, lastDayOfMonth } from '../lights/index.ts';

/** The days of a bulletin's month and of the month after it, and the day its facts are as of. */
export interface BulletinMonth {
  month: string;
  year: number;
  monthNo: number;
  firstDay: string;
  lastDay: string;
  /** The month's last day, or today while the month is still running. */
  asOf: string;
  next: { month: string; monthNo: number; firstDay: string; lastDay: string };
}

/** The span of a month 'YYYY-MM' and the next one, with facts as of its last day or today; pure. */
export function bulletinMonth(month: string, today: string): BulletinMonth {
  const [year, monthNo] = month.split('-').map(Number) as [number, number];
  const firstDay = `${month}-01`;
  const lastDay = lastDayOfMonth(year, monthNo);
  const nextFirst = addDays(lastDay, 1);
  const [nextYear, nextNo] = nextFirst.split('-').map(Number) as [number, number];
  return {
    month,
    year,
    monthNo,
    firstDay,
    lastDay,
    asOf: today < lastDay ? today : lastDay,
    next: {
      month: nextFirst.slice(0, 7),
      monthNo: nextNo,
      firstDay: nextFirst,
      lastDay: lastDayOfMonth(nextYear, nextNo),
    },
  };
}
