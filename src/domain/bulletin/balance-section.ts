import {
  BALANCE_INDICATORS,
  type BalanceIndicatorKey,
  FLOOR_SHARE,
  MIN_INDICATORS_MET,
} from '../../shared/balance.ts';
import type { BulletinSection } from '../../shared/bulletins.ts';
import type { BulletinBalance } from './facts.ts';

// The bulletin's 义务教育优质均衡监测 section (issue 16): the latest locked seven-indicator round in
// words, from the monitor's result on the same accepted rows. Pure; the supervisor edits the text.

/** Failing schools named in the text; the rest are counted (等N个). */
export const NAMED_FAILING_SCHOOLS = 10;

const indicatorOf = (key: BalanceIndicatorKey) => BALANCE_INDICATORS.find((i) => i.key === key);
/** A figure as the monitor writes it: at most two decimals, no trailing zeros (2000, 4.25, 0.9). */
const figure = (value: number) => String(Number(value.toFixed(2)));
/** A CV as the monitor writes it: three decimals. */
const cvText = (cv: number | null) => (cv === null ? '—' : cv.toFixed(3));

function dayLabel(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日`;
}

function text(b: BulletinBalance): string {
  const { result } = b;
  const lines = [
    `${b.roundName}义务教育优质均衡资源配置数据已于${dayLabel(b.lockedOn)}锁定，` +
      `经审核纳入计算的学校数据${b.rows}条（九年一贯制学校小学、初中分别计算）。` +
      `按《县域义务教育优质均衡发展督导评估办法》，各项指标校际差异系数小学应不高于0.50、初中应不高于0.45；` +
      `每所学校至少${MIN_INDICATORS_MET}项指标达到规定标准，其余指标不低于标准的${Math.round(FLOOR_SHARE * 100)}%。监测结果如下：`,
  ];
  const items = result.stages.map((s) => {
    const within = s.indicators.filter((i) => i.pass).length;
    const threshold = (s.indicators[0]?.threshold ?? 0).toFixed(2);
    return `${s.stage}${s.schools}所学校，七项指标中${within}项差异系数在${threshold}以内，${s.pass ? '均达到要求' : '未全部达到要求'}。`;
  });
  items.push(
    result.blockers.length > 0
      ? `未达到要求的差异系数：${result.blockers.map((x) => x.text).join('；')}。`
      : '各学段七项指标差异系数均达到要求。',
  );
  const failing = result.schools.filter((s) => !s.pass);
  if (failing.length === 0) items.push('各学校资源配置均达到要求。');
  else {
    const named = failing.slice(0, NAMED_FAILING_SCHOOLS).map(
      (s) =>
        `${s.name}（${s.stage}，${s.met}项达标）：` +
        s.misses
          .map((m) => {
            const indicator = indicatorOf(m.key);
            return `${indicator?.short ?? m.key}${figure(m.value)}${indicator?.unit ?? ''}（标准${figure(m.minimum)}，${Math.round(m.share * 100)}%）`;
          })
          .join('、'),
    );
    const more = failing.length > NAMED_FAILING_SCHOOLS ? `等${failing.length}个` : '';
    items.push(`${failing.length}个学校（学段）资源配置未达到要求：${named.join('；')}${more}。`);
  }
  if (result.excluded.length > 0)
    items.push(
      `未纳入计算：${result.excluded.map((e) => `${e.name}（${e.stage}，${e.reason}）`).join('、')}。`,
    );
  return `${lines.join('')}\n${items.map((line, index) => `${index + 1}. ${line}`).join('\n')}`;
}

/** The section (without its heading) of a month whose organization has a locked round; the table is each stage's CVs. */
export function balanceSection(b: BulletinBalance): Omit<BulletinSection, 'heading'> & { title: string } {
  const rows = b.result.stages.flatMap((s) =>
    s.indicators.map((i) => [
      s.stage,
      i.name,
      `${figure(i.mean)}${indicatorOf(i.key)?.unit ?? ''}`,
      cvText(i.cv),
      `≤${i.threshold.toFixed(2)}`,
      i.pass ? '达标' : '未达标',
    ]),
  );
  return {
    key: 'balance',
    title: '义务教育优质均衡监测',
    text: text(b),
    parts: [],
    table:
      rows.length > 0
        ? {
            columns: ['学段', '指标', '校际均值', '差异系数', '标准', '结论'],
            widths: [10, 36, 16, 14, 12, 12],
            rows,
          }
        : null,
    after: b.result.pass
      ? ''
      : '请相关股室和学校对照未达到要求的指标和学校，研究改进措施，在下一轮填报前落实。',
  };
}
