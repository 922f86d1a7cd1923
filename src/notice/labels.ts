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
    ['负责领导', 'leaders'],
    ['负责局领导', 'leaders'],
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
    ['负责股室', 'departments'],
    ['负责科室', 'departments'],
    ['负责部门', 'departments'],
    ['负责处室', 'departments'],
    ['责任主体', 'departments'],
    // OCR of a scan loses a line's first character now and then: 责任股室 comes out as 任股室.
    ['任股室', 'departments'],
    ['任科室', 'departments'],
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

/**
 * Reads the label that ends at the colon `colon` in `str`. Spaces and line breaks may stand before
 * the colon and between the label's characters: a PDF wraps lines mid-word (责任\n股室：).
 */
export function labelBefore(str: string, colon: number): Label | null {
  let end = colon;
  let gaps = 0;
  while (end > 0 && isGap(str[end - 1]) && gaps++ < MAX_GAP) end--;
  for (const [word, role] of LABELS) {
    const start = matchBackwards(str, end, word);
    if (start >= 0) return { role, start, valueStart: colon + 1 };
  }
  return null;
}

// A wrap leaves at most a few spaces and one line break between two characters of a label.
const MAX_GAP = 4;

function isGap(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\n';
}

/** Start of `word` ending just before `end`, allowing short gaps between its characters; -1 if absent. */
function matchBackwards(str: string, end: number, word: string): number {
  let j = end - 1;
  for (let k = word.length - 1; k >= 0; k--) {
    if (k < word.length - 1) {
      let gaps = 0;
      while (j >= 0 && isGap(str[j]) && gaps < MAX_GAP) {
        j--;
        gaps++;
      }
    }
    if (j < 0 || str[j] !== word[k]) return -1;
    j--;
  }
  return j + 1;
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
