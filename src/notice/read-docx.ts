import { type UnzipFileInfo, unzipSync } from 'fflate';
import { createNumberer } from './read-docx-numbering.ts';
import { documentXmlToText } from './read-docx-xml.ts';
import { MAX_DOCX_ENTRIES, MAX_DOCX_UNPACKED_BYTES } from './read-limits.ts';
import { NoticeReadError } from './read-messages.ts';

const DEFAULT_MAIN_PART = 'word/document.xml';
const RELS_PART = '_rels/.rels';
// Word always writes numbering here; following document.xml.rels to find it is not worth the code.
const NUMBERING_PART = 'word/numbering.xml';
const WANTED = new Set([RELS_PART, DEFAULT_MAIN_PART, NUMBERING_PART]);

/** Extracts the body text of a .docx: one line per paragraph (with Word's automatic numbers), one per table cell. */
export function readDocx(bytes: Uint8Array): string {
  const parts = unzipParts(bytes, (name) => WANTED.has(name));
  const mainPart = findMainPart(parts.get(RELS_PART));
  let xml = parts.get(mainPart);
  if (!xml && mainPart !== DEFAULT_MAIN_PART)
    xml = unzipParts(bytes, (name) => name === mainPart).get(mainPart);
  if (!xml) throw new NoticeReadError(parts.has(RELS_PART) ? 'DOCX_BROKEN' : 'ZIP_NOT_DOCX');
  const numbering = parts.get(NUMBERING_PART);
  return documentXmlToText(decodeXml(xml), createNumberer(numbering && decodeXml(numbering)));
}

// Sizes come from the zip's directory; fflate inflates into a buffer of exactly the declared size
// (never growing it), so checking declared sizes before inflating is what stops a bomb.
function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  let entries = 0;
  let unpacked = 0;
  let tooLarge = false;
  const accept = (file: UnzipFileInfo): boolean => {
    entries++;
    if (entries > MAX_DOCX_ENTRIES) tooLarge = true;
    if (tooLarge || !wanted(file.name)) return false;
    // Only what is inflated counts: images stay packed and cost nothing.
    unpacked += file.originalSize;
    if (unpacked > MAX_DOCX_UNPACKED_BYTES) tooLarge = true;
    return !tooLarge;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: accept });
  } catch (cause) {
    throw new NoticeReadError('DOCX_BROKEN', { cause });
  }
  if (tooLarge) throw new NoticeReadError('DOCX_TOO_LARGE');
  return new Map(Object.entries(files));
}

// Word always names word/document.xml, but the package relationships are what define the main part.
function findMainPart(rels: Uint8Array | undefined): string {
  if (!rels) return DEFAULT_MAIN_PART;
  const text = new TextDecoder().decode(rels);
  for (const tag of text.split('<').slice(1)) {
    if (!tag.startsWith('Relationship ') || !tag.includes('/officeDocument"')) continue;
    const target = /\bTarget="([^"]*)"/.exec(tag)?.[1];
    if (target) return target.replace(/^\//, '');
  }
  return DEFAULT_MAIN_PART;
}

function decodeXml(xml: Uint8Array): string {
  try {
    // Word writes UTF-8; a UTF-16 part announces itself with a BOM.
    const utf16 = xml[0] === 0xff && xml[1] === 0xfe;
    return new TextDecoder(utf16 ? 'utf-16le' : 'utf-8', { fatal: true }).decode(xml);
  } catch (cause) {
    throw new NoticeReadError('DOCX_BROKEN', { cause });
  }
}
