import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { seedOrganization } from '../../../test/support/http.ts';
import { upsertOwnCalendarDay } from '../../db/queries/calendar-days.ts';
import { systemActor } from '../context.ts';
import { isAppError } from '../errors.ts';
import { importNationalCalendar, parseNationalCalendar } from './import-national-calendar.ts';
import { loadWorkCalendar } from './load-work-calendar.ts';

const announcement = `# 国务院办公厅关于2027年部分节假日安排的通知（节选）
2027-10-01 2027-10-07 放假 国庆节
2027-09-26 上班 国庆节
2024-05-01 2024-05-03 放假 劳动节
`;

describe('parseNationalCalendar', () => {
  it('reads ranges, single days and comments', () => {
    const days = parseNationalCalendar(announcement);
    expect(days.filter((d) => d.date.startsWith('2027-10')).map((d) => d.date)).toHaveLength(7);
    expect(days.find((d) => d.date === '2027-09-26')).toEqual({
      date: '2027-09-26',
      kind: 'workday',
      name: '国庆节',
    });
  });

  it('names the line at fault, in Chinese', () => {
    const refusal = (text: string) => {
      try {
        parseNationalCalendar(text);
      } catch (error) {
        return isAppError(error) ? error.message : String(error);
      }
      return 'accepted';
    };
    expect(refusal('2027-10-01 休息 国庆节')).toMatch(/^第 1 行：格式应为/);
    expect(refusal('\n2027-02-30 放假 春节')).toMatch(/^第 2 行：2027-02-30 不是有效日期/);
    expect(refusal('2027-09-27 上班 国庆节')).toMatch(/^第 1 行：2027-09-27 本来就是工作日/);
    expect(refusal('2027-10-07 2027-10-01 放假 国庆节')).toMatch(/^第 1 行：结束日期/);
  });
});

describeEachDatabase('importNationalCalendar', (current) => {
  it("replaces the national days of the years it names for every bureau and keeps each bureau's own days", async () => {
    const a = await seedOrganization(current(), '甲县教育局');
    const b = await seedOrganization(current(), '乙县教育局');
    await upsertOwnCalendarDay(current().db, b.organizationId, {
      date: '2024-05-02',
      kind: 'workday',
      name: '本局照常上班',
      updatedAt: '2024-04-01T00:00:00Z',
    });
    const ctx = {
      db: current().db,
      dialect: current().dialect,
      actor: systemActor(a.organizationId),
      now: () => new Date('2026-12-01T00:00:00Z'),
    };
    expect(await importNationalCalendar(ctx, parseNationalCalendar(announcement))).toEqual({
      years: [2024, 2027],
      days: 11,
    });
    const ofA = await loadWorkCalendar(current().db, a.organizationId);
    const ofB = await loadWorkCalendar(current().db, b.organizationId);
    expect(ofA.isWorkingDay('2027-10-04')).toBe(false);
    expect(ofB.isWorkingDay('2027-09-26')).toBe(true);
    // 2024 is replaced whole: 劳动节 is now 05-01..05-03 and the 2024 National Day is gone.
    expect([ofA.isWorkingDay('2024-05-03'), ofA.isWorkingDay('2024-10-01')]).toEqual([false, true]);
    expect(ofB.isWorkingDay('2024-05-02')).toBe(true);
    expect(ofA.isWorkingDay('2024-05-02')).toBe(false);
    // A year the file does not name keeps its national days.
    expect(ofA.isWorkingDay('2025-10-01')).toBe(false);
    const audit = await current()
      .db.selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'calendar.national.import')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
