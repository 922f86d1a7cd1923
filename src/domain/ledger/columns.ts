// The ledger's columns, the one definition both the export and the import read: every column the
// import understands is written by the export under its first name, so an exported ledger is itself
// a valid decomposition file. Hand-written files may use the other names.

/** A column the decomposition import reads. */
export type ImportField = 'taskId' | 'itemNo' | 'title' | 'lead' | 'coOwners' | 'dueOn';

/** Header names recognised for each import field, the export's own name first. */
export const IMPORT_HEADERS: Record<ImportField, readonly string[]> = {
  taskId: ['任务编号', '任务ID', '任务id'],
  itemNo: ['要点序号', '要点编号', '要点号', '对应要点', '所属要点', '要点条目', '工作要点序号'],
  title: [
    '任务内容',
    '分解任务',
    '任务',
    '工作任务',
    '具体任务',
    '任务措施',
    '工作措施',
    '具体措施',
    '重点任务',
    '任务名称',
    '措施',
  ],
  lead: ['牵头单位', '牵头股室', '牵头部门', '牵头科室', '责任单位', '责任股室', '主责单位', '牵头'],
  coOwners: ['配合单位', '配合股室', '配合部门', '配合科室', '协办单位', '协助单位', '配合'],
  dueOn: ['完成时限', '完成时间', '截止时间', '截止日期', '完成期限', '时间节点', '时限要求', '时限'],
};

/** The fields a decomposition file must have a column for. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['itemNo', 'title', 'lead'];

/** A column of the exported ledger. */
export interface LedgerColumn {
  key: string;
  header: string;
  /** Width in characters; Chinese characters count double in Excel's unit. */
  width: number;
  wrap?: boolean;
}

/** The ledger's columns in order (总台账 and every unit's sheet). */
export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { key: 'rowNo', header: '序号', width: 6 },
  { key: 'taskId', header: IMPORT_HEADERS.taskId[0]!, width: 9 },
  { key: 'section', header: '部分', width: 22, wrap: true },
  { key: 'itemNo', header: IMPORT_HEADERS.itemNo[0]!, width: 9 },
  { key: 'item', header: '要点', width: 30, wrap: true },
  { key: 'title', header: IMPORT_HEADERS.title[0]!, width: 44, wrap: true },
  { key: 'lead', header: IMPORT_HEADERS.lead[0]!, width: 16, wrap: true },
  { key: 'coOwners', header: IMPORT_HEADERS.coOwners[0]!, width: 22, wrap: true },
  { key: 'leaders', header: '责任领导', width: 14, wrap: true },
  { key: 'startOn', header: '开始日期', width: 12 },
  { key: 'dueOn', header: IMPORT_HEADERS.dueOn[0]!, width: 12 },
  { key: 'indicators', header: '指标及进展', width: 50, wrap: true },
  { key: 'progress', header: '进度', width: 8 },
  { key: 'selfPercent', header: '自报进度', width: 9 },
  { key: 'light', header: '亮灯', width: 8 },
  { key: 'reason', header: '亮灯原因', width: 40, wrap: true },
  { key: 'latestReport', header: '最新填报', width: 44, wrap: true },
  { key: 'reportedOn', header: '填报日期', width: 12 },
  { key: 'reviewState', header: '审核状态', width: 10 },
  { key: 'status', header: '任务状态', width: 10 },
];

/** A header cell's text made comparable: no spaces, no punctuation around it, half-width. */
export function normaliseHeader(text: string): string {
  // "完成时限（年月日）", "* 牵头单位" and "任务内容：" all name their column.
  return text
    .normalize('NFKC')
    .replace(/\([^)]*\)|【[^】]*】|\[[^\]]*\]/g, '')
    .replace(/[\s*:]/g, '');
}

/** The import field a header names, if any. */
export function fieldOfHeader(text: string): ImportField | undefined {
  const name = normaliseHeader(text);
  if (name === '') return undefined;
  for (const [field, names] of Object.entries(IMPORT_HEADERS) as Array<[ImportField, readonly string[]]>) {
    if (names.some((n) => normaliseHeader(n) === name)) return field;
  }
  return undefined;
}
