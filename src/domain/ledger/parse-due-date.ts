import { isPlanDate } from '../workflow-input.ts';

// The ways a bureau writes a due date in its decomposition sheet: 2024-06-30, 2024/6/30,
// 2024.6.30, 2024年6月30日, 20240630, 2024年6月底(前), 6月底前, 6月30日前, 年底前, or an
// Excel date serial when the cell was typed as a number.

const pad = (n: number) => String(n).padStart(2, '0');

function monthEnd(year: number, month: number): string | null {
  if (month < 1 || month > 12) return null;
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

function day(year: number, month: number, date: number): string | null {
  const text = `${year}-${pad(month)}-${pad(date)}`;
  return isPlanDate(text) ? text : null;
}

/** A due date cell as YYYY-MM-DD in the plan's year context, or null when it is not a real day. */
export function parseDueDate(text: string, planYear: number): string | null {
  const s = text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/(之前|以前|前)$/, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})[-/.年](\d{1,2})月?(?:底|末)?$/.exec(s);
  if (m) return monthEnd(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (m) return day(planYear, Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})月(?:底|末)?$/.exec(s);
  if (m) return monthEnd(planYear, Number(m[1]));
  if (/^(?:年底|年末|年内|全年|\d{4}年底|\d{4}年末)$/.test(s)) return `${planYear}-12-31`;
  m = /^(\d{5})(?:\.0+)?$/.exec(s);
  if (m) {
    // Excel's day serial: day 1 is 1900-01-01 and 1900 is wrongly a leap year, so count from 1899-12-30.
    const at = new Date(Date.UTC(1899, 11, 30) + Number(m[1]) * 86_400_000);
    return at.toISOString().slice(0, 10);
  }
  return null;
}
