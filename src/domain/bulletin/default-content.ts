import { type BulletinContent, type BulletinSection, monthLabel } from '../../shared/bulletins.ts';
import type { Light, LightCounts } from '../lights/index.ts';
import { balanceSection } from './balance-section.ts';
import type { BulletinFacts } from './facts.ts';

// The default words of a month's bulletin, written from its facts; the supervisor edits them in
// the draft before issuing. Pure: the same facts always give the same text.

const LIGHT_NAMES: Record<Light, string> = {
  done: '已办结',
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
  grey: '未开始',
};
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 2024-06-30 → 6月30日. */
function dayLabel(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日`;
}

/** 2024-06-30 → 2024年6月30日. */
function fullDay(date: string): string {
  return `${date.slice(0, 4)}年${dayLabel(date)}`;
}

/** A share as a whole percent; '—' while nothing is owed yet (no share to give). */
const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

/** A Chinese ordinal for the n-th heading (1 → 一, 11 → 十一). */
export function chineseOrdinal(n: number): string {
  if (n <= 10) return ORDINALS[n - 1] ?? String(n);
  if (n < 20) return `十${ORDINALS[n - 11] ?? ''}`;
  return String(n);
}

function countsText(counts: LightCounts, unit: string): string {
  const parts = (['done', 'green', 'yellow', 'red', 'grey'] as const)
    .filter((light) => counts[light] > 0)
    .map((light) => `${LIGHT_NAMES[light]}${counts[light]}${unit}`);
  return parts.length > 0 ? parts.join('，') : `暂无${unit === '项' ? '要点' : '任务'}`;
}

const numbered = (lines: string[]) => lines.map((line, index) => `${index + 1}. ${line}`).join('\n');
const quoted = (itemNo: number, title: string) => `第${itemNo}项要点“${title}”`;

function overall(f: BulletinFacts): string {
  const lines = [
    `截至${fullDay(f.asOf)}，《${f.planTitle}》${f.itemTotal}项要点共分解为${f.taskTotal}项任务` +
      `${f.schoolTaskTotal > 0 ? `（另向学校下发${f.schoolTaskTotal}项）` : ''}，` +
      `${f.plan.progress === null ? '尚无到期应完成的事项' : `总体进度${percent(f.plan.progress)}（已验收完成的事项占截至目前应完成事项的比例）`}。` +
      `从要点亮灯情况看：${countsText(f.itemCounts, '项')}。`,
  ];
  if (f.monthReports) {
    const { onTime, late, missing } = f.monthReports;
    lines.push(
      `本月应报送工作进展${onTime + late + missing}份，按时报送${onTime}份，逾期报送${late}份，未报送${missing}份。`,
    );
  }
  return lines.join('\n');
}

function sections(f: BulletinFacts): BulletinSection['parts'] {
  return f.sections.map((s, index) => ({
    heading: `（${chineseOrdinal(index + 1)}）${s.title}`,
    text: `本部分共${Object.values(s.counts).reduce((a, b) => a + b, 0)}项要点，${s.progress === null ? '尚无到期应完成的事项' : `完成进度${percent(s.progress)}`}，总体为${LIGHT_NAMES[s.light]}：${countsText(s.counts, '项')}。`,
  }));
}

function completed(f: BulletinFacts): string {
  const lines = [
    ...f.completedItems.map(
      (i) => `${quoted(i.no, i.title)}各项任务均已办结（${dayLabel(i.completedOn)}）。`,
    ),
    ...f.completedTasks
      .filter((t) => !f.completedItems.some((i) => i.no === t.itemNo))
      .map(
        (t) =>
          `${quoted(t.itemNo, t.itemTitle)}中“${t.title}”${t.unit ? `（${t.unit}）` : ''}于${dayLabel(t.completedOn)}办结。`,
      ),
  ];
  return lines.length > 0
    ? `本月共有${f.completedItems.length}项要点、${f.completedTasks.length}项任务办结：\n${numbered(lines)}`
    : '本月无新办结的要点和任务。';
}

function lagging(f: BulletinFacts): string {
  const red = f.lagging.filter((i) => i.light === 'red').length;
  const yellow = f.lagging.length - red;
  if (f.lagging.length === 0) return `截至${fullDay(f.asOf)}，无红灯、黄灯要点。`;
  const lines = f.lagging.map(
    (i) =>
      `${quoted(i.no, i.title)}（${LIGHT_NAMES[i.light]}）：${i.reason}。` +
      (i.leaders.length > 0 ? `责任领导：${i.leaders.join('、')}；` : '') +
      `责任单位：${i.units.length > 0 ? i.units.join('、') : '未指定'}${i.schools > 0 ? `及${i.schools}所学校` : ''}。`,
  );
  const intro = `截至${fullDay(f.asOf)}，红灯要点${red}项、黄灯要点${yellow}项，具体如下：`;
  const table =
    f.overdue.length > 0
      ? `\n红灯任务中逾期事项${f.overdue.length}项，涉及${f.overdueTasks}项任务，详见下表。`
      : '';
  return `${intro}\n${numbered(lines)}${table}`;
}

function ranking(f: BulletinFacts): string {
  // The rule of shared-ranks.ts in words: the names of tied units never decide their places.
  const head =
    '按本年度进展报告按时报送率从高到低对各股室排名，按时报送率相同者按任务平均进度排列；两项均相同者名次并列，按单位名称排列。情况如下表。';
  if (f.schools.count === 0) return head;
  const rate = f.schools.due > 0 ? `，按时报送率${percent(f.schools.onTime / f.schools.due)}` : '';
  return `${head}\n全县${f.schools.count}所学校应报送进展${f.schools.due}份，按时报送${f.schools.onTime}份${rate}。`;
}

function dueNext(f: BulletinFacts): string {
  const next = monthLabel(f.nextMonth);
  const lines = f.dueNext.map(
    (d) =>
      `第${d.itemNo}项要点中“${d.title}”${d.unit ? `（${d.unit}）` : ''}：${d.what ? `“${d.what}”` : ''}应于${dayLabel(d.dueOn)}前完成。`,
  );
  const list =
    lines.length > 0 ? `${next}到期事项${lines.length}项：\n${numbered(lines)}` : `${next}无到期的任务。`;
  const reports =
    f.reportDueNext.length > 0
      ? `\n各单位请于${f.reportDueNext.map(dayLabel).join('、')}前报送工作进展。`
      : '';
  return list + reports;
}

const table = (columns: string[], widths: number[], rows: string[][]) =>
  rows.length > 0 ? { columns, widths, rows } : null;

/** The default content of a month's bulletin from its facts. */
export function defaultBulletinContent(f: BulletinFacts, signedOn: string): BulletinContent {
  const [year, month] = f.month.split('-').map(Number);
  const list: Array<Omit<BulletinSection, 'heading'> & { title: string }> = [
    { key: 'overall', title: '总体进展', text: overall(f), parts: [], table: null, after: '' },
    { key: 'sections', title: '各部分推进情况', text: '', parts: sections(f), table: null, after: '' },
    { key: 'completed', title: '本月完成事项', text: completed(f), parts: [], table: null, after: '' },
    {
      key: 'lagging',
      title: '滞后事项',
      text: lagging(f),
      parts: [],
      // Each row is one overdue thing; its days are counted from the date in the same row.
      table: table(
        ['序号', '要点', '任务', '逾期事项', '责任单位', '应完成日期', '逾期天数'],
        [7, 10, 25, 18, 15, 13, 12],
        f.overdue.map((o, index) => [
          String(index + 1),
          `第${o.itemNo}项`,
          o.title,
          o.what,
          o.owners.join('、'),
          dayLabel(o.dueOn),
          String(o.daysOverdue),
        ]),
      ),
      after:
        f.lagging.length > 0
          ? '请上述责任单位对照滞后原因，于下月填报前补齐进度，并将整改情况报督办人员。'
          : '',
    },
    {
      key: 'ranking',
      title: '各股室进展排名',
      text: ranking(f),
      parts: [],
      table: table(
        ['名次', '单位', '任务数', '应报', '按时', '逾期', '未报', '按时率', '平均进度'],
        [7, 19, 10, 9, 9, 9, 9, 13, 15],
        f.ranking.map((r) => [
          String(r.rank),
          r.name,
          String(r.tasks),
          String(r.reportsDue),
          String(r.reportsOnTime),
          String(r.reportsLate),
          String(r.reportsMissing),
          r.onTimeRate === null ? '—' : percent(r.onTimeRate),
          percent(r.progress),
        ]),
      ),
      after: '',
    },
    // 义务教育优质均衡监测 (issue 16): only once a seven-indicator round was locked by the month's end.
    ...(f.balance ? [balanceSection(f.balance)] : []),
    { key: 'next', title: '下月到期事项', text: dueNext(f), parts: [], table: null, after: '' },
  ];
  return {
    title: `${monthLabel(f.month)}工作要点落实情况通报`,
    subtitle: `（${year}年第${month}期）`,
    intro: `现将${monthLabel(f.month)}《${f.planTitle}》落实情况通报如下。`,
    sections: list.map(({ title, ...section }, index) => ({
      ...section,
      heading: `${chineseOrdinal(index + 1)}、${title}`,
    })),
    closing: '请各股室、各学校对照本通报，认真查摆问题，加快工作进度，确保全年目标任务按期完成。',
    issuer: f.organizationName,
    signedOn,
  };
}
