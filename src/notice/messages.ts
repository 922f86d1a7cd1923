/** Every warning the parser can give, with the Chinese message shown to the supervisor. */
export const WARNINGS = {
  'parser-failed': () => '解析过程中出现意外错误，结果可能不完整，请核对原文。',
  'no-title': () => '没有找到工作要点的标题，请在确认时补上。',
  'no-items': () => '没有找到编号的工作要点（如“1.”“（一）”），请检查原文格式。',
  'no-sections': () => '没有找到“一、”形式的部分标题，所有要点已归入同一部分。',
  'heading-level-guess': (items: string, other: string) =>
    `同时出现“${items}”和“${other}”两级编号，已按“${items}”识别要点，“${other}”留在要点正文中，请核对。`,
  'glued-headings': (count: number) =>
    `有${count}处编号紧接在上一段文字之后（没有换行），已按编号的连续性拆分为部分和要点，请核对。`,
  'glued-number-guess': (no: number, text: string) =>
    `“${text}”既可能是数字，也可能是第${no}条要点的编号；因编号连续，已作为第${no}条要点，请核对。`,
  'wrapped-number': (no: number, text: string) =>
    `第${no}条要点中有一行以“${text}”开头，但编号不连续且上一行没有结束，已作为该要点正文的续行，请核对。`,
  'section-numbering': (prev: number, no: number) => `部分编号不连续：第${prev}部分之后是第${no}部分。`,
  'numbering-skip': (prev: number | null, no: number) =>
    prev === null ? `要点编号从${no}开始，不是从1开始。` : `要点编号从${prev}跳到${no}，中间缺少要点。`,
  'numbering-duplicate': (no: number) => `要点编号${no}重复出现。`,
  'numbering-backwards': (prev: number, no: number) =>
    `编号“${no}.”小于前一条要点的编号${prev}，已作为第${prev}条要点的正文，请核对。`,
  'item-without-responsibility': (no: number) => `第${no}条要点没有找到责任领导或责任单位。`,
  'note-unclosed': (no: number) => `第${no}条要点的责任说明缺少右括号，已读到要点末尾。`,
  'note-unreadable': (no: number) => `第${no}条要点的责任说明中有未能读出名单的部分，请核对。`,
  'text-after-note': (no: number, snippet: string) =>
    `第${no}条要点的责任说明之后还有文字，未计入正文：“${snippet}”。`,
  'text-outside-items': (section: number, snippet: string) =>
    `第${section}部分中有不属于任何要点的文字，已作为该部分说明保留：“${snippet}”。`,
  'text-outside-plan': (snippet: string) => `文末有不属于任何要点的文字（署名、抄送等）：“${snippet}”。`,
  'table-cells-missing': (no: number) => `表格第${no}行的单元格少于表头列数，责任单位可能错位，请核对。`,
  'site-junk-skipped': (count: number) => `已忽略${count}行网页转载信息（栏目路径、索引号、访问量等）。`,
  'indicator-failed': (no: number) => `第${no}条要点的指标识别失败，请手工补充指标。`,
  'name-unsure': (no: number, written: string, reading: string) =>
    `第${no}条要点的责任领导“${written}”中人名之间没有分隔，已按“${reading}”读取，可能拆分有误，请核对。`,
  'table-cell-inherited': (no: number, column: string) =>
    `表格第${no}行的“${column}”单元格为空，已按合并单元格沿用上一行的内容，请核对。`,
} as const;

/** A warning code. */
export type WarningCode = keyof typeof WARNINGS;

/** Shortens a piece of text for quoting in a warning. */
export function snippet(text: string): string {
  const flat = text.slice(0, 200).replace(/\s+/g, ' ').trim();
  return flat.length > 30 ? `${flat.slice(0, 30)}…` : flat;
}
