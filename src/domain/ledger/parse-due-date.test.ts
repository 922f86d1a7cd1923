import { describe, expect, it } from 'vitest';
import { fieldOfHeader } from './columns.ts';
import { parseDueDate } from './parse-due-date.ts';

describe('parseDueDate', () => {
  it('reads the ways bureaus write a due date', () => {
    const cases: Array<[string, string]> = [
      ['2024-06-30', '2024-06-30'],
      ['2024/6/30', '2024-06-30'],
      ['2024.6.30', '2024-06-30'],
      ['2024年6月30日', '2024-06-30'],
      ['２０２４年６月３０日前', '2024-06-30'],
      ['20240630', '2024-06-30'],
      ['2024年6月底前', '2024-06-30'],
      ['2024-02', '2024-02-29'],
      ['6月底前', '2024-06-30'],
      ['9月15日前', '2024-09-15'],
      ['年底前', '2024-12-31'],
      ['45473', '2024-06-30'],
    ];
    for (const [text, day] of cases) expect(parseDueDate(text, 2024), text).toBe(day);
  });

  it('refuses what is not a real day', () => {
    for (const text of ['2024-13-40', '2024-02-30', '13月底', '尽快', '', '2024年']) {
      expect(parseDueDate(text, 2024), text).toBeNull();
    }
  });
});

describe('fieldOfHeader', () => {
  it('recognises headers by any of their names, ignoring marks and notes in brackets', () => {
    expect(fieldOfHeader('要点序号')).toBe('itemNo');
    expect(fieldOfHeader(' * 牵头股室 ')).toBe('lead');
    expect(fieldOfHeader('完成时限（年月日）')).toBe('dueOn');
    expect(fieldOfHeader('任务内容：')).toBe('title');
    expect(fieldOfHeader('协办单位')).toBe('coOwners');
    expect(fieldOfHeader('要点')).toBeUndefined();
    expect(fieldOfHeader('序号')).toBeUndefined();
  });
});
