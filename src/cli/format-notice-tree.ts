import { chineseCount } from '../notice/read-numerals.ts';
import type {
  IndicatorKind,
  IndicatorPeriod,
  ParsedIndicator,
  ParsedItem,
  ParsedNotice,
} from '../notice/types.ts';
import { describeNoticeSource } from '../shared/notice-formats.ts';

const KIND_LABELS: Record<IndicatorKind, string> = {
  recurring: '周期性',
  count: '次数',
  deliverable: '成果文件',
  event: '活动',
  project: '项目',
  percent: '比例',
  deadline: '时限',
};

const PERIOD_LABELS: Record<IndicatorPeriod, string> = {
  week: '每周',
  month: '每月',
  quarter: '每季度',
  term: '每学期',
  year: '全年',
};

/** Renders a parsed notice as an indented outline for reading in a terminal. */
export function formatNoticeTree(notice: ParsedNotice): string {
  const out: string[] = [];
  const orUnknown = (value: string | number | null) =>
    value === null || value === '' ? '（未识别）' : String(value);
  out.push(`发文单位：${orUnknown(notice.issuer)}`);
  out.push(`文　　号：${orUnknown(notice.docNumber)}`);
  out.push(`通知标题：${orUnknown(notice.noticeTitle)}`);
  out.push(`要点标题：${orUnknown(notice.title)}`);
  out.push(`年　　度：${orUnknown(notice.year)}　发文日期：${orUnknown(notice.issuedOn)}`);
  out.push(`主送单位：${notice.addressees.length > 0 ? notice.addressees.join('、') : '（未识别）'}`);
  if (notice.source) out.push(`来源文件：${describeNoticeSource(notice.source)}`);
  const items = notice.sections.flatMap((s) => s.items);
  const indicators = items.reduce((n, item) => n + item.indicators.length, 0);
  out.push(`共 ${notice.sections.length} 个部分、${items.length} 条要点、${indicators} 个指标`);

  if (notice.sections.length === 0) out.push('', '（未识别到任何部分）');
  for (const section of notice.sections) {
    out.push('', `${chineseCount(section.no)}、${section.title}`);
    if (section.items.length === 0) out.push('  （本部分没有要点）');
    for (const item of section.items) for (const line of formatItem(item)) out.push(line);
  }

  if (notice.warnings.length > 0) {
    out.push('', `提示（${notice.warnings.length} 条）：`);
    for (const w of notice.warnings) out.push(`  ! ${w.message}（${w.code}，第 ${w.at} 个字符处）`);
  }
  return `${out.join('\n')}\n`;
}

function formatItem(item: ParsedItem): string[] {
  const lead = new Set(item.leadDepartments);
  const departments = item.departments.map((d) => (lead.has(d) ? `${d}（牵头）` : d));
  const lines = [
    `  ${item.no}. ${item.title}`,
    `     责任领导：${item.leaders.length > 0 ? item.leaders.join('、') : '（未识别）'}`,
    `     责任股室：${departments.length > 0 ? departments.join('、') : '（未识别）'}`,
  ];
  if (item.indicators.length > 0) lines.push('     指标：');
  for (const indicator of item.indicators) {
    const detail = indicatorDetail(indicator);
    lines.push(`       - ${KIND_LABELS[indicator.kind]}${detail ? `（${detail}）` : ''}：${indicator.text}`);
  }
  return lines;
}

function indicatorDetail(indicator: ParsedIndicator): string {
  const parts: string[] = [];
  if (indicator.per) parts.push(PERIOD_LABELS[indicator.per]);
  // The unit varies (次, 个, 所), so counts are shown bare.
  if (indicator.min !== undefined && indicator.max !== undefined && indicator.max !== indicator.min) {
    parts.push(`${indicator.min}–${indicator.max}`);
  } else if (indicator.min !== undefined) parts.push(`不少于 ${indicator.min}`);
  if (indicator.name && !indicator.text.includes(indicator.name)) parts.push(`《${indicator.name}》`);
  if (indicator.value !== undefined) parts.push(`${indicator.value}%`);
  if (indicator.due) parts.push(`${indicator.due} 前`);
  return parts.join('，');
}
