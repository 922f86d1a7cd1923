import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../calendar/work-calendar.ts';
import { digestText, robotMarkdown } from './digest-text.ts';
import { type OpenFinding, type Person, planReminders, type ReminderWork } from './plan-reminders.ts';

// The 2024 days that matter here, as the State Council announced them.
const calendar = new WorkCalendar([
  ...['2024-06-08', '2024-06-09', '2024-06-10'].map((date) => ({
    date,
    kind: 'holiday' as const,
    name: '端午节',
  })),
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
  { userId: 1, unitId: 10, leaderId: null, supervisor: false },
  { userId: 2, unitId: null, leaderId: 7, supervisor: false },
  { userId: 3, unitId: null, leaderId: null, supervisor: true },
  { userId: 4, unitId: 11, leaderId: null, supervisor: false },
];

function work(dueOn: string): ReminderWork {
  return {
    planId: 1,
    open: [{ target: 'task', taskId: 100, itemId: 5, title: '制订课后服务实施方案', dueOn, unitIds: [10] }],
    items: new Map([[5, { no: 3, title: '提升课后服务水平', leaderIds: [7] }]]),
    unitNames: new Map([[10, '基础教育股']]),
  };
}

function told(dueOn: string, day: string) {
  return planReminders([work(dueOn)], people, calendar, rules, day).map((d) => ({
    userId: d.userId,
    line: `${d.entries[0]?.audience}/${d.entries[0]?.kind}/${d.entries[0]?.days}`,
  }));
}

describe('planReminders around the 2024 holidays', () => {
  it('reminds the owners 3 working days before a due date after 端午节, skips the holiday and nags daily while overdue', () => {
    // Due Tuesday 2024-06-11; 06-08..10 are 端午节.
    expect(told('2024-06-11', '2024-06-04')).toEqual([]);
    expect(told('2024-06-11', '2024-06-05')).toEqual([{ userId: 1, line: 'owner/due_soon/3' }]);
    expect(told('2024-06-11', '2024-06-06')).toEqual([{ userId: 1, line: 'owner/due_soon/2' }]);
    expect(told('2024-06-11', '2024-06-07')).toEqual([{ userId: 1, line: 'owner/due_soon/1' }]);
    for (const day of ['2024-06-08', '2024-06-09', '2024-06-10']) expect(told('2024-06-11', day)).toEqual([]);
    expect(told('2024-06-11', '2024-06-11')).toEqual([{ userId: 1, line: 'owner/due_today/0' }]);
    expect(told('2024-06-11', '2024-06-12')).toEqual([{ userId: 1, line: 'owner/overdue/1' }]);
  });

  it('tells the leader on the 3rd overdue working day and the supervisor on the 5th, counting only working days', () => {
    // Due Thursday 06-06: overdue 1 on 06-07, 2 on 06-11 (after 端午节), 3 on 06-12.
    expect(told('2024-06-06', '2024-06-11').map((t) => t.userId)).toEqual([1]);
    expect(told('2024-06-06', '2024-06-12')).toEqual([
      { userId: 1, line: 'owner/overdue/3' },
      { userId: 2, line: 'leader/overdue/3' },
    ]);
    expect(told('2024-06-06', '2024-06-13').map((t) => t.userId)).toEqual([1, 2]);
    expect(told('2024-06-06', '2024-06-14')).toEqual([
      { userId: 1, line: 'owner/overdue/5' },
      { userId: 2, line: 'leader/overdue/5' },
      { userId: 3, line: 'supervisor/overdue/5' },
    ]);
  });

  it('sends nothing during the National Day week and does send on the worked Sunday 09-29', () => {
    // Due Tuesday 10-08, the first working day after the holiday.
    expect(told('2024-10-08', '2024-09-27')).toEqual([{ userId: 1, line: 'owner/due_soon/3' }]);
    expect(told('2024-10-08', '2024-09-28')).toEqual([]);
    expect(told('2024-10-08', '2024-09-29')).toEqual([{ userId: 1, line: 'owner/due_soon/2' }]);
    expect(told('2024-10-08', '2024-09-30')).toEqual([{ userId: 1, line: 'owner/due_soon/1' }]);
    for (let d = 1; d <= 7; d++) expect(told('2024-10-08', `2024-10-0${d}`)).toEqual([]);
    expect(told('2024-10-08', '2024-10-08')).toEqual([{ userId: 1, line: 'owner/due_today/0' }]);
    // Due Friday 09-27: the leader hears of it on 10-08 (09-29, 09-30, 10-08), not during the holiday.
    expect(told('2024-09-27', '2024-09-30').map((t) => t.userId)).toEqual([1]);
    expect(told('2024-09-27', '2024-10-08')).toEqual([
      { userId: 1, line: 'owner/overdue/3' },
      { userId: 2, line: 'leader/overdue/3' },
    ]);
  });

  it('treats a due date on a day off as due on the last working day before it', () => {
    // A report due Saturday 2024-05-25: Friday is the last chance.
    expect(told('2024-05-25', '2024-05-24')).toEqual([{ userId: 1, line: 'owner/due_today/0' }]);
    expect(told('2024-05-25', '2024-05-27')).toEqual([{ userId: 1, line: 'owner/overdue/1' }]);
  });

  it('gives each person one digest with every piece of their work, worst first, in Chinese', () => {
    const two = work('2024-06-11');
    two.open.push({
      target: 'report',
      taskId: 100,
      itemId: 5,
      title: '制订课后服务实施方案',
      dueOn: '2024-05-27',
      unitIds: [10],
      period: '2024-05',
      periodLabel: '5月',
    });
    const digests = planReminders([two], people, calendar, rules, '2024-06-05');
    // The report is 7 working days late: the leader and the supervisor hear of it too.
    expect(digests.map((d) => [d.userId, d.entries.length])).toEqual([
      [1, 2],
      [2, 1],
      [3, 1],
    ]);
    expect(digestText(digests[1] as (typeof digests)[number], '2024-06-05')).toMatchObject({
      link: '/plans/1',
      body: expect.stringContaining(
        '【请督促（分管要点）】\n· 第3项 5月进展填报：制订课后服务实施方案（基础教育股，已逾期7个工作日，2024-05-27）',
      ),
    });
    const text = digestText(digests[0] as (typeof digests)[number], '2024-06-05');
    expect(text.title).toBe('督办提醒（2024年6月5日）：2项工作需关注');
    expect(text.body).toContain(
      '【已逾期】\n· 第3项 5月进展填报：制订课后服务实施方案（已逾期7个工作日，2024-05-27）',
    );
    expect(text.body).toContain(
      '【即将到期】\n· 第3项 制订课后服务实施方案（还有3个工作日到期，2024-06-11）',
    );
    expect(text.link).toBe('/workbench');
    const robot = robotMarkdown(digests, '2024-06-05');
    expect(robot?.text).toContain('已逾期 1 项，今日到期 0 项，即将到期 1 项');
    expect(robot?.text).toContain('基础教育股');
  });
});

function finding(dueOn: string, patch: Partial<OpenFinding> = {}): OpenFinding {
  return {
    findingId: 42,
    title: '消防通道堆放杂物',
    source: '校园安全月检',
    dueOn,
    status: 'open',
    unitId: 10,
    unitName: '基础教育股',
    planId: null,
    item: null,
    ...patch,
  };
}

function toldOfFinding(f: OpenFinding, day: string) {
  return planReminders([], people, calendar, rules, day, [f]).map((d) => ({
    userId: d.userId,
    line: `${d.entries[0]?.audience}/${d.entries[0]?.kind}/${d.entries[0]?.days}${d.entries[0]?.action ? `/${d.entries[0].action}` : ''}`,
  }));
}

describe('planReminders of findings to rectify (问题整改)', () => {
  it('reminds the owning unit before, on and after the deadline by the same working-day rule', () => {
    // Due Tuesday 2024-06-11; 06-08..10 are 端午节.
    const due = finding('2024-06-11');
    expect(toldOfFinding(due, '2024-06-04')).toEqual([]);
    expect(toldOfFinding(due, '2024-06-05')).toEqual([{ userId: 1, line: 'owner/due_soon/3' }]);
    expect(toldOfFinding(due, '2024-06-06')).toEqual([{ userId: 1, line: 'owner/due_soon/2' }]);
    expect(toldOfFinding(due, '2024-06-07')).toEqual([{ userId: 1, line: 'owner/due_soon/1' }]);
    for (const day of ['2024-06-08', '2024-06-09', '2024-06-10']) expect(toldOfFinding(due, day)).toEqual([]);
    expect(toldOfFinding(due, '2024-06-11')).toEqual([{ userId: 1, line: 'owner/due_today/0' }]);
    expect(toldOfFinding(due, '2024-06-12')).toEqual([{ userId: 1, line: 'owner/overdue/1' }]);
    expect(toldOfFinding(due, '2024-06-13')).toEqual([{ userId: 1, line: 'owner/overdue/2' }]);
  });

  it('reaches the supervisors at the supervisor threshold; leaders only when linked to an item naming them', () => {
    // Due Thursday 06-06: overdue 3 on 06-12, 5 on 06-14.
    const unlinked = finding('2024-06-06');
    expect(toldOfFinding(unlinked, '2024-06-12')).toEqual([{ userId: 1, line: 'owner/overdue/3' }]);
    expect(toldOfFinding(unlinked, '2024-06-14')).toEqual([
      { userId: 1, line: 'owner/overdue/5' },
      { userId: 3, line: 'supervisor/overdue/5' },
    ]);
    const linked = finding('2024-06-06', {
      planId: 1,
      item: { id: 5, no: 3, title: '提升课后服务水平', leaderIds: [7] },
    });
    expect(toldOfFinding(linked, '2024-06-12')).toEqual([
      { userId: 1, line: 'owner/overdue/3' },
      { userId: 2, line: 'leader/overdue/3' },
    ]);
    expect(toldOfFinding(linked, '2024-06-14').map((t) => t.userId)).toEqual([1, 2, 3]);
  });

  it('sends escalated findings to the supervisors to assign, not to the school; rectified ones remind them to verify', () => {
    const escalated = finding('2024-06-28', { status: 'escalated', unitId: 11, unitName: '城关小学' });
    expect(toldOfFinding(escalated, '2024-06-05')).toEqual([
      { userId: 3, line: 'supervisor/waiting/16/assign' },
    ]);
    expect(toldOfFinding(escalated, '2024-06-08')).toEqual([]);
    expect(toldOfFinding({ ...escalated, dueOn: '2024-06-04' }, '2024-06-05')).toEqual([
      { userId: 3, line: 'supervisor/overdue/1/assign' },
    ]);
    const rectified = finding('2024-06-04', { status: 'rectified' });
    expect(toldOfFinding(rectified, '2024-06-12')).toEqual([
      { userId: 3, line: 'supervisor/waiting/0/verify' },
    ]);
  });

  it('writes a finding as its own line with its address, and verification pending as one line', () => {
    const findings = [
      finding('2024-06-11'),
      finding('2024-06-04', { findingId: 43, title: '食堂留样记录不全', status: 'rectified' }),
      finding('2024-06-04', { findingId: 44, title: '宿舍消防器材过期', status: 'rectified' }),
      finding('2024-05-27', {
        findingId: 45,
        title: '校门口护栏损坏',
        status: 'escalated',
        unitId: 11,
        unitName: '城关小学',
      }),
    ];
    const digests = planReminders([work('2024-06-11')], people, calendar, rules, '2024-06-05', findings);
    const clerk = digestText(digests.find((d) => d.userId === 1) as (typeof digests)[number], '2024-06-05');
    expect(clerk.body).toContain(
      '【即将到期】\n· 第3项 制订课后服务实施方案（还有3个工作日到期，2024-06-11）\n· 整改问题（校园安全月检）：消防通道堆放杂物（还有3个工作日到期，2024-06-11） /findings?finding=42',
    );
    expect(clerk.link).toBe('/workbench');
    const supervisor = digestText(
      digests.find((d) => d.userId === 3) as (typeof digests)[number],
      '2024-06-05',
    );
    expect(supervisor.body).toContain(
      '【待指派（学校上报教体局的问题）】\n· 整改问题（校园安全月检）：校门口护栏损坏（城关小学，已逾期7个工作日，2024-05-27） /findings?finding=45',
    );
    expect(supervisor.body).toContain(
      '【待验收】\n· 2个整改问题已回复整改，请及时验收：食堂留样记录不全、宿舍消防器材过期 /findings',
    );
    expect(supervisor.body).not.toContain('【请督办（逾期较久）】');
    expect(supervisor.link).toBe('/findings');
    const onlyFinding = planReminders([], people, calendar, rules, '2024-06-05', [finding('2024-06-11')]);
    expect(digestText(onlyFinding[0] as (typeof onlyFinding)[number], '2024-06-05').link).toBe(
      '/findings?finding=42',
    );
    const robot = robotMarkdown(digests, '2024-06-05');
    expect(robot?.text).toContain('已逾期 1 项，今日到期 0 项，即将到期 2 项');
    expect(robot?.text).toContain('校门口护栏损坏');
  });
});
