import { getDocumentProxy } from 'unpdf';
import { NoticeReadError } from './read-messages.ts';
import { foldRadicals } from './read-radicals.ts';

/** The parts of a pdf.js text item the line builder needs. */
interface PositionedText {
  str: string;
  transform: number[];
  height: number;
  hasEOL: boolean;
}

/**
 * Extracts a PDF's text layer, one line per printed line and a blank line between pages, then
 * NFKC-normalises it, because PDF fonts often map hanzi to look-alike CJK radicals (⼯ for 工),
 * and folds the radical look-alikes NFKC does not cover (⻓ for 长).
 */
export async function readPdf(bytes: Uint8Array): Promise<string> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given, so it gets a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (cause) {
    const encrypted = cause instanceof Error && cause.name === 'PasswordException';
    throw new NoticeReadError(encrypted ? 'PDF_ENCRYPTED' : 'PDF_BROKEN', { cause });
  }
  const pages: string[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: PositionedText[] = [];
      for (const item of content.items) if ('str' in item) items.push(item);
      pages.push(pageText(items));
      page.cleanup();
    }
  } catch (cause) {
    throw new NoticeReadError('PDF_BROKEN', { cause });
  } finally {
    await pdf.destroy();
  }
  const text = foldRadicals(pages.join('\n\n').normalize('NFKC'));
  if (text.trim() === '') throw new NoticeReadError('PDF_NO_TEXT');
  return text;
}

/** Joins a page's text items into lines, using pdf.js's end-of-line flags and, where a producer omits them, a change of baseline. */
export function pageText(items: readonly PositionedText[]): string {
  const lines: string[] = [];
  let line = '';
  let lastY: number | null = null;
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    if (line !== '' && lastY !== null && Math.abs(y - lastY) > Math.max(1, item.height / 2)) {
      lines.push(line);
      line = '';
    }
    line += item.str;
    if (item.str !== '') lastY = y;
    if (item.hasEOL) {
      lines.push(line);
      line = '';
      lastY = null;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}
