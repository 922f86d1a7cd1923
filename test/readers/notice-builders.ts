import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Document,
  LevelFormat,
  LevelSuffix,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import PDFDocument from 'pdfkit';

/** The real Yunxi notice, as the bureau published it (a copy kept in the repo so a fresh clone can test). */
export const YUNXI_PATH = join(
  import.meta.dirname,
  '..',
  'fixtures',
  'notices',
  'yunxi-2024-jiaoti-gongzuo-yaodian.txt',
);

/** A system CJK font pdfkit can embed (fonts-noto-cjk); its SC face covers simplified Chinese. */
export const CJK_FONT = {
  path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  face: 'NotoSansCJKsc-Regular',
};

/** Whether the CJK font is installed, so PDF tests can say clearly why they cannot run. */
export const hasCjkFont = existsSync(CJK_FONT.path);

/** The Yunxi notice's text. */
export function yunxiText(): string {
  return readFileSync(YUNXI_PATH, 'utf8');
}

/** The non-blank lines of a text, trimmed, as a reader is expected to preserve them. */
export function textLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Builds a real .docx with the docx package: one paragraph per line, then an optional table. */
export async function buildDocx(
  lines: readonly string[],
  table?: readonly (readonly string[])[],
): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = lines.map(
    (line) => new Paragraph({ children: [new TextRun(line)] }),
  );
  if (table) {
    const rows = table.map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (cell) => new TableCell({ children: cell.split('\n').map((p) => new Paragraph(p)) }),
          ),
        }),
    );
    children.push(new Table({ rows }));
  }
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * Builds a .docx the way a clerk types a notice in Word with automatic numbering: 一、 headings
 * and 1. items carry no number in their text, only a numbering reference (items run on across sections).
 */
export async function buildNumberedDocx(lines: readonly string[]): Promise<Uint8Array> {
  const children = lines.map((line) => {
    const heading = /^[一二三四五六七八九十]+、/.exec(line);
    const item = /^\d+\.\s*/.exec(line);
    if (heading)
      return new Paragraph({ text: line.slice(heading[0].length), numbering: { reference: 'h1', level: 0 } });
    if (item)
      return new Paragraph({ text: line.slice(item[0].length), numbering: { reference: 'h3', level: 0 } });
    return new Paragraph(line);
  });
  const level = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
    level: 0,
    format,
    text,
    suffix: LevelSuffix.NOTHING,
  });
  const config = [
    { reference: 'h1', levels: [level(LevelFormat.CHINESE_COUNTING, '%1、')] },
    { reference: 'h3', levels: [level(LevelFormat.DECIMAL, '%1. ')] },
  ];
  const doc = new Document({ numbering: { config }, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Builds a real PDF with Chinese text in an embedded CJK font; long lines wrap as they would in print. */
export function buildPdf(
  lines: readonly string[],
  options: { text?: boolean; latin?: boolean; userPassword?: string } = {},
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 72, userPassword: options.userPassword });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
    if (options.text === false) {
      // A page with only vector graphics stands in for a scanned notice: ink, but no text layer.
      pdf.rect(100, 100, 300, 200).fill('#333333');
    } else if (options.latin) {
      // The built-in Helvetica embeds no font program, which keeps the file small (for fuzzing).
      for (const line of lines) pdf.text(line);
    } else {
      pdf.registerFont('cjk', CJK_FONT.path, CJK_FONT.face);
      pdf.font('cjk').fontSize(14);
      for (const line of lines) pdf.text(line, { paragraphGap: 6 });
    }
    pdf.end();
  });
}
