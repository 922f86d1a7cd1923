/** What a responsibility label introduces. */
export type LabelRole = 'leaders' | 'lead' | 'departments' | 'co';

// Folded (simplified, half-width) labels; longest first so 牵头责任单位 wins over 责任单位.
const LABELS: ReadonlyArray<[string, LabelRole]> = (
  [
    ['责任领导', 'leaders'],
    ['分管领导', 'leaders'],
    ['牵头领导', 'leaders'],
    ['联系领导', 'leaders'],
    ['包保领导', 'leaders'],
    ['责任局领导', 'leaders'],
    ['分管局领导', 'leaders'],
    ['牵头局领导', 'leaders'],
    ['局领导', 'leaders'],
    ['责任人', 'leaders'],
    ['牵头单位', 'lead'],
    ['牵头科室', 'lead'],
    ['牵头股室', 'lead'],
    ['牵头部门', 'lead'],
    ['牵头处室', 'lead'],
    ['牵头责任单位', 'lead'],
    ['牵头责任部门', 'lead'],
    ['主要责任单位', 'lead'],
    ['主要责任部门', 'lead'],
    ['主责单位', 'lead'],
    ['主责科室', 'lead'],
    ['主责股室', 'lead'],
    ['主办单位', 'lead'],
    ['牵头', 'lead'],
    ['责任单位', 'departments'],
    ['责任股室', 'departments'],
    ['责任科室', 'departments'],
    ['责任部门', 'departments'],
    ['责任处室', 'departments'],
    ['责任股', 'departments'],
    ['承办单位', 'departments'],
    ['实施单位', 'departments'],
    ['负责单位', 'departments'],
    ['责任主体', 'departments'],
    ['配合单位', 'co'],
    ['配合科室', 'co'],
    ['配合股室', 'co'],
    ['配合部门', 'co'],
    ['配合处室', 'co'],
    ['协同单位', 'co'],
    ['协同部门', 'co'],
    ['协同配合单位', 'co'],
    ['协办单位', 'co'],
    ['协助单位', 'co'],
    ['参与单位', 'co'],
    ['配合', 'co'],
  ] as Array<[string, LabelRole]>
).sort((a, b) => b[0].length - a[0].length);

/** A responsibility label ending just before a colon. */
export interface Label {
  role: LabelRole;
  /** View offset of the label's first character. */
  start: number;
  /** View offset just after the colon. */
  valueStart: number;
}

/** Reads the label that ends at the colon `colon` in `str` (spaces allowed before the colon). */
export function labelBefore(str: string, colon: number): Label | null {
  let end = colon;
  while (end > 0 && str[end - 1] === ' ') end--;
  for (const [word, role] of LABELS) {
    const start = end - word.length;
    if (start >= 0 && str.startsWith(word, start)) return { role, start, valueStart: colon + 1 };
  }
  return null;
}

/** Role of a table header cell (folded, spaces removed), or null when it holds something else. */
export function headerRole(cell: string): LabelRole | 'task' | 'number' | 'other' {
  if (cell === '序号' || cell === '编号') return 'number';
  if (cell.includes('领导') || cell.includes('责任人')) return 'leaders';
  if (cell.includes('牵头') || cell.includes('主要责任') || cell.includes('主责')) return 'lead';
  if (cell.includes('配合') || cell.includes('协同') || cell.includes('协办') || cell.includes('参与'))
    return 'co';
  if (/[单部科股处]/.test(cell) && /(单位|部门|科室|股室|处室)/.test(cell)) return 'departments';
  if (/(任务|内容|措施|工作|事项|目标|要点)/.test(cell)) return 'task';
  return 'other';
}
