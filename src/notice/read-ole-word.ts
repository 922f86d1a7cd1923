import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { NoticeReadError } from './read-messages.ts';
import type { CompoundFile } from './read-ole-cfb.ts';
import { forEachSprm, listOf, numberedStyles } from './read-ole-word-styles.ts';
import { wordBodyToText } from './read-ole-word-text.ts';

/** What the start of the WordDocument stream (the FIB) says about the file. */
export interface WordFib {
  /** Word 97 or later (what word-extractor reads); Word 6/95 files are older. */
  word97: boolean;
  /** Password-protected (encrypted or XOR-obfuscated): no reader gets text without the password. */
  encrypted: boolean;
  tableStream: '0Table' | '1Table';
}

/** The body of a Word 97 document as text, and whether Word numbers some paragraphs itself. */
export interface WordBody {
  text: string;
  /** Some paragraph carries automatic list numbering, whose numbers are not in the text. */
  numbered: boolean;
}

// Word 6.0 and Word 95 wrote nFib 101–105; Word 97 and everything since (WPS included) 193 or more.
const LAST_PRE_97_NFIB = 105;
const WORD_IDENT = 0xa5ec;

/** Reads the FIB's identity and flags; a stream too short to hold a FIB is no readable document. */
export function readFib(wordDocument: Uint8Array): WordFib {
  if (wordDocument.length < 0x1a6) throw new NoticeReadError('OLE_UNREADABLE');
  const view = new DataView(wordDocument.buffer, wordDocument.byteOffset, wordDocument.byteLength);
  const flags = view.getUint16(0x0a, true);
  return {
    word97: view.getUint16(0, true) === WORD_IDENT && view.getUint16(2, true) > LAST_PRE_97_NFIB,
    encrypted: (flags & 0x0100) !== 0 || (flags & 0x8000) !== 0,
    tableStream: (flags & 0x0200) !== 0 ? '1Table' : '0Table',
  };
}

/** word-extractor's text piece (a run of the body in one encoding), after its own clean-up of revisions and rows. */
interface Piece {
  text: string;
  startCp: number;
  startFilePos: number;
  bpc: number;
  size: number;
}

interface OleExtractor {
  _pieces: Piece[];
  _boundaries: { ccpText: number };
  extractWordDocument(document: unknown, buffer: Buffer): Promise<unknown>;
  documentStream(document: unknown, name: string): Promise<Readable>;
  buildDocument(): unknown;
}

// word-extractor's public API flattens cell marks and paragraph marks into the same tabs and
// newlines, and replaces typographic quotes; its OLE extractor class (pinned version) leaves the
// pieces intact, so the body keeps the structure the notice's tables need.
const WordOleExtractor = createRequire(import.meta.url)(
  'word-extractor/lib/word-ole-extractor.js',
) as new () => OleExtractor;

class BodyExtractor extends WordOleExtractor {
  constructor(private readonly table: Uint8Array) {
    super();
  }

  // Streams come from our own compound-file reader (read-ole-cfb.ts), which checked every chain.
  override documentStream(): Promise<Readable> {
    return Promise.resolve(Readable.from([Buffer.from(this.table)]));
  }

  override buildDocument(): unknown {
    return { pieces: this._pieces, ccpText: this._boundaries.ccpText };
  }
}

/**
 * Extracts the body of a Word 97 document (headers, footers, notes and comments left out) through
 * word-extractor; throws whatever it throws on a document it cannot follow.
 */
export async function extractWordBody(
  file: CompoundFile,
  wordDocument: Uint8Array,
  fib: WordFib,
): Promise<WordBody> {
  const table = file.stream(fib.tableStream);
  if (!table) throw new NoticeReadError('OLE_UNREADABLE');
  const extractor = new BodyExtractor(table);
  const { pieces, ccpText } = (await extractor.extractWordDocument(null, Buffer.from(wordDocument))) as {
    pieces: Piece[];
    ccpText: number;
  };
  const raw = pieces
    .map((piece) => piece.text)
    .join('')
    .slice(0, ccpText);
  const paragraphs = paragraphProperties(wordDocument, table, pieces, ccpText);
  return { text: wordBodyToText(raw, paragraphs.inTable), numbered: paragraphs.numbered };
}

const SPRM_IN_TABLE = 0x2416;

/**
 * Reads the paragraph properties (PAPX pages, MS-DOC 2.9.175) that word-extractor skips: which
 * paragraphs sit in a table cell (by the position of their paragraph mark) and whether any body
 * paragraph has automatic list numbering, its own or its style's.
 */
function paragraphProperties(
  wordDocument: Uint8Array,
  table: Uint8Array,
  pieces: Piece[],
  ccpText: number,
): { inTable: Set<number>; numbered: boolean } {
  const word = new DataView(wordDocument.buffer, wordDocument.byteOffset, wordDocument.byteLength);
  const tableView = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const inTable = new Set<number>();
  let numbered = false;
  const numberedStyle = numberedStyles(wordDocument, table);
  const at = word.getUint32(0x0102, true);
  const length = word.getUint32(0x0106, true);
  if (length < 12 || at + length > table.length) return { inTable, numbered };
  const pages = (length - 4) / 8;
  for (let i = 0; i < pages; i++) {
    const page = (tableView.getUint32(at + (pages + 1) * 4 + i * 4, true) & 0x3fffff) * 512;
    if (page + 512 > wordDocument.length) continue;
    const runs = word.getUint8(page + 511);
    for (let j = 0; j < runs && (runs + 1) * 4 + j * 13 < 511; j++) {
      const cp = paragraphMarkCp(pieces, word.getUint32(page + (j + 1) * 4, true));
      if (cp === undefined || cp >= ccpText) continue;
      const offset = word.getUint8(page + (runs + 1) * 4 + j * 13) * 2;
      if (offset === 0) continue;
      const cb = word.getUint8(page + offset);
      const start = cb !== 0 ? page + offset + 1 : page + offset + 2;
      const size = cb !== 0 ? 2 * cb - 1 : 2 * word.getUint8(page + offset + 1);
      // The first two bytes are the paragraph's style; the properties follow.
      const end = Math.min(start + size, page + 511);
      if (start + 2 > end) continue;
      forEachSprm(word, start + 2, end, (sprm, operand) => {
        if (sprm === SPRM_IN_TABLE && word.getUint8(operand) === 1) inTable.add(cp);
      });
      if (listOf(word, start + 2, end) ?? numberedStyle.has(word.getUint16(start, true))) numbered = true;
    }
  }
  return { inTable, numbered };
}

// Runs end at a file position just after their paragraph mark; pieces map file positions to characters.
function paragraphMarkCp(pieces: Piece[], fcEnd: number): number | undefined {
  for (const piece of pieces) {
    if (fcEnd > piece.startFilePos && fcEnd <= piece.startFilePos + piece.size)
      return piece.startCp + Math.floor((fcEnd - piece.startFilePos) / piece.bpc) - 1;
  }
  return undefined;
}
