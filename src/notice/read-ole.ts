import { NoticeReadError } from './read-messages.ts';
import { openCompoundFile } from './read-ole-cfb.ts';
import { writtenByKingsoft } from './read-ole-kingsoft.ts';
import { convertToTextWithLibreOffice, findLibreOffice } from './read-ole-libreoffice.ts';
import { extractWordBody, readFib, type WordBody } from './read-ole-word.ts';
import type { NoticeRead } from './read-result.ts';

/**
 * Reads a Word 97–2003 .doc or Kingsoft WPS .wps notice (an OLE compound file with a WordDocument
 * stream; 'wps' when WPS wrote it). The text comes from word-extractor (pure JavaScript, fast);
 * LibreOffice, when installed, takes over for what word-extractor cannot give: a file it fails on
 * or finds empty, a Word 6/95 file, and automatic list numbering (一、 1. typed by Word, not in the
 * text). Throws OLE_NOT_WORD for Excel/PowerPoint files, OLE_ENCRYPTED for password-protected ones,
 * OLE_UNREADABLE for damaged or truncated ones and EMPTY for a document without text.
 */
export async function readOle(bytes: Uint8Array): Promise<NoticeRead> {
  const file = openCompoundFile(bytes);
  const wordDocument = file.stream('WordDocument');
  if (!wordDocument) throw new NoticeReadError('OLE_NOT_WORD');
  const format = writtenByKingsoft(file) ? 'wps' : 'doc';
  const fib = readFib(wordDocument);
  if (fib.encrypted) throw new NoticeReadError('OLE_ENCRYPTED');

  let body: WordBody | undefined;
  let failure: unknown;
  if (fib.word97) {
    try {
      body = await extractWordBody(file, wordDocument, fib);
    } catch (error) {
      failure = error;
    }
  }
  const hasText = body !== undefined && body.text.trim() !== '' && !looksGarbled(body.text);
  if (body && hasText && !body.numbered)
    return { text: body.text, source: { format, reader: 'word-extractor' } };

  const soffice = findLibreOffice();
  const converted = soffice ? await convertToTextWithLibreOffice(soffice, bytes) : undefined;
  if (converted !== undefined && converted.trim() !== '' && !looksGarbled(converted))
    return { text: converted, source: { format, reader: 'libreoffice' } };
  // Without LibreOffice a numbered notice is still read, only without Word's automatic numbers.
  if (body && hasText) return { text: body.text, source: { format, reader: 'word-extractor' } };
  // Read without trouble and still empty: a document with no text (or only pictures).
  if (body && body.text.trim() === '') throw new NoticeReadError('EMPTY');
  throw new NoticeReadError('OLE_UNREADABLE', { cause: failure });
}

// Given a Word file whose piece table is damaged, either reader may take UTF-16 bytes for 8-bit text
// and return mojibake (Latin-1 letters where Chinese should be). A notice is Chinese: such text is refused.
function looksGarbled(text: string): boolean {
  const visible = text.replace(/\s/g, '');
  const latin = visible.match(/[\u0080-\u024f\ufffd]/g)?.length ?? 0;
  return latin > visible.length * 0.1;
}
