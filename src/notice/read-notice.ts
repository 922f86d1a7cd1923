import { readDocx } from './read-docx.ts';
import { MAX_NOTICE_BYTES } from './read-limits.ts';
import { NoticeReadError } from './read-messages.ts';
import { readPdf } from './read-pdf.ts';
import { sniffFormat } from './read-sniff.ts';
import { decodeText } from './read-text.ts';

export { NoticeReadError } from './read-messages.ts';

/**
 * Returns the text of an uploaded notice (.docx, .pdf or .txt in UTF-8/UTF-16/GB18030), deciding
 * the format from the bytes; throws NoticeReadError with a Chinese message for anything else.
 * The file name is accepted for callers' convenience but never trusted: users rename files freely.
 */
export async function readNotice(bytes: Uint8Array, _fileName?: string): Promise<string> {
  if (bytes.length === 0) throw new NoticeReadError('EMPTY');
  if (bytes.length > MAX_NOTICE_BYTES) throw new NoticeReadError('TOO_LARGE');
  const format = sniffFormat(bytes);
  switch (format) {
    case 'zip':
      return nonEmpty(readDocx(bytes));
    case 'pdf':
      return readPdf(bytes);
    case 'ole':
      throw new NoticeReadError('OLD_OFFICE');
    case 'rtf':
      throw new NoticeReadError('RTF');
    case 'image':
      throw new NoticeReadError('IMAGE');
    case 'text':
      return decodeText(bytes);
  }
}

function nonEmpty(text: string): string {
  if (text.trim() === '') throw new NoticeReadError('EMPTY');
  return text;
}
