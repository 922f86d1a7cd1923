import { NoticeReadError } from './read-messages.ts';
import { decodeXmlEntities } from './read-xml-entities.ts';

/** Callbacks for scanXml; `tag` is the raw start tag, for reading attributes with xmlAttribute. */
export interface XmlHandler {
  open(name: string, tag: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data, entities already decoded. */
  text(text: string): void;
}

/**
 * Walks an Office XML part in one linear pass, checking that tags nest; throws
 * NoticeReadError('DOCX_BROKEN') for anything malformed rather than guessing at the text.
 */
export function scanXml(xml: string, handler: XmlHandler): void {
  const open: string[] = [];
  let i = 0;
  while (i < xml.length) {
    if (xml[i] !== '<') {
      const next = xml.indexOf('<', i);
      const end = next < 0 ? xml.length : next;
      handler.text(decodeXmlEntities(xml.slice(i, end)));
      i = end;
    } else if (xml.startsWith('<!--', i)) {
      i = skipPast(xml, i, '-->');
    } else if (xml.startsWith('<![CDATA[', i)) {
      const end = skipPast(xml, i, ']]>');
      handler.text(xml.slice(i + 9, end - 3));
      i = end;
    } else if (xml.startsWith('<?', i) || xml.startsWith('<!', i)) {
      i = skipPast(xml, i, '>');
    } else {
      const end = tagEnd(xml, i);
      const closing = xml[i + 1] === '/';
      const selfClosing = xml[end - 1] === '/';
      const name = tagName(xml, closing ? i + 2 : i + 1, end);
      const tag = xml.slice(i, end + 1);
      i = end + 1;
      if (closing) {
        if (open.pop() !== name) throw broken();
        handler.close(name);
      } else {
        if (!selfClosing) open.push(name);
        handler.open(name, tag, selfClosing);
      }
    }
  }
  if (open.length > 0) throw broken();
}

/** The value of attribute `name` (e.g. 'w:val') in a raw start tag, entities decoded; null when absent. */
export function xmlAttribute(tag: string, name: string): string | null {
  for (const quote of ['"', "'"]) {
    const key = `${name}=${quote}`;
    let at = tag.indexOf(key);
    // The attribute name must start after whitespace, so w:val does not match inside xw:val.
    while (at > 0 && !/\s/.test(tag[at - 1]!)) at = tag.indexOf(key, at + 1);
    if (at > 0) {
      const start = at + key.length;
      const end = tag.indexOf(quote, start);
      if (end >= 0) return decodeXmlEntities(tag.slice(start, end));
    }
  }
  return null;
}

function broken(): NoticeReadError {
  return new NoticeReadError('DOCX_BROKEN');
}

function skipPast(xml: string, from: number, terminator: string): number {
  const at = xml.indexOf(terminator, from);
  if (at < 0) throw broken();
  return at + terminator.length;
}

// Attribute values may contain '>', so the tag ends at the first '>' outside quotes.
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let j = from + 1; j < xml.length; j++) {
    const c = xml[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j;
  }
  throw broken();
}

function tagName(xml: string, from: number, end: number): string {
  let j = from;
  while (j < end) {
    const c = xml[j];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '/') break;
    j++;
  }
  if (j === from) throw broken();
  return xml.slice(from, j);
}
