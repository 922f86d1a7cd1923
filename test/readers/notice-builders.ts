import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, constants as zlibConstants } from 'node:zlib';
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
import { strToU8, zipSync } from 'fflate';
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

// Hostile files for the parse sandbox (test/security/hostile-parse.test.ts, bench/hostile-parse.bench.ts).

const DOCX_RELS =
  '<?xml version="1.0"?><Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/**
 * A .docx of about `xmlMb` MB of XML — a million short paragraphs — packed to well under a megabyte.
 * With `lie`, its zip directory declares the XML to be a thousandth of its size (local header and
 * central directory both), the shape of a file that slips past a check of declared sizes.
 */
export function hostileDocx(xmlMb: number, options: { lie?: boolean } = {}): Uint8Array {
  const paragraph = '<w:p><w:r><w:t>一、加强党的建设</w:t></w:r></w:p>';
  const head = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const count = Math.floor((xmlMb * 1024 * 1024) / Buffer.byteLength(paragraph));
  const xml = `${head}${paragraph.repeat(count)}</w:body></w:document>`;
  const zip = zipSync({ '_rels/.rels': strToU8(DOCX_RELS), 'word/document.xml': strToU8(xml) }, { level: 9 });
  return options.lie ? declareSize(zip, 'word/document.xml', Math.ceil(xml.length / 1000)) : zip;
}

/** Rewrites the uncompressed size a zip declares for one entry, leaving the data as it was. */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const encodedName = new TextEncoder().encode(name);
  const matches = (at: number) => encodedName.every((b, i) => out[at + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50 && matches(i + 30)) view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50 && matches(i + 46)) view.setUint32(i + 24, size, true);
  }
  return out;
}

/**
 * A one-page PDF whose content stream is a FlateDecode bomb: `inflatedMb` MB of spaces packed to
 * about a thousandth of that. The zlib stream is one compressed megabyte repeated: each piece ends
 * in a full flush (byte-aligned, no history needed), so pieces can follow one another and the test
 * never holds the inflated bytes.
 */
export function pdfStreamBomb(inflatedMb: number): Uint8Array {
  const piece = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), {
    level: 9,
    finishFlush: zlibConstants.Z_FULL_FLUSH,
  });
  const total = inflatedMb * 1024 * 1024;
  // a = 1 + Σbytes, b = Σ of the running a; with n bytes of value v: a = 1 + nv, b = n + v·n(n+1)/2.
  const a = (1 + (total % 65521) * 0x20) % 65521;
  const n = BigInt(total);
  const b = Number((n + 32n * ((n * (n + 1n)) / 2n)) % 65521n);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(((b << 16) | a) >>> 0);
  const stream = Buffer.concat([
    Buffer.from([0x78, 0xda]),
    ...Array.from({ length: inflatedMb }, () => piece),
    Buffer.from([0x03, 0x00]),
    trailer,
  ]);
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (chunk: string | Buffer) => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    parts.push(buffer);
    length += buffer.length;
  };
  const object = (n: number, body: string | Buffer[]) => {
    offsets[n] = length;
    add(`${n} 0 obj\n`);
    if (typeof body === 'string') add(body);
    else for (const chunk of body) add(chunk);
    add('\nendobj\n');
  };
  add('%PDF-1.4\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>');
  object(4, [
    Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
    stream,
    Buffer.from('\nendstream', 'latin1'),
  ]);
  const xref = length;
  add(`xref\n0 5\n0000000000 65535 f \n`);
  for (let n = 1; n <= 4; n++) add(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  add(`trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(parts));
}

/** A .txt notice of about `mb` MB: one section line, then numbered items, as a plain notice has. */
export function hugeTextNotice(mb: number): Uint8Array {
  const line = '1. 加强党的建设，落实全面从严治党主体责任。（责任领导：陈丽，责任股室：办公室）\n';
  const count = Math.floor((mb * 1024 * 1024) / Buffer.byteLength(line));
  return new TextEncoder().encode(`一、总体要求\n${line.repeat(count)}`);
}
