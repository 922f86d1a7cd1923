import type { Evaluation, UnitEvaluation } from '../shared/evaluations.ts';
import { type OfficialBlock, officialDate, writeOfficialDocument } from './official-document.ts';

// The year-end evaluation as a .docx in the official layout (official-document.ts): the rubric, both
// rankings as tables, every unit's calculation and the definitions, then the issuer and date.

const words = {
  title: (e: Evaluation) => `${e.year}年度工作要点落实情况年终考核结果`,
  rules: '一、考核规则',
  rubric: (e: Evaluation) =>
    `完成情况 ${e.rubric.completion} 分，及时性 ${e.rubric.timeliness} 分，审核质量 ${e.rubric.quality} 分，合计 100 分；加分不超过 ${e.rubric.bonusCap} 分，减分不超过 ${e.rubric.penaltyCap} 分。`,
  departments: '二、股室考核排名',
  schools: '三、学校考核排名',
  lines: '四、计算明细',
  notes: '五、说明',
  asOf: (e: Evaluation) =>
    `考核日期：${officialDate(e.asOf)}${e.locked ? '（已发布并锁定）' : '（试算，未锁定）'}`,
  none: '无',
  noAdjustments: '加减分：无。',
  noTasks: '无考核任务',
  noData: '无考核数据',
  notAssessed: '暂不考核',
  silent: '（应报未报）',
  scaled: '（折算）',
  header: ['名次', '单位', '完成情况', '及时性', '审核质量', '加分', '减分', '总分'],
} as const;

// Column shares of the text width: the unit's name gets the most room.
const COLUMN_SHARES = [8, 24, 14, 12, 14, 9, 9, 10];

/** The evaluation's .docx bytes: rubric, both rankings, every unit's calculation and the definitions. */
export function writeEvaluationDocx(evaluation: Evaluation, issuedOn: string): Promise<Uint8Array> {
  const paragraph = (text: string): OfficialBlock => ({ kind: 'paragraph', text });
  const blocks: OfficialBlock[] = [
    { kind: 'title', text: words.title(evaluation) },
    { kind: 'number', text: evaluation.planTitle },
    { kind: 'number', text: words.asOf(evaluation) },
    { kind: 'heading', text: words.rules },
    paragraph(words.rubric(evaluation)),
    ...adjustmentLines(evaluation).map(paragraph),
    { kind: 'heading', text: words.departments },
    rankingTable(evaluation.departments, evaluation),
    { kind: 'heading', text: words.schools },
    rankingTable(evaluation.schools, evaluation),
    { kind: 'heading', text: words.lines },
    ...[...evaluation.departments, ...evaluation.schools].flatMap(unitLines),
    { kind: 'heading', text: words.notes },
    ...evaluation.definitions.map(paragraph),
    { kind: 'blank' },
    { kind: 'signature', text: evaluation.organizationName },
    { kind: 'signature', text: officialDate(issuedOn) },
  ];
  return writeOfficialDocument({
    title: `${evaluation.planTitle} 年终考核结果`,
    creator: evaluation.organizationName || '督办',
    blocks,
  });
}

function adjustmentLines(evaluation: Evaluation): string[] {
  if (evaluation.adjustments.length === 0) return [words.noAdjustments];
  return evaluation.adjustments.map(
    (a) =>
      `${a.kind === 'bonus' ? '加分' : '减分'}：${a.unitName}，${a.reason}，${a.kind === 'bonus' ? '+' : '-'}${a.points.toFixed(2)} 分（${a.author}）。`,
  );
}

// A measure left out of the total reads 暂不考核; a scaled total and a unit ranked after the
// others by the silent rule say so beside the number and the name (the rules are in 说明).
function rankingTable(units: readonly UnitEvaluation[], evaluation: Evaluation): OfficialBlock {
  if (units.length === 0) return { kind: 'paragraph', text: words.none };
  const fullWeight = evaluation.rubric.completion + evaluation.rubric.timeliness + evaluation.rubric.quality;
  const measure = (m: { points: number | null }) =>
    m.points === null ? words.notAssessed : m.points.toFixed(2);
  const rows = units.map((u) =>
    u.ranked
      ? [
          String(u.rank ?? ''),
          `${u.unitName}${u.silent ? words.silent : ''}`,
          measure(u.completion),
          measure(u.timeliness),
          measure(u.quality),
          u.bonus.toFixed(2),
          u.penalty.toFixed(2),
          `${(u.total ?? 0).toFixed(2)}${u.assessedWeight !== null && u.assessedWeight < fullWeight ? words.scaled : ''}`,
        ]
      : // A unit without a score says why once, across the six score columns.
        ['—', u.unitName, u.unranked === 'noData' ? words.noData : words.noTasks],
  );
  return { kind: 'table', columns: [...words.header], widths: COLUMN_SHARES, rows };
}

function unitLines(unit: UnitEvaluation): OfficialBlock[] {
  const title = unit.ranked
    ? `${unit.unitName}（第${unit.rank}名，${(unit.total ?? 0).toFixed(2)}分）`
    : `${unit.unitName}（${unit.unranked === 'noData' ? words.noData : words.noTasks}）`;
  return [
    { kind: 'heading', text: title },
    ...unit.lines.map((line): OfficialBlock => ({ kind: 'paragraph', text: line.text })),
  ];
}
