import type { Numberer } from './read-docx-numbering.ts';
import { NoticeReadError } from './read-messages.ts';
import { scanXml, xmlAttribute } from './read-xml-scan.ts';

interface Sink {
  kind: 'w:p' | 'w:tc';
  parts: string[];
  /** w:numPr of a paragraph: its list instance and level. */
  numId?: string;
  ilvl?: number;
}

/**
 * Word nests a few dozen elements deep (tables in tables included); a part nested deeper is not a
 * document anyone wrote, and refusing it keeps the reader linear on hostile input.
 */
const MAX_DEPTH = 256;

/** Run-level elements that stand for a character; honoured only directly inside a run (w:r). */
const RUN_CHARACTERS: Record<string, string> = {
  'w:tab': '\t',
  'w:br': '\n',
  'w:cr': '\n',
  'w:noBreakHyphen': '-',
};

/**
 * Turns WordprocessingML (word/document.xml) into text: each paragraph a line, prefixed with the
 * number Word would print for it; each table cell one line (its paragraphs joined by a space), so
 * tables arrive flattened one cell per line as the parser expects.
 */
export function documentXmlToText(xml: string, numberer: Numberer = () => ''): string {
  const lines: string[] = [];
  const sinks: Sink[] = [];
  const parents: string[] = [];
  let inText = false;
  let numPrDepth = 0; // inside w:numPr (a counter, not a search of the stack, so deep input stays linear)
  let skipDepth = 0; // inside mc:Fallback, which repeats a text box already read from mc:Choice
  let sawBody = false;

  const top = () => sinks[sinks.length - 1];
  const append = (s: string) => {
    if (skipDepth === 0) top()?.parts.push(s);
  };
  const emit = (line: string) => {
    const sink = top();
    if (sink?.kind === 'w:tc') sink.parts.push(line);
    else lines.push(line);
  };
  const closeSink = () => {
    const sink = sinks.pop()!;
    if (sink.kind === 'w:tc') return emit(joinCell(sink.parts));
    const label = sink.numId === undefined ? '' : numberer(sink.numId, sink.ilvl ?? 0);
    emit(label + sink.parts.join(''));
  };

  scanXml(xml, {
    open(name, tag, selfClosing) {
      const parent = parents[parents.length - 1];
      if (parents.length >= MAX_DEPTH) throw new NoticeReadError('DOCX_BROKEN');
      if (name === 'w:body') sawBody = true;
      const char = RUN_CHARACTERS[name];
      if (char !== undefined && parent === 'w:r') append(char);
      if (skipDepth === 0 && numPrDepth > 0) readNumPr(top(), name, tag);
      if (name === 'w:numPr' && !selfClosing) numPrDepth++;
      if (name === 'mc:Fallback') skipDepth++;
      if ((name === 'w:p' || name === 'w:tc') && skipDepth === 0) {
        sinks.push({ kind: name, parts: [] });
        if (selfClosing) closeSink();
      }
      if (name === 'w:t') inText = !selfClosing;
      if (!selfClosing) parents.push(name);
      if (selfClosing && name === 'mc:Fallback') skipDepth--;
    },
    close(name) {
      parents.pop();
      if (name === 'w:numPr') numPrDepth--;
      if (name === 'w:t') inText = false;
      else if (name === 'mc:Fallback') skipDepth--;
      else if ((name === 'w:p' || name === 'w:tc') && skipDepth === 0) closeSink();
    },
    text(text) {
      if (inText) append(text);
    },
  });
  if (!sawBody) throw new NoticeReadError('DOCX_BROKEN');
  return lines.join('\n');
}

function readNumPr(sink: Sink | undefined, name: string, tag: string): void {
  if (sink?.kind !== 'w:p') return;
  const val = xmlAttribute(tag, 'w:val');
  if (name === 'w:numId' && val !== null) sink.numId = val;
  else if (name === 'w:ilvl' && val !== null) sink.ilvl = Number(val) || 0;
}

// A cell must stay one line: its paragraphs and line breaks become single spaces.
function joinCell(paragraphs: string[]): string {
  return paragraphs
    .map((p) => p.replace(/\n/g, ' ').trim())
    .filter((p) => p !== '')
    .join(' ');
}
