import { BALANCE_INDICATORS, type BalanceResult, type SheetError } from '../shared/balance.ts';

// What `duban balance compute` prints: the JSON scripts read, or a Chinese table for people.

/** Errors of a sheet shown at once; the rest are counted. */
const SHOWN_ERRORS = 20;

const round = (value: number, digits: number) => {
  const scale = 10 ** digits;
  return Math.round(Number((value * scale).toPrecision(12))) / scale;
};

/** The JSON of `duban balance compute --json`: means to 2 decimals, CVs to 4. */
export function balanceJson(result: BalanceResult): string {
  const json = {
    stages: result.stages.map((s) => ({
      stage: s.stage,
      schools: s.schools,
      indicators: s.indicators.map((i) => ({
        key: i.key,
        name: i.name,
        mean: round(i.mean, 2),
        cv: i.cv === null ? null : round(i.cv, 4),
        threshold: i.threshold,
        pass: i.pass,
      })),
    })),
    schools: result.schools.map((s) => ({
      name: s.name,
      stage: s.stage,
      met: s.met,
      pass: s.pass,
      below: s.below,
    })),
    excluded: result.excluded,
    blockers: result.blockers.map((b) => ({
      stage: b.stage,
      key: b.key,
      cv: b.cv,
      threshold: b.threshold,
      over: b.over,
      text: b.text,
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

// Terminal columns: a CJK character takes two.
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}
const padEnd = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - width(text)));
const padStart = (text: string, to: number) => ' '.repeat(Math.max(0, to - width(text))) + text;

/** The readable report: per stage each indicator's weighted mean and CV, then failing schools and blockers. */
export function formatBalance(result: BalanceResult): string {
  const lines: string[] = [];
  for (const stage of result.stages) {
    lines.push(
      `${stage.stage}（${stage.schools} 所学校，${stage.pupils} 名学生）：${stage.pass ? '达标' : '未达标'}`,
    );
    const names = stage.indicators.map((i) => {
      const indicator = BALANCE_INDICATORS.find((x) => x.key === i.key)!;
      return `${indicator.short}（${indicator.unit}）`;
    });
    const nameWidth = Math.max(...names.map(width), 4);
    lines.push(
      `  ${padEnd('指标', nameWidth)}  ${padStart('加权平均', 10)}  ${padStart('差异系数', 8)}  ${padStart('标准', 6)}  结论`,
    );
    stage.indicators.forEach((i, n) => {
      lines.push(
        `  ${padEnd(names[n]!, nameWidth)}  ${padStart(round(i.mean, 2).toFixed(2), 10)}  ${padStart(
          i.cv === null ? '无法计算' : round(i.cv, 4).toFixed(4),
          8,
        )}  ${padStart(`≤${i.threshold.toFixed(2)}`, 6)}  ${i.pass ? '达标' : '未达标'}`,
      );
    });
    lines.push('');
  }
  const failing = result.schools.filter((s) => !s.pass);
  lines.push(
    failing.length === 0 ? '所有学校均达标（7项中至少6项达到最低标准，其余不低于85%）。' : '未达标的学校：',
  );
  for (const s of failing) {
    const misses = s.misses.map((m) => {
      const indicator = BALANCE_INDICATORS.find((i) => i.key === m.key)!;
      return `${indicator.short} ${round(m.value, 2).toFixed(2)}${indicator.unit}（标准 ${m.minimum}，达 ${Math.floor(round(m.share * 100, 6))}%）`;
    });
    lines.push(`  ${s.name}（${s.stage}）：达到 ${s.met} 项；${misses.join('；')}`);
  }
  if (result.blockers.length > 0) {
    lines.push('', '影响优质均衡的差异系数：');
    for (const b of result.blockers) lines.push(`  ${b.text}`);
  }
  if (result.excluded.length > 0) {
    lines.push('', '未纳入计算：');
    for (const e of result.excluded) lines.push(`  ${e.name}（${e.stage}，${e.pupils} 人）：${e.reason}`);
  }
  lines.push('', result.pass ? '结论：资源配置达到优质均衡要求。' : '结论：资源配置未达到优质均衡要求。');
  return `${lines.join('\n')}\n`;
}

/** A bad sheet in one line: the first errors with their row and column, then how many more. */
export function formatSheetErrors(file: string, errors: readonly SheetError[]): string {
  const shown = errors
    .slice(0, SHOWN_ERRORS)
    .map((e) => (e.row === 0 ? e.message : `第 ${e.row} 行“${e.column}”列：${e.message}`));
  const rest = errors.length - shown.length;
  const more = rest > 0 ? `；另有${rest}处错误${errors.length >= 200 ? '（最多列出 200 处）' : ''}` : '';
  return `“${file}”有误，未计算：${shown.join('；')}${more}`;
}
