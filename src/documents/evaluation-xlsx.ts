import ExcelJS from 'exceljs';
import type { Evaluation, UnitEvaluation } from '../shared/evaluations.ts';
import { writeXlsx } from './xlsx-cells.ts';

// The year-end evaluation as a workbook: 考核排名 (one row per unit, departments then schools),
// 计算明细 (every line of every unit's calculation), 考核规则 (the rubric, the entries and 说明).

const HEADER_FILL = 'FFD9E1F2';

/** Sheet names and column headers. */
export const evaluationSheets = {
  ranking: '考核排名',
  lines: '计算明细',
  rules: '考核规则与说明',
  kinds: { department: '股室', school: '学校' },
  noTasks: '无考核任务',
  noData: '无考核数据',
  /** Not assessable yet (暂不考核): the cell of a measure left out of the total. */
  notAssessed: '暂不考核',
  notes: {
    scaled: (weight: number) => `按可考核项（权重 ${weight}）折算`,
    silent: '应报未报，排在有有效报告的单位之后',
  },
} as const;

const RANKING_COLUMNS = [
  { key: 'group', header: '类别', width: 8 },
  { key: 'rank', header: '名次', width: 8 },
  { key: 'unit', header: '单位', width: 26 },
  { key: 'completion', header: '完成情况得分', width: 14 },
  { key: 'completionCount', header: '已验收/应完成', width: 15 },
  { key: 'timeliness', header: '及时性得分', width: 12 },
  { key: 'timelinessCount', header: '按时/应报送', width: 13 },
  { key: 'quality', header: '审核质量得分', width: 14 },
  { key: 'qualityCount', header: '审核通过/审核次数', width: 17 },
  { key: 'bonus', header: '加分', width: 8 },
  { key: 'penalty', header: '减分', width: 8 },
  { key: 'total', header: '总分', width: 10 },
  { key: 'note', header: '说明', width: 36 },
];

const LINE_COLUMNS = [
  { key: 'group', header: '类别', width: 8 },
  { key: 'unit', header: '单位', width: 26 },
  { key: 'no', header: '序', width: 6 },
  { key: 'text', header: '计算过程', width: 90 },
  { key: 'points', header: '得分', width: 10 },
];

/** Writes an evaluation as .xlsx bytes. */
export async function writeEvaluationXlsx(evaluation: Evaluation): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Duban 督办';
  book.title = `${evaluation.planTitle} 年终考核`;
  const units = [...evaluation.departments, ...evaluation.schools];

  const ranking = sheet(book, evaluationSheets.ranking, RANKING_COLUMNS);
  const fullWeight = evaluation.rubric.completion + evaluation.rubric.timeliness + evaluation.rubric.quality;
  const measure = (m: { points: number | null }) => m.points ?? evaluationSheets.notAssessed;
  for (const unit of units) {
    const row = ranking.addRow(
      unit.ranked
        ? {
            group: evaluationSheets.kinds[unit.unitKind],
            rank: unit.rank,
            unit: unit.unitName,
            completion: measure(unit.completion),
            completionCount: `${unit.completion.achieved}/${unit.completion.expected}`,
            timeliness: measure(unit.timeliness),
            timelinessCount: `${unit.timeliness.onTime}/${unit.timeliness.due}`,
            quality: measure(unit.quality),
            qualityCount: `${unit.quality.accepted}/${unit.quality.reviewed}`,
            bonus: unit.bonus,
            penalty: unit.penalty,
            total: unit.total,
            note: rankingNote(unit, fullWeight),
          }
        : {
            group: evaluationSheets.kinds[unit.unitKind],
            unit: unit.unitName,
            total: unit.unranked === 'noData' ? evaluationSheets.noData : evaluationSheets.noTasks,
            // Why it has no score: the total line says it in words.
            note: unit.lines.find((line) => line.kind === 'total')?.text ?? '',
          },
    );
    for (const key of ['completion', 'timeliness', 'quality', 'bonus', 'penalty', 'total']) {
      row.getCell(key).numFmt = '0.00';
    }
  }

  for (const key of ['group', 'rank', 'completionCount', 'timelinessCount', 'qualityCount']) {
    ranking.getColumn(key).alignment = { horizontal: 'center' };
  }

  const lines = sheet(book, evaluationSheets.lines, LINE_COLUMNS);
  for (const unit of units) addLines(lines, unit);

  const rules = sheet(book, evaluationSheets.rules, [
    { key: 'name', header: '项目', width: 22 },
    { key: 'value', header: '内容', width: 100 },
  ]);
  const r = evaluation.rubric;
  rules.addRow({ name: '工作要点', value: evaluation.planTitle });
  rules.addRow({ name: '考核日期', value: evaluation.asOf });
  rules.addRow({
    name: '状态',
    value: evaluation.locked
      ? `已发布并锁定（${evaluation.locked.by}，${evaluation.locked.at}）`
      : '未锁定（试算）',
  });
  rules.addRow({ name: '完成情况权重', value: r.completion });
  rules.addRow({ name: '及时性权重', value: r.timeliness });
  rules.addRow({ name: '审核质量权重', value: r.quality });
  rules.addRow({ name: '加分上限', value: r.bonusCap });
  rules.addRow({ name: '减分上限', value: r.penaltyCap });
  for (const a of evaluation.adjustments) {
    rules.addRow({
      name: a.kind === 'bonus' ? '加分' : '减分',
      value: `${a.unitName}：${a.reason}（${a.kind === 'bonus' ? '+' : '-'}${a.points.toFixed(2)}，${a.author}，${a.createdAt}）`,
    });
  }
  evaluation.definitions.forEach((text, index) => {
    rules.addRow({ name: index === 0 ? '说明' : '', value: text });
  });
  rules.getColumn('value').alignment = { wrapText: true, vertical: 'top' };

  return writeXlsx(book);
}

// What the ranking row alone does not show: a total scaled over fewer measures, the silent rule.
function rankingNote(unit: UnitEvaluation, fullWeight: number): string | undefined {
  const notes: string[] = [];
  if (unit.assessedWeight !== null && unit.assessedWeight < fullWeight) {
    notes.push(evaluationSheets.notes.scaled(unit.assessedWeight));
  }
  if (unit.silent) notes.push(evaluationSheets.notes.silent);
  return notes.length > 0 ? notes.join('；') : undefined;
}

function addLines(sheet: ExcelJS.Worksheet, unit: UnitEvaluation): void {
  unit.lines.forEach((line, index) => {
    const row = sheet.addRow({
      group: evaluationSheets.kinds[unit.unitKind],
      unit: unit.unitName,
      no: index + 1,
      text: line.text,
      // An unranked unit has no points to show (its entries wait for data).
      points: unit.ranked ? (line.points ?? '') : '',
    });
    row.getCell('points').numFmt = '0.00';
    if (line.kind === 'total') row.font = { bold: true };
  });
}

function sheet(
  book: ExcelJS.Workbook,
  name: string,
  columns: Array<{ key: string; header: string; width: number }>,
): ExcelJS.Worksheet {
  const added = book.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  added.columns = columns;
  const header = added.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 24;
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  });
  return added;
}
