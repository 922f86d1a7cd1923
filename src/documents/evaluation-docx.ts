import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Evaluation, UnitEvaluation } from '../shared/evaluations.ts';
import { mmToTwips, officialDate, officialFonts, officialPage, officialSizes } from './official-document.ts';

// The year-end evaluation as a .docx in the official layout (page, margins and fonts of
// official-document.ts) with the ranking tables the block writer there has no kind for. Tables use
// 小四 (12 pt) so eight columns fit the 156 mm text width; the text stays 3号 仿宋.

const words = {
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
  noTasks: '无考核任务',
  header: ['名次', '单位', '完成情况', '及时性', '审核质量', '加分', '减分', '总分'],
} as const;

const TABLE_SIZE = 24;
const TEXT_WIDTH = officialPage.width - officialPage.margin.left - officialPage.margin.right;
// Column shares of the text width: the unit's name gets the most room.
const COLUMN_SHARES = [8, 24, 14, 12, 14, 9, 9, 10];
const LINE = { line: 578, lineRule: 'exact' as const };

/** The evaluation's .docx bytes: rubric, both rankings, every unit's calculation and the definitions. */
export async function writeEvaluationDocx(evaluation: Evaluation, issuedOn: string): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: 'exact', after: 200 },
      children: [
        text(`${evaluation.year}年度工作要点落实情况年终考核结果`, officialFonts.title, officialSizes.title),
      ],
    }),
    centred(evaluation.planTitle),
    centred(words.asOf(evaluation)),
    heading(words.rules),
    body(words.rubric(evaluation)),
    ...adjustmentParagraphs(evaluation),
    heading(words.departments),
    rankingTable(evaluation.departments),
    heading(words.schools),
    rankingTable(evaluation.schools),
    heading(words.lines),
    ...[...evaluation.departments, ...evaluation.schools].flatMap(unitLines),
    heading(words.notes),
    ...evaluation.definitions.map(body),
    new Paragraph({ spacing: LINE, children: [] }),
    signature(evaluation.organizationName),
    signature(officialDate(issuedOn)),
  ];
  const document = new Document({
    title: `${evaluation.planTitle} 年终考核结果`,
    creator: evaluation.organizationName || '督办',
    styles: { default: { document: { run: { font: officialFonts.body, size: officialSizes.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: officialPage.width, height: officialPage.height },
            margin: { ...officialPage.margin, footer: mmToTwips(28) - mmToTwips(7), header: mmToTwips(15) },
          },
        },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function adjustmentParagraphs(evaluation: Evaluation): Paragraph[] {
  if (evaluation.adjustments.length === 0) return [body('加减分：无。')];
  return evaluation.adjustments.map((a) =>
    body(
      `${a.kind === 'bonus' ? '加分' : '减分'}：${a.unitName}，${a.reason}，${a.kind === 'bonus' ? '+' : '-'}${a.points.toFixed(2)} 分（${a.author}）。`,
    ),
  );
}

function rankingTable(units: readonly UnitEvaluation[]): Table | Paragraph {
  if (units.length === 0) return body(words.none);
  const rows = units.map((u) =>
    u.ranked
      ? [
          String(u.rank ?? ''),
          u.unitName,
          u.completion.points.toFixed(2),
          u.timeliness.points.toFixed(2),
          u.quality.points.toFixed(2),
          u.bonus.toFixed(2),
          u.penalty.toFixed(2),
          (u.total ?? 0).toFixed(2),
        ]
      : ['—', u.unitName, words.noTasks],
  );
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMN_SHARES.map((share) => Math.floor((TEXT_WIDTH * share) / 100)),
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [words.header as readonly string[], ...rows].map(
      (cells, index) =>
        new TableRow({
          tableHeader: index === 0,
          children: cells.map(
            (cell, column) =>
              new TableCell({
                // A unit with no task says so once, across the six score columns.
                ...(cells.length < COLUMN_SHARES.length && column === cells.length - 1
                  ? { columnSpan: COLUMN_SHARES.length - column }
                  : {}),
                width: {
                  size: Math.floor((TEXT_WIDTH * (COLUMN_SHARES[column] ?? 10)) / 100),
                  type: WidthType.DXA,
                },
                verticalAlign: VerticalAlign.CENTER,
                children: [
                  new Paragraph({
                    alignment: column === 1 ? AlignmentType.LEFT : AlignmentType.CENTER,
                    children: [
                      text(cell, index === 0 ? officialFonts.heading : officialFonts.body, TABLE_SIZE),
                    ],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

function unitLines(unit: UnitEvaluation): Paragraph[] {
  const title = unit.ranked
    ? `${unit.unitName}（第${unit.rank}名，${(unit.total ?? 0).toFixed(2)}分）`
    : unit.unitName;
  return [
    new Paragraph({
      spacing: LINE,
      indent: { firstLine: 640 },
      children: [text(title, officialFonts.heading, officialSizes.body)],
    }),
    ...unit.lines.map((line) => body(line.text)),
  ];
}

type Font = (typeof officialFonts)[keyof typeof officialFonts];

function text(value: string, font: Font, size: number): TextRun {
  return new TextRun({ text: value, font, size });
}

function heading(value: string): Paragraph {
  return new Paragraph({
    spacing: LINE,
    indent: { firstLine: 640 },
    children: [text(value, officialFonts.heading, officialSizes.body)],
  });
}

function body(value: string): Paragraph {
  return new Paragraph({
    spacing: LINE,
    indent: { firstLine: 640 },
    children: [text(value, officialFonts.body, officialSizes.body)],
  });
}

function centred(value: string): Paragraph {
  return new Paragraph({
    spacing: LINE,
    alignment: AlignmentType.CENTER,
    children: [text(value, officialFonts.body, officialSizes.body)],
  });
}

function signature(value: string): Paragraph {
  return new Paragraph({
    spacing: LINE,
    alignment: AlignmentType.RIGHT,
    indent: { right: 1280 },
    children: [text(value, officialFonts.body, officialSizes.body)],
  });
}

// The page number line "— 1 —", centred, in 4号 宋体, as in every official document Duban writes.
function pageNumberFooter(): Footer {
  const size = officialSizes.pageNumber;
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: '— ', font: officialFonts.pageNumber, size }),
          new TextRun({ children: [PageNumber.CURRENT], font: officialFonts.pageNumber, size }),
          new TextRun({ text: ' —', font: officialFonts.pageNumber, size }),
        ],
      }),
    ],
  });
}
