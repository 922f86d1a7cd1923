import { NoticeReadError } from './read-messages.ts';
import { scanXml } from './read-xml-scan.ts';

/** Callbacks for scanOfdXml: element names arrive without their namespace prefix (ofd:Page → Page). */
export interface OfdXmlHandler {
  open(name: string, tag: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

/**
 * OFD producers nest a handful of elements (Page › Content › Layer › PageBlock › TextObject ›
 * TextCode); a part nested deeper is not a document anyone wrote, and refusing it keeps the
 * reader linear on hostile input.
 */
const MAX_DEPTH = 256;

/**
 * Walks one XML part of an OFD package in a single linear pass. Producers differ in the prefix
 * they bind the OFD namespace to (ofd:, none, another), so handlers see local names only.
 * Malformed XML is OFD_BROKEN.
 */
export function scanOfdXml(xml: string, handler: OfdXmlHandler): void {
  let depth = 0;
  try {
    scanXml(xml, {
      open(name, tag, selfClosing) {
        if (depth >= MAX_DEPTH) throw new NoticeReadError('OFD_BROKEN');
        if (!selfClosing) depth++;
        handler.open(localName(name), tag, selfClosing);
      },
      close(name) {
        depth--;
        handler.close(localName(name));
      },
      text: handler.text,
    });
  } catch (cause) {
    // The scanner is shared with the .docx reader and names its own format; here the file is an OFD.
    if (cause instanceof NoticeReadError && cause.code === 'DOCX_BROKEN')
      throw new NoticeReadError('OFD_BROKEN', { cause });
    throw cause;
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Decodes an XML part: UTF-8 as the standard asks, but a byte-order mark or an XML declaration
 * naming GB2312/GBK/GB18030 (written by some older Chinese producers) is honoured.
 */
export function decodeOfdXml(bytes: Uint8Array): string {
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  else if (declaresGb(bytes)) encoding = 'gb18030';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new NoticeReadError('OFD_BROKEN', { cause });
  }
}

function declaresGb(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  if (!head.startsWith('<?xml')) return false;
  const declaration = head.slice(0, head.indexOf('?>') + 1);
  return /encoding\s*=\s*["'](gb2312|gbk|gb18030)["']/i.test(declaration);
}
