import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

// The official document layout (党政机关公文格式, GB/T 9704-2012) shared by every .docx Duban writes:
// the supervision notice (督办单) and the monthly bulletin (工作通报). Sizes in Word's units:
// twips (1/1440 inch) for the page, half-points for fonts.

/** Millimetres to twips, rounded (docx's own helper truncates, which makes 37 mm 2097). */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** A4 and the margins of GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
export const officialPage = {
  width: 11906,
  height: 16838,
  margin: { top: mmToTwips(37), bottom: mmToTwips(35), left: mmToTwips(28), right: mmToTwips(26) },
} as const;

/**
 * The fonts of the layout. Word cannot chain fonts in a run, so each role names the official face
 * for East Asian text and its common stand-in for Latin text; a machine without the official face
 * substitutes its own fallback (宋体 / 仿宋) by the same family.
 */
export const officialFonts = {
  title: { eastAsia: '方正小标宋简体', ascii: '宋体', hAnsi: '宋体' },
  body: { eastAsia: '仿宋_GB2312', ascii: '仿宋', hAnsi: '仿宋' },
  heading: { eastAsia: '黑体', ascii: '黑体', hAnsi: '黑体' },
  subheading: { eastAsia: '楷体_GB2312', ascii: '楷体', hAnsi: '楷体' },
  pageNumber: { eastAsia: '宋体', ascii: '宋体', hAnsi: '宋体' },
} as const;

/** Chinese font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt (table text). */
export const officialSizes = { title: 44, body: 32, pageNumber: 28, table: 24 } as const;

// 22 lines of 28 characters a page: a fixed line pitch of about 28.9 pt (578 twips).
const LINE = { line: 578, lineRule: LineRuleType.EXACT } as const;
const INDENT_TWO_CHARS = 640;
const TABLE_LINE = { line: 340, lineRule: LineRuleType.EXACT } as const;

/** The width of the type area in twips (page width less the left and right margins). */
export const textWidth = officialPage.width - officialPage.margin.left - officialPage.margin.right;

/**
 * 22 lines × 28 characters: the line pitch is the type area's height / 22 (also Word's 文档网格 of
 * lines); each 3号 character advances 16 pt less a fixed spacing (in twentieths of a point), so 28
 * fill the line. A character grid (linesAndChars) would do the same in Word, but LibreOffice snaps
 * every 16 pt glyph to two of its narrower cells, halving the characters per line.
 */
export const officialGrid = {
  linePitch: Math.floor((officialPage.height - officialPage.margin.top - officialPage.margin.bottom) / 22),
  characterSpacing: Math.floor(textWidth / 28 - officialSizes.body * 10),
} as const;

/** One block of an official document, in reading order. */
export type OfficialBlock =
  | { kind: 'title'; text: string }
  /** A centred line under the title, e.g. the document number. */
  | { kind: 'number'; text: string }
  /** The addressee line (主送), flush left, ending with a full-width colon. */
  | { kind: 'addressee'; text: string }
  /** A level-one heading in 黑体 (一、…). */
  | { kind: 'heading'; text: string }
  /** A level-two heading in 楷体 (（一）…). */
  | { kind: 'subheading'; text: string }
  /**
   * A bordered table: a header row, then the rows; widths are relative (they fill the type area). A
   * row shorter than the columns spans its last cell over the remaining columns.
   */
  | { kind: 'table'; columns: string[]; widths?: number[]; rows: string[][] }
  /** A body paragraph, first line indented two characters; line breaks in the text start new paragraphs. */
  | { kind: 'paragraph'; text: string }
  /** Right-aligned lines at the end (the issuing office, the date). */
  | { kind: 'signature'; text: string }
  | { kind: 'blank' };

