import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';

// The official document layout (党政机关公文格式, GB/T 9704-2012) shared by every .docx Duban writes:
// the supervision notice (督办单) now, the monthly bulletin (工作通报) next. Sizes in Word's units:
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
  pageNumber: { eastAsia: '宋体', ascii: '宋体', hAnsi: '宋体' },
} as const;

/** Chinese font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const officialSizes = { title: 44, body: 32, pageNumber: 28 } as const;

// 22 lines of 28 characters a page: a fixed line pitch of about 28.9 pt (578 twips).
const LINE = { line: 578, lineRule: LineRuleType.EXACT } as const;
const INDENT_TWO_CHARS = 640;

/** One block of an official document, in reading order. */
export type OfficialBlock =
  | { kind: 'title'; text: string }
  /** A centred line under the title, e.g. the document number. */
  | { kind: 'number'; text: string }
  /** The addressee line (主送), flush left, ending with a full-width colon. */
  | { kind: 'addressee'; text: string }
  /** A level-one heading in 黑体 (一、…). */
  | { kind: 'heading'; text: string }
  /** A body paragraph, first line indented two characters; line breaks in the text start new paragraphs. */
  | { kind: 'paragraph'; text: string }
  /** Right-aligned lines at the end (the issuing office, the date). */
  | { kind: 'signature'; text: string }
  | { kind: 'blank' };

function run(text: string, font: (typeof officialFonts)[keyof typeof officialFonts], size: number): TextRun {
  return new TextRun({ text, font, size });
}

function paragraphsOf(block: OfficialBlock): Paragraph[] {
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
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: officialPage.width, height: officialPage.height },
            margin: { ...officialPage.margin, footer: mmToTwips(28) - mmToTwips(7), header: mmToTwips(15) },
          },
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
