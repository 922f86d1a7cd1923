import { estimatedWidth, type GlyphBudget, Glyphs } from './read-ofd-glyphs.ts';
import { scanOfdXml } from './read-ofd-xml.ts';
import { xmlAttribute } from './read-xml-scan.ts';

/** A page's (or template page's) content: where its characters are, and the templates it is drawn on. */
export interface PageContent {
  glyphs: Glyphs;
  /** TemplateID of each Template the page names, in the order it names them. */
  templates: string[];
}

/** A text object's frame: its Boundary's origin, its CTM (a b c d e f) and its font size. */
interface TextFrame {
  left: number;
  top: number;
  ctm: number[];
  size: number;
  /** The font size as drawn: Size in object space, scaled by the CTM. */
  drawnSize: number;
  /** Where the next character goes when a TextCode gives no X or Y: after the previous one. */
  penX: number;
  penY: number;
}

interface OpenCode {
  x: number | null;
  y: number | null;
  deltaX: string | null;
  deltaY: string | null;
  parts: string[];
}

const IDENTITY = [1, 0, 0, 1, 0, 0];
/** 10.5 pt (五号) in millimetres, for a TextObject that leaves out its required Size. */
const DEFAULT_SIZE = 3.7;

/**
 * Reads a page's Content.xml: every TextObject's TextCodes (wherever they sit: layers, page
 * blocks, nested blocks), each character placed at Boundary origin + CTM · (X + ΣDeltaX,
 * Y + ΣDeltaY), the offsets of the standard's "g count value" shorthand expanded only as far
 * as there are characters, so a hostile count costs nothing.
 */
export function readPageContent(xml: string, budget: GlyphBudget): PageContent {
  const glyphs = new Glyphs(budget);
  const templates: string[] = [];
  const frames: TextFrame[] = [];
  let code: OpenCode | null = null;

  scanOfdXml(xml, {
    open(name, tag, selfClosing) {
      if (name === 'Template') {
        const id = xmlAttribute(tag, 'TemplateID');
        if (id !== null) templates.push(id.trim());
      } else if (name === 'TextObject' && !selfClosing) {
        frames.push(textFrame(tag));
      } else if (name === 'TextCode' && !selfClosing && frames.length > 0) {
        code = {
          x: numberOrNull(xmlAttribute(tag, 'X')),
          y: numberOrNull(xmlAttribute(tag, 'Y')),
          deltaX: xmlAttribute(tag, 'DeltaX'),
          deltaY: xmlAttribute(tag, 'DeltaY'),
          parts: [],
        };
      }
    },
    close(name) {
      if (name === 'TextObject') frames.pop();
      else if (name === 'TextCode' && code) {
        const frame = frames[frames.length - 1];
        if (frame) placeCode(glyphs, frame, code);
        code = null;
      }
    },
    text(text) {
      code?.parts.push(text);
    },
  });
  return { glyphs, templates };
}

function textFrame(tag: string): TextFrame {
  const boundary = numbers(xmlAttribute(tag, 'Boundary'), 4);
  const ctm = numbers(xmlAttribute(tag, 'CTM'), 6);
  const given = Number(xmlAttribute(tag, 'Size'));
  const size = Number.isFinite(given) && given > 0 ? given : DEFAULT_SIZE;
  const [a, b, c, d] = ctm.length === 6 ? ctm : IDENTITY;
  const scale = Math.sqrt(Math.abs(a! * d! - b! * c!));
  return {
    left: boundary[0] ?? 0,
    top: boundary[1] ?? 0,
    ctm: ctm.length === 6 ? ctm : IDENTITY,
    size,
    drawnSize: Number.isFinite(scale) && scale > 0 ? size * scale : size,
    penX: 0,
    penY: 0,
  };
}

function placeCode(glyphs: Glyphs, frame: TextFrame, code: OpenCode): void {
  const text = code.parts.length === 1 ? code.parts[0]! : code.parts.join('');
  if (text === '') return;
  // Offsets sit between characters; a list shorter than that leaves the rest at the font's own
  // advance (estimated, as the reader has no font metrics) and on the same baseline. (Counting
  // UTF-16 units may expand one offset per astral character too many, which is harmless.)
  const dx = offsets(code.deltaX, text.length - 1);
  const dy = offsets(code.deltaY, text.length - 1);
  const [a, b, c, d, e, f] = frame.ctm as [number, number, number, number, number, number];
  let x = code.x ?? frame.penX;
  let y = code.y ?? frame.penY;
  let i = 0;
  for (const raw of text) {
    const char = raw === '\n' || raw === '\r' || raw === '\t' ? ' ' : raw;
    const pageX = frame.left + a * x + c * y + e;
    const pageY = frame.top + b * x + d * y + f;
    if (Number.isFinite(pageX) && Number.isFinite(pageY)) glyphs.add(char, pageX, pageY, frame.drawnSize);
    x += dx[i] ?? estimatedWidth(char, frame.size);
    y += dy[i] ?? 0;
    i++;
  }
  frame.penX = x;
  frame.penY = y;
}

/**
 * Expands an ST_Array of offsets with the "g count value" shorthand (g 3 4.2 is 4.2 4.2 4.2),
 * stopping at `wanted` values; a malformed token ends the list there.
 */
export function offsets(list: string | null, wanted: number): number[] {
  const out: number[] = [];
  if (list === null || wanted <= 0) return out;
  const tokens = list.matchAll(/\S+/g);
  const next = (): number => {
    const token = tokens.next();
    return token.done ? Number.NaN : Number(token.value[0]);
  };
  while (out.length < wanted) {
    const token = tokens.next();
    if (token.done) break;
    if (token.value[0] === 'g') {
      const count = next();
      const value = next();
      if (!Number.isInteger(count) || count < 0 || !Number.isFinite(value)) break;
      for (let k = 0; k < count && out.length < wanted; k++) out.push(value);
    } else {
      const value = Number(token.value[0]);
      if (!Number.isFinite(value)) break;
      out.push(value);
    }
  }
  return out;
}

function numberOrNull(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function numbers(list: string | null, max: number): number[] {
  if (list === null) return [];
  const out: number[] = [];
  for (const match of list.matchAll(/\S+/g)) {
    if (out.length === max) break;
    const n = Number(match[0]);
    if (!Number.isFinite(n)) return [];
    out.push(n);
  }
  return out;
}
