import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../calendar/work-calendar.ts';
import { digestText, robotMarkdown } from './digest-text.ts';
import { type Person, planReminders, type ReminderWork } from './plan-reminders.ts';
import { mergeDigests, type OpenRoundDue, roundReminders } from './round-reminders.ts';

// Reminders of collection rounds (数据填报), day by day around 国庆节 2024 (10-01..07 off, Saturday
// 10-12 worked), by the task reminders' rules: 3 working days before, daily when overdue, the
// supervisors from the 5th overdue working day.

const calendar = new WorkCalendar([
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
    date: `2024-10-${d}`,
    kind: 'holiday' as const,
    name: '国庆节',
  })),
  { date: '2024-09-29', kind: 'workday' as const, name: '国庆节' },
  { date: '2024-10-12', kind: 'workday' as const, name: '国庆节' },
]);
const rules = { daysBeforeDue: 3, leaderAfterDays: 3, supervisorAfterDays: 5 };
const people: Person[] = [
  { userId: 1, unitId: 21, leaderId: null, supervisor: false },
  { userId: 2, unitId: 22, leaderId: null, supervisor: false },
  { userId: 3, unitId: null, leaderId: null, supervisor: true },
  { userId: 4, unitId: null, leaderId: 7, supervisor: false },
];
const SCHOOLS = ['河夹小学', '关防小学', '店子小学', '上津小学', '香口小学', '城关小学', '涧池学校'];

function round(dueOn: string, schools = 2): OpenRoundDue {
  return {
    roundId: 9,
    name: '2024年秋季学期',
    dueOn,
    schools: SCHOOLS.slice(0, schools).map((unitName, i) => ({
      unitId: 21 + i,
      unitName,
      state: i === 1 ? ('returned' as const) : ('none' as const),
    })),
  };
}

function told(dueOn: string, day: string) {
  return roundReminders([round(dueOn)], people, calendar, rules, day).map((d) => ({
    userId: d.userId,
    entries: d.entries.map((e) => `${e.audience}/${e.kind}/${e.days}/${e.unitIds.join(',')}`),
  }));
}

describe('roundReminders', () => {
  it('reminds each school that has not submitted 3 working days before the due date, skipping 国庆节', () => {
    // Due Wednesday 10-09: 3 working days before is the worked Sunday 09-29.
    expect(told('2024-10-09', '2024-09-27')).toEqual([]);
    expect(told('2024-10-09', '2024-09-29')).toEqual([
      { userId: 1, entries: ['owner/due_soon/3/21'] },
      { userId: 2, entries: ['owner/due_soon/3/22'] },
    ]);
    expect(told('2024-10-09', '2024-10-03')).toEqual([]);
    expect(told('2024-10-09', '2024-10-08').map((t) => t.entries)).toEqual([
      ['owner/due_soon/1/21'],
      ['owner/due_soon/1/22'],
    ]);
    expect(told('2024-10-09', '2024-10-09').map((t) => t.entries)).toEqual([
      ['owner/due_today/0/21'],
      ['owner/due_today/0/22'],
    ]);
  });

  it('nags daily while overdue and tells the supervisors on the 5th overdue working day, never the leaders', () => {
    // Overdue 1 on 10-10, 2 on 10-11, 3 on Saturday 10-12 (worked), 4 on 10-14, 5 on 10-15.
    expect(told('2024-10-09', '2024-10-12').map((t) => t.entries)).toEqual([
      ['owner/overdue/3/21'],
      ['owner/overdue/3/22'],
    ]);
    expect(told('2024-10-09', '2024-10-13')).toEqual([]);
    expect(told('2024-10-09', '2024-10-14').map((t) => t.userId)).toEqual([1, 2]);
    expect(told('2024-10-09', '2024-10-15')).toEqual([
      { userId: 1, entries: ['owner/overdue/5/21'] },
      { userId: 2, entries: ['owner/overdue/5/22'] },
      { userId: 3, entries: ['supervisor/overdue/5/21,22'] },
    ]);
  });

  it('says where the rows stand and links the round; a supervisor line names five schools and counts the rest', () => {
    const [school, returned] = roundReminders([round('2024-10-09')], people, calendar, rules, '2024-10-08');
    const text = digestText(school ?? { userId: 0, entries: [] }, '2024-10-08');
    expect(text.body).toContain(
      '· 数据填报：2024年秋季学期（尚未填报，还有1个工作日到期，2024-10-09） /balance/rounds/9',
    );
    expect(text.link).toBe('/balance/rounds/9');
    expect(digestText(returned ?? { userId: 0, entries: [] }, '2024-10-08').body).toContain(
      '（被退回待修改，还有1个工作日到期，2024-10-09）',
    );
    const late = roundReminders([round('2024-10-09', 7)], people, calendar, rules, '2024-10-15');
    const supervisor = late.find((d) => d.userId === 3);
    expect(digestText(supervisor ?? { userId: 0, entries: [] }, '2024-10-15').body).toContain(
      '【请督办（逾期较久）】\n· 数据填报：2024年秋季学期（河夹小学、关防小学、店子小学、上津小学、香口小学等7所学校未提交，已逾期5个工作日，2024-10-09） /balance/rounds/9',
    );
    // The robot counts each school once, though the supervisors were told of them too.
    expect(robotMarkdown(late, '2024-10-15')?.text).toContain('已逾期 7 项，今日到期 0 项，即将到期 0 项');
  });

  it('tells nobody of a round every school has submitted, and nothing on a day off', () => {
    expect(
      roundReminders([{ ...round('2024-10-09'), schools: [] }], people, calendar, rules, '2024-10-15'),
    ).toEqual([]);
    expect(roundReminders([round('2024-10-09')], people, calendar, rules, '2024-10-13')).toEqual([]);
  });

  it("joins a school's round into the same daily digest as its tasks, tasks first, and then opens the workbench", () => {
    const work: ReminderWork = {
      planId: 1,
      open: [
        { target: 'task', taskId: 100, itemId: 5, title: '落实课后服务', dueOn: '2024-10-09', unitIds: [21] },
      ],
      items: new Map([[5, { no: 3, title: '提升课后服务水平', leaderIds: [7] }]]),
      unitNames: new Map([[21, '河夹小学']]),
    };
    const merged = mergeDigests(
      planReminders([work], people, calendar, rules, '2024-10-09'),
      roundReminders([round('2024-10-09')], people, calendar, rules, '2024-10-09'),
    );
    expect(merged.map((d) => [d.userId, d.entries.map((e) => e.target)])).toEqual([
      [1, ['task', 'round']],
      [2, ['round']],
    ]);
    const [school] = merged;
    expect(digestText(school ?? { userId: 0, entries: [] }, '2024-10-09').link).toBe('/workbench');
  });
});
