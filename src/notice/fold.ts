/**
 * The folded copy: a same-length twin of the notice used only for matching. Every change is a
 * 1:1 code-unit substitution, so an offset found in the folded copy is valid in the original.
 */

// Traditional forms of the characters the parser looks for (labels, metadata keys), folded to
// simplified so 責任領導 matches 责任领导; names are still reported as written.
const TRADITIONAL =
  '責領導單門協負並總辦處關於發點計劃機構來訪問覽瀏頁號務時間頭牽參與聯繫係區縣體組織開級實現「」續會議達編輯';
const SIMPLIFIED =
  '责领导单门协负并总办处关于发点计划机构来访问览浏页号务时间头牵参与联系系区县体组织开级实现“”续会议达编辑';

const FOLD_TABLE = buildTable();

// A flat code-unit table (0 = unchanged): a Map lookup per CJK character was the parser's hot spot.
function buildTable(): Uint16Array {
  const map = new Map<number, number>();
  fillTable(map);
  const table = new Uint16Array(0x10000);
  for (const [from, to] of map) table[from] = to;
  return table;
}

function fillTable(table: Map<number, number>): void {
  for (let i = 0; i < TRADITIONAL.length; i++) table.set(TRADITIONAL.charCodeAt(i), SIMPLIFIED.charCodeAt(i));
  // Dashes of every width fold to '-' so page footers like — 2 — and －3－ read alike.
  for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x2500, 0xfe58, 0xfe63]) {
    table.set(c, 0x2d);
  }
  for (const c of [0x00a0, 0x1680, 0x202f, 0x205f, 0x3000, 0xfeff, 0x200b, 0x200c, 0x200d, 0x2060]) {
    table.set(c, 0x20);
  }
  for (let c = 0x2000; c <= 0x200a; c++) table.set(c, 0x20);
  table.set(0x2028, 0x0a);
  table.set(0x2029, 0x0a);
  table.set(0x0085, 0x0a);
  // Small and vertical presentation forms (common in copies from Taiwan and Hong Kong) and the
  // ratio colon fold to the punctuation they stand for: 責任領導︰… reads as 责任领导:….
  const forms: Array<[number, string]> = [
    [0xfe30, ':'],
    [0xfe55, ':'],
    [0x2236, ':'],
    [0xfe54, ';'],
    [0xfe50, ','],
    [0xfe51, '、'],
    [0xfe52, '.'],
    [0xfe56, '?'],
    [0xfe57, '!'],
    [0xfe59, '('],
    [0xfe5a, ')'],
    [0xfe35, '('],
    [0xfe36, ')'],
  ];
  for (const [c, to] of forms) table.set(c, to.charCodeAt(0));
  table.set(0xff61, 0x3002); // halfwidth ideographic full stop
  table.set(0xff64, 0x3001); // halfwidth ideographic comma
}

/** Returns the same-length folded copy of `text` used for matching (see the file comment). */
export function foldText(text: string): string {
  // Most characters fold to themselves: copy unchanged runs as slices rather than one by one.
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let f = c;
    if (c >= 0xff01 && c <= 0xff5e) f = c - 0xfee0;
    else if (c < 0x20) f = c === 0x0a ? 0x0a : 0x20;
    else if (c >= 0x80) {
      const mapped = FOLD_TABLE[c]!;
      if (mapped !== 0) f = mapped;
    }
    if (f !== c) {
      out += text.slice(last, i) + String.fromCharCode(f);
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

/** True for the characters the folded copy uses as whitespace (space and line break). */
export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\n';
}

/** True for a CJK ideograph (including 〇). */
export function isIdeograph(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    c === 0x3007 ||
    (c >= 0xf900 && c <= 0xfaff)
  );
}

/** True for an ASCII digit. */
export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** True for an ASCII letter. */
export function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}
