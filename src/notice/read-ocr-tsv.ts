import type { OcrReport } from '../shared/parsed-notice.ts';
import { fixOcrConfusions } from './read-ocr-fix.ts';
import { foldRadicals } from './read-radicals.ts';

/** Words recognised with less confidence than this are marked for the user to check. */
export const LOW_CONFIDENCE = 70;

/** A word of tesseract's TSV output, where it sits in the page's layout. */
interface Word {
  page: number;
  block: number;
  par: number;
  line: number;
  conf: number;
  text: string;
}

/** Text built from OCR output, with the recognition's confidence as offsets into that text. */
export interface OcrText extends OcrReport {
  text: string;
  /** Words recognised, for telling an empty page from a page of text. */
  words: number;
}

/**
 * Builds the notice's text from tesseract's TSV output, one TSV per page: one line per printed
 * line, a blank line between paragraphs and between pages. Each word is NFKC-normalised (full-width
 * （ becomes ( as in the PDF reader) before its offsets are taken, so the spans of low confidence
 * point into the text returned, not into tesseract's.
 */
export function ocrTextFromTsv(pages: readonly string[]): OcrText {
  let text = '';
  const low: OcrReport['lowConfidence'] = [];
  let confidenceSum = 0;
  let words = 0;
  for (const tsv of pages) {
    const lines = pageLines(tsv);
    if (lines.length === 0) continue;
    if (text !== '') text += '\n\n';
    let previous: Word | undefined;
    for (const line of lines) {
      const first = line[0]!;
      if (previous) text += sameParagraph(previous, first) ? '\n' : '\n\n';
      for (const [i, word] of line.entries()) {
        const piece = foldRadicals(word.text.normalize('NFKC'));
        if (i > 0 && spaced(text, piece)) text += ' ';
        const start = text.length;
        text += piece;
        confidenceSum += word.conf;
        words++;
        if (word.conf < LOW_CONFIDENCE) markLow(low, text, start, text.length, word.conf);
      }
      previous = first;
    }
  }
  const meanConfidence = words === 0 ? 0 : Math.round((confidenceSum / words) * 10) / 10;
  return { text: fixOcrConfusions(text), meanConfidence, lowConfidence: low, words };
}

// Adjacent unsure words (nothing but a space between them) become one span, with the lowest confidence.
function markLow(low: OcrReport['lowConfidence'], text: string, start: number, end: number, conf: number) {
  const confidence = Math.floor(conf * 10) / 10;
  const last = low[low.length - 1];
  if (last && text.slice(last.end, start).trim() === '' && !text.slice(last.end, start).includes('\n')) {
    last.end = end;
    last.confidence = Math.min(last.confidence, confidence);
  } else {
    low.push({ start, end, confidence });
  }
}

function sameParagraph(a: Word, b: Word): boolean {
  return a.page === b.page && a.block === b.block && a.par === b.par;
}

// The words of one page grouped into printed lines, in reading order: tesseract's within a block,
// and blocks from the top of the page down (then left to right). Tesseract sometimes finds a short
// last line of a page before the line above it, as its own block (measured on the Yunxi scan: the
// second half of item 23's note came first).
function pageLines(tsv: string): Word[][] {
  const lines: Word[][] = [];
  const blocks = new Map<string, { top: number; left: number; order: number }>();
  const blockOf: string[] = [];
  let key = '';
  for (const row of tsv.split('\n')) {
    const cells = row.split('\t');
    // level 5 is a word: level page_num block_num par_num line_num word_num left top width height conf text
    if (cells[0] !== '5' || cells.length < 12) continue;
    const text = cells.slice(11).join('\t').trim();
    const conf = Number(cells[10]);
    if (text === '' || !Number.isFinite(conf) || conf < 0) continue;
    const [page, block, par, line] = cells.slice(1, 5).map(Number) as [number, number, number, number];
    const word: Word = { page, block, par, line, conf, text };
    const blockKey = `${page}/${block}`;
    const left = Number(cells[6]) || 0;
    const top = Number(cells[7]) || 0;
    const known = blocks.get(blockKey);
    if (!known) blocks.set(blockKey, { top, left, order: blocks.size });
    else {
      known.top = Math.min(known.top, top);
      known.left = Math.min(known.left, left);
    }
    const lineKey = `${page}/${block}/${par}/${line}`;
    if (lineKey !== key) {
      lines.push([]);
      blockOf.push(blockKey);
    }
    key = lineKey;
    lines[lines.length - 1]!.push(word);
  }
  const place = (i: number) => blocks.get(blockOf[i]!)!;
  return lines
    .map((line, i) => ({ line, i }))
    .sort((a, b) => {
      const [x, y] = [place(a.i), place(b.i)];
      return x.top - y.top || x.left - y.left || x.order - y.order || a.i - b.i;
    })
    .map(({ line }) => line);
}

// Hanzi, kana, CJK and full-width punctuation: Chinese sets no spaces around them, though
// tesseract puts one between every two words it finds.
const CJK =
  /[\u2e80-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef“”‘’…—·]/u;

const ALPHANUMERIC = /[\p{L}\p{N}]/u;

// A space between two words only where both sides are Latin letters or digits (2024 年 → 2024年,
// 1 . → 1., but Word 2016 stays as it is).
function spaced(before: string, word: string): boolean {
  const latin = (ch: string | undefined) => ch !== undefined && ALPHANUMERIC.test(ch) && !CJK.test(ch);
  return latin(before[before.length - 1]) && latin(word[0]);
}
