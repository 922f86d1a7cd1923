import { strToU8, zipSync } from 'fflate';

/**
 * How the writer lays text out, after the producers found in the wild: 'per-character' writes one
 * TextCode per character with its own X (as converters that position every glyph do), 'per-line'
 * one TextCode per line with a DeltaX list in the "g count value" shorthand, 'split' each line as
 * up to three TextObjects written to the page in scrambled order.
 */
export type OfdStyle = 'per-character' | 'per-line' | 'split';

/** What the OFD should look like. */
export interface OfdOptions {
  style?: OfdStyle;
  /** Printed lines per page (GB/T 9704 sets 22). */
  linesPerPage?: number;
  /** Wrap each line after this many characters, as a page of fixed width would. Default: never. */
  wrapAt?: number;
  /** Text of a running footer drawn from a template page on every page. */
  footer?: string;
  /** Text drawn above the body of the first page from a template page only that page names (a letterhead). */
  letterhead?: string;
  /** Page numbers "— n —" at the foot of each page, in the page's own content. */
  pageNumbers?: boolean;
  /** Draw text through a CTM that halves and shifts object coordinates (so they are written doubled). */
  ctm?: boolean;
}

/** A4 in millimetres, with the text block of GB/T 9704 (official documents). */
const PAGE = { width: 210, height: 297, left: 28, top: 37 };
/** 三号 (16 pt), the size of an official document's body text, in millimetres. */
const SIZE = 5.6444;
const LINE_PITCH = 10.2;
const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const FONT_ID = 3;
const TEMPLATE_ID = 4;
const LETTERHEAD_ID = 5;

/** The parts of an OFD (path → XML) holding `lines`, for tests that then damage one part. */
export function ofdParts(lines: readonly string[], options: OfdOptions = {}): Record<string, string> {
  const printed = options.wrapAt ? lines.flatMap((line) => wrap(line, options.wrapAt!)) : [...lines];
  const perPage = options.linesPerPage ?? 22;
  const pages: string[][] = [];
  for (let i = 0; i < printed.length; i += perPage) pages.push(printed.slice(i, i + perPage));
  const ids = { next: 10 };
  const parts: Record<string, string> = {
    'OFD.xml': ofdXml(),
    'Doc_0/PublicRes.xml': `<?xml version="1.0" encoding="UTF-8"?><ofd:Res ${NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="${FONT_ID}" FontName="仿宋_GB2312" FamilyName="仿宋_GB2312"/></ofd:Fonts></ofd:Res>`,
  };
  pages.forEach((pageLines, n) => {
    const objects = pageLines.flatMap((line, row) => lineObjects(line, baseline(row), options, ids));
    if (options.pageNumbers) objects.push(centred(`— ${n + 1} —`, PAGE.height - 18, ids));
    const ordered = options.style === 'split' ? scramble(objects) : objects;
    const templates = [
      ...(options.footer !== undefined ? [TEMPLATE_ID] : []),
      ...(options.letterhead !== undefined && n === 0 ? [LETTERHEAD_ID] : []),
    ];
    parts[`Doc_0/Pages/Page_${n}/Content.xml`] = pageXml(ordered, templates, ids);
  });
  const templates: Array<[number, string]> = [];
  if (options.footer !== undefined) {
    templates.push([TEMPLATE_ID, 'Tpls/Tpl_0/Content.xml']);
    parts['Doc_0/Tpls/Tpl_0/Content.xml'] = pageXml(
      [centred(options.footer, PAGE.height - 10, ids)],
      [],
      ids,
    );
  }
  if (options.letterhead !== undefined) {
    templates.push([LETTERHEAD_ID, 'Tpls/Tpl_1/Content.xml']);
    parts['Doc_0/Tpls/Tpl_1/Content.xml'] = pageXml(
      [centred(options.letterhead, PAGE.top - 8, ids)],
      [],
      ids,
    );
  }
  parts['Doc_0/Document.xml'] = documentXml(pages.length, templates, ids);
  return parts;
}

/** Builds an OFD file of `lines` (see OfdOptions for the layouts). */
export function buildOfd(lines: readonly string[], options: OfdOptions = {}): Uint8Array {
  return zipOfd(ofdParts(lines, options));
}

/** Zips OFD parts as producers do: XML deflated, OFD.xml first. */
export function zipOfd(parts: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([path, xml]) => [path, strToU8(xml)])));
}

function ofdXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody>` +
    '<ofd:DocInfo><ofd:DocID>6c3f2a1e9b7d4e0f8a5c2b1d3e4f5a6b</ofd:DocID><ofd:Title>通知</ofd:Title>' +
    '<ofd:Creator>Duban test writer</ofd:Creator><ofd:CreationDate>2024-02-22</ofd:CreationDate></ofd:DocInfo>' +
    '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>'
  );
}

function documentXml(pageCount: number, templates: Array<[number, string]>, ids: { next: number }): string {
  const pages = Array.from(
    { length: pageCount },
    (_, n) => `<ofd:Page ID="${ids.next++}" BaseLoc="Pages/Page_${n}/Content.xml"/>`,
  ).join('');
  const templatePages = templates
    .map(([id, loc]) => `<ofd:TemplatePage ID="${id}" BaseLoc="${loc}" ZOrder="Background"/>`)
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${NS}><ofd:CommonData>` +
    `<ofd:MaxUnitID>${ids.next}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 ${PAGE.width} ${PAGE.height}</ofd:PhysicalBox></ofd:PageArea>` +
    `<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>${templatePages}</ofd:CommonData>` +
    `<ofd:Pages>${pages}</ofd:Pages></ofd:Document>`
  );
}

