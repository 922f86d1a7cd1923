/** sprmPIlfo: the list a paragraph (or a paragraph style) is numbered by; 0 means none. */
export const SPRM_LIST = 0x460b;
const NO_BASE = 0x0fff;
const PARAGRAPH_STYLE = 1;
const MAX_BASE_DEPTH = 16;

/**
 * The paragraph styles (by istd) that number their paragraphs automatically, by themselves or
 * through the style they are based on, read from the stylesheet (STSH, MS-DOC 2.9.271). A clerk's
 * "标题 1" linked to a 一、 list numbers every heading this way, with no list mark on the paragraph.
 */
export function numberedStyles(wordDocument: Uint8Array, table: Uint8Array): Set<number> {
  const numbered = new Set<number>();
  const word = new DataView(wordDocument.buffer, wordDocument.byteOffset, wordDocument.byteLength);
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const start = word.getUint32(0x00a2, true);
  const end = start + word.getUint32(0x00a6, true);
  if (end > table.length || end - start < 8) return numbered;
  const count = view.getUint16(start + 2, true);
  const baseSize = view.getUint16(start + 4, true);
  const bases = new Map<number, number>();
  const own = new Map<number, boolean>();
  let at = start + 2 + view.getUint16(start, true);
  for (let istd = 0; istd < count && at + 2 <= end; istd++) {
    const size = view.getUint16(at, true);
    const std = at + 2;
    at = std + size;
    if (size === 0 || at > end || baseSize + 2 > size) continue;
    if ((view.getUint16(std + 2, true) & 0x0f) !== PARAGRAPH_STYLE) continue;
    bases.set(istd, view.getUint16(std + 2, true) >> 4);
    // The name (a length, UTF-16 characters and a terminator), then the paragraph properties' UPX.
    const upx = std + baseSize + 2 + view.getUint16(std + baseSize, true) * 2 + 2;
    if (upx + 4 > at) continue;
    const upxEnd = Math.min(upx + 2 + view.getUint16(upx, true), at);
    const list = listOf(view, upx + 4, upxEnd);
    if (list !== undefined) own.set(istd, list);
  }
  for (const istd of bases.keys()) {
    let style = istd;
    for (let depth = 0; depth < MAX_BASE_DEPTH && style !== NO_BASE; depth++) {
      const list = own.get(style);
      if (list !== undefined) {
        if (list) numbered.add(istd);
        break;
      }
      style = bases.get(style) ?? NO_BASE;
    }
  }
  return numbered;
}

/** Whether a run of properties numbers its paragraph (true), says it is not numbered (false), or says nothing. */
export function listOf(view: DataView, from: number, to: number): boolean | undefined {
  let list: boolean | undefined;
  forEachSprm(view, from, to, (sprm, operand) => {
    if (sprm === SPRM_LIST) list = view.getUint16(operand, true) !== 0;
  });
  return list;
}

const SPRM_TABLE_DEFINITION = 0xd608;
// Operand sizes by the sprm's spra bits (MS-DOC 2.2.5.1); -1 means "length in the first byte".
const OPERAND_SIZES = [1, 1, 2, 4, 2, 2, -1, 3] as const;

/** Calls `visit` with each property (sprm) in a grpprl and the offset of its operand; stops at anything out of bounds. */
export function forEachSprm(
  view: DataView,
  from: number,
  to: number,
  visit: (sprm: number, operand: number) => void,
): void {
  let at = from;
  while (at + 2 < to) {
    const sprm = view.getUint16(at, true);
    const operand = at + 2;
    let size: number = OPERAND_SIZES[sprm >> 13]!;
    if (sprm === SPRM_TABLE_DEFINITION) size = 1 + view.getUint16(operand, true);
    else if (size < 0) size = 1 + view.getUint8(operand);
    if (operand + Math.min(size, 2) > to) return;
    visit(sprm, operand);
    at = operand + size;
  }
}
