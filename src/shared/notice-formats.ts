import type { NoticeFormat, NoticeSource } from './parsed-notice.ts';

/** How each format a notice is read from is named to users (the CLI and the import wizard). */
export const NOTICE_FORMAT_LABELS: Record<NoticeFormat, string> = {
  txt: '文本文件（.txt）',
  docx: 'Word 文档（.docx）',
  doc: 'Word 97–2003 文档（.doc）',
  wps: 'WPS 文字文档（.wps）',
  ofd: 'OFD 版式文件（.ofd）',
  pdf: 'PDF 文件',
  scan: '扫描件（文字识别 OCR）',
};

/** One line saying what a notice was read from, e.g. "OFD 版式文件（.ofd），共 5 页". */
export function describeNoticeSource(source: NoticeSource): string {
  const pages = source.pages ? `，共 ${source.pages} 页` : '';
  const ocr = source.ocr ? `，平均置信度 ${Math.round(source.ocr.meanConfidence)}%` : '';
  return `${NOTICE_FORMAT_LABELS[source.format]}${pages}${ocr}`;
}
