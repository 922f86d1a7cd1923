import { NoticeReadError } from './read-messages.ts';
import { foldRadicals } from './read-radicals.ts';
import type { NoticeRead } from './read-result.ts';

/** The parts of a pdf.js text item the line builder needs. */
export interface PositionedText {
  str: string;
  transform: number[];
  height: number;
  hasEOL: boolean;
}

/**
 * Extracts a PDF's text layer (empty for a scan, which the caller sends to OCR), one line per printed line and a blank line between pages, then
 * NFKC-normalises it, because PDF fonts often map hanzi to look-alike CJK radicals (⼯ for 工),
 * and folds the radical look-alikes NFKC does not cover (⻓ for 长). pdf.js runs right here: an
 * uploaded PDF is only ever read inside the parse sandbox (sandbox/run-in-child.ts), a child
 * process whose time and memory the operating system bounds.
 */
export async function readPdf(bytes: Uint8Array): Promise<NoticeRead> {
  const answer = await readPages(bytes);
  if ('failure' in answer)
    throw new NoticeReadError(answer.failure === 'encrypted' ? 'PDF_ENCRYPTED' : 'PDF_BROKEN');
  const text = foldRadicals(answer.pages.map(pageText).join('\n\n').normalize('NFKC'));
  return { text, source: { format: 'pdf', reader: 'pdf.js', pages: answer.pages.length } };
}

type Pages = { pages: PositionedText[][] } | { failure: 'encrypted' | 'broken' };

async function readPages(bytes: Uint8Array): Promise<Pages> {
  // Loaded on first use: pdf.js is large and most notices are .docx.
  const { getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given, so it gets a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (cause) {
    if (cause instanceof RangeError) throw cause;
    return { failure: cause instanceof Error && cause.name === 'PasswordException' ? 'encrypted' : 'broken' };
  }
  try {
    const pages: PositionedText[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: PositionedText[] = [];
      for (const item of content.items) {
        if ('str' in item)
          items.push({ str: item.str, transform: item.transform, height: item.height, hasEOL: item.hasEOL });
      }
      pages.push(items);
      page.cleanup();
    }
    return { pages };
  } catch (cause) {
    if (cause instanceof RangeError) throw cause;
    return { failure: 'broken' };
  } finally {
    await pdf.destroy();
  }
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
