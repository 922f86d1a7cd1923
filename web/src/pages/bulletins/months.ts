import { monthLabel } from '@shared/bulletins.ts';

/** The months of a plan year a bulletin can be written for: January up to today's month ('YYYY-MM'). */
export function bulletinMonths(year: number, today: string): Array<{ value: string; label: string }> {
  const thisYear = Number(today.slice(0, 4));
  const last = thisYear > year ? 12 : thisYear < year ? 0 : Number(today.slice(5, 7));
  return Array.from({ length: last }, (_, index) => {
    const value = `${year}-${String(index + 1).padStart(2, '0')}`;
    return { value, label: monthLabel(value) };
  }).reverse();
}

/** Today in Asia/Shanghai as YYYY-MM-DD (China has no daylight saving time). */
export function shanghaiToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