function run(text: string, font: (typeof officialFonts)[keyof typeof officialFonts], size: number): TextRun {
  // 3号 text keeps to 28 characters a line (officialGrid); other sizes keep their natural width.
  const characterSpacing = size === officialSizes.body ? officialGrid.characterSpacing : undefined;
  return new TextRun({ text, font, size, characterSpacing });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function tableCell(text: string, width: number, header: boolean, columnSpan = 1): TableCell {
  const font = header ? officialFonts.heading : officialFonts.body;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(columnSpan > 1 ? { columnSpan } : {}),
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    children: text.split(/\r?\n/).map(
      (line) =>
        new Paragraph({
          children: [run(line, font, officialSizes.table)],
          spacing: TABLE_LINE,
          alignment: header || line.length <= 6 ? AlignmentType.CENTER : AlignmentType.LEFT,
        }),
    ),
  });
}

function tableOf(block: Extract<OfficialBlock, { kind: 'table' }>): Table {
  const weights = block.widths ?? block.columns.map(() => 1);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const widths = weights.map((w) => Math.floor((textWidth * w) / total));
  const row = (cells: readonly string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      // A row with fewer cells than columns (e.g. 无考核任务) spans its last cell over the rest.
      children:
        cells.length > 0 && cells.length < widths.length
          ? cells.map((cell, index) =>
              index < cells.length - 1
                ? tableCell(cell, widths[index] ?? 0, header)
                : tableCell(
                    cell,
                    widths.slice(index).reduce((sum, w) => sum + w, 0),
                    header,
                    widths.length - index,
                  ),
            )
          : widths.map((width, index) => tableCell(cells[index] ?? '', width, header)),
    });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: [row(block.columns, true), ...block.rows.map((cells) => row(cells, false))],
  });
}

function paragraphsOf(block: OfficialBlock): Array<Paragraph | Table> {
  const body = (children: ParagraphChild[], options: object = {}) =>
    new Paragraph({ children, spacing: LINE, ...options });
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({
          children: [run(block.text, officialFonts.title, officialSizes.title)],
          alignment: AlignmentType.CENTER,
          spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 200 },
        }),
      ];
    case 'number':
      return [
        body([run(block.text, officialFonts.body, officialSizes.body)], { alignment: AlignmentType.CENTER }),
      ];
    case 'addressee':
      return [body([run(block.text, officialFonts.body, officialSizes.body)])];
    case 'heading':
      return [
        body([run(block.text, officialFonts.heading, officialSizes.body)], {
          indent: { firstLine: INDENT_TWO_CHARS },
        }),
      ];
    case 'subheading':
      return [
        body([run(block.text, officialFonts.subheading, officialSizes.body)], {
          indent: { firstLine: INDENT_TWO_CHARS },
        }),
      ];
    case 'table':
      return [tableOf(block)];
    case 'paragraph':
      return block.text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .map((line) =>
          body([run(line, officialFonts.body, officialSizes.body)], {
            indent: { firstLine: INDENT_TWO_CHARS },
          }),
        );
    case 'signature':
      return [
        body([run(block.text, officialFonts.body, officialSizes.body)], {
          alignment: AlignmentType.RIGHT,
          indent: { right: INDENT_TWO_CHARS * 2 },
        }),
      ];
    case 'blank':
      return [body([])];
  }
}

/** The page number line "— 1 —", centred, in 4号 宋体. */
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

/** Writes blocks as a .docx in the official layout; `title` also becomes the file's document title. */
export async function writeOfficialDocument(options: {
  title: string;
  creator?: string;
  blocks: readonly OfficialBlock[];
}): Promise<Uint8Array> {
  const document = new Document({
    title: options.title,
    creator: options.creator ?? '督办',
    styles: {
      default: { document: { run: { font: officialFonts.body, size: officialSizes.body } } },
      // LibreOffice sizes the character grid from the Normal style's own font size (12 pt when it
      // names none), not from the document defaults, so Normal repeats the body size.
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          run: { font: officialFonts.body, size: officialSizes.body },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: officialPage.width, height: officialPage.height },
            margin: { ...officialPage.margin, footer: mmToTwips(28) - mmToTwips(7), header: mmToTwips(15) },
          },
          grid: { type: DocumentGridType.LINES, linePitch: officialGrid.linePitch },
        },
        footers: { default: pageNumberFooter() },
        children: options.blocks.flatMap(paragraphsOf),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A date as official documents write it: 2024年5月20日 (no leading zeros). */
export function officialDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
