import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine } from './ical-format.ts';

describe('iCal text', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds at 75 octets without splitting a Chinese character', () => {
    const line = `SUMMARY:${'督办'.repeat(40)}`;
    const folded = foldLine(line);
    const pieces = folded.split('\r\n');
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(75);
    expect(pieces.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(pieces.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('writes all-day events ending the next day, with CRLF line ends', () => {
    const text = buildCalendar({
      name: '督办 — 张三',
      now: new Date('2024-05-20T02:00:00Z'),
      events: [{ uid: 'task-1-due@duban', date: '2024-12-31', summary: '到期,任务' }],
    });
    expect(text).toContain('X-WR-CALNAME:督办 — 张三\r\n');
    expect(text).toContain('DTSTART;VALUE=DATE:20241231\r\nDTEND;VALUE=DATE:20250101\r\n');
    expect(text).toContain('DTSTAMP:20240520T020000Z');
    expect(text).toContain('SUMMARY:到期\\,任务');
    expect(text.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  });
});