function pageXml(objects: readonly string[], templates: readonly number[], ids: { next: number }): string {
  const templateRef = templates
    .map((id) => `<ofd:Template TemplateID="${id}" ZOrder="Background"/>`)
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Area><ofd:PhysicalBox>0 0 ${PAGE.width} ${PAGE.height}</ofd:PhysicalBox></ofd:Area>` +
    `${templateRef}<ofd:Content><ofd:Layer ID="${ids.next++}" Type="Body">\n${objects.join('\n')}\n</ofd:Layer></ofd:Content></ofd:Page>`
  );
}

function baseline(row: number): number {
  return PAGE.top + SIZE + row * LINE_PITCH;
}

/** The TextObjects of one printed line starting at the left margin on `y`. */
function lineObjects(line: string, y: number, options: OfdOptions, ids: { next: number }): string[] {
  const chars = Array.from(line);
  if (chars.length === 0) return [];
  if (options.style === 'split') {
    const cuts = [0, Math.ceil(chars.length / 3), Math.ceil((2 * chars.length) / 3), chars.length];
    const objects: string[] = [];
    for (let k = 0; k < 3; k++) {
      const piece = chars.slice(cuts[k], cuts[k + 1]);
      if (piece.length === 0) continue;
      const x = PAGE.left + advance(chars.slice(0, cuts[k]));
      objects.push(textObject(piece, x, y, 'list', options, ids));
    }
    return objects;
  }
  return [
    textObject(chars, PAGE.left, y, options.style === 'per-character' ? 'each' : 'shorthand', options, ids),
  ];
}

function centred(text: string, y: number, ids: { next: number }): string {
  const chars = Array.from(text);
  return textObject(chars, (PAGE.width - advance(chars)) / 2, y, 'shorthand', {}, ids);
}

/**
 * One TextObject whose Boundary's top-left is one font size above the baseline at `x`; its
 * TextCodes place each character by `positions`: 'each' a TextCode per character (Y on the first
 * only: later ones continue on its baseline), 'shorthand' one TextCode with a "g" DeltaX, 'list'
 * one TextCode with every offset spelled out.
 */
function textObject(
  chars: readonly string[],
  x: number,
  y: number,
  positions: 'each' | 'shorthand' | 'list',
  options: OfdOptions,
  ids: { next: number },
): string {
  // With a CTM of 0.5 0 0 0.5 3 -2, object coordinates are written doubled and shifted back.
  const scale = options.ctm ? 2 : 1;
  const ctm = options.ctm ? ' CTM="0.5 0 0 0.5 3 -2"' : '';
  const left = options.ctm ? x - 3 : x;
  const top = options.ctm ? y - SIZE + 2 : y - SIZE;
  const width = advance(chars);
  const boundary = `${num(left)} ${num(top)} ${num(width)} ${num(SIZE * 1.3)}`;
  const widths = chars.map((c) => charWidth(c) * scale);
  let codes: string;
  if (positions === 'each') {
    let at = 0;
    codes = chars
      .map((c, i) => {
        const code = `<ofd:TextCode X="${num(at)}"${i === 0 ? ` Y="${num(SIZE * scale)}"` : ''}>${escapeXml(c)}</ofd:TextCode>`;
        at += widths[i]!;
        return code;
      })
      .join('');
  } else {
    const deltas = widths.slice(0, -1);
    const deltaX = positions === 'shorthand' ? shorthand(deltas) : deltas.map(num).join(' ');
    const attribute = deltaX === '' ? '' : ` DeltaX="${deltaX}"`;
    codes = `<ofd:TextCode X="0" Y="${num(SIZE * scale)}"${attribute}>${escapeXml(chars.join(''))}</ofd:TextCode>`;
  }
  return (
    `<ofd:TextObject ID="${ids.next++}" Boundary="${boundary}"${ctm} Font="${FONT_ID}" Size="${num(SIZE * scale)}">` +
    `<ofd:FillColor Value="0 0 0"/>${codes}</ofd:TextObject>`
  );
}

/** Offsets with runs of one value written "g count value", as most producers write them. */
function shorthand(deltas: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < deltas.length; ) {
    let j = i;
    while (j < deltas.length && deltas[j] === deltas[i]) j++;
    out.push(j - i > 1 ? `g ${j - i} ${num(deltas[i]!)}` : num(deltas[i]!));
    i = j;
  }
  return out.join(' ');
}

function charWidth(char: string): number {
  return (char.codePointAt(0) ?? 0) < 0x2e80 ? SIZE / 2 : SIZE;
}

function advance(chars: readonly string[]): number {
  return chars.reduce((sum, c) => sum + charWidth(c), 0);
}

function wrap(line: string, width: number): string[] {
  const chars = Array.from(line);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out;
}

/** Every third object first, then the rest: a fixed shuffle, so a test failure reproduces. */
function scramble<T>(items: readonly T[]): T[] {
  const out: T[] = [];
  for (let phase = 2; phase >= 0; phase--) for (let i = phase; i < items.length; i += 3) out.push(items[i]!);
  return out;
}

function num(n: number): string {
  return Number(n.toFixed(4)).toString();
}

// Characters XML forbids raw are escaped; "“" and "”" are written as character references, as
// some producers do, so the reader's entity decoding is exercised on real text.
function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/“/g, '&#x201C;')
    .replace(/”/g, '&#8221;');
}
