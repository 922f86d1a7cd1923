/**
 * Everything a user can be told when a notice file cannot be read, in one table so the wording
 * stays consistent between the CLI and (later) the upload page.
 */
export const READ_MESSAGES = {
  EMPTY: '文件是空的：请上传包含通知正文的 Word（.docx/.doc）、WPS、OFD、PDF 或 .txt 文件',
  TOO_LARGE: '文件太大（超过 30 MB）：请只上传通知正文，不要附带图片或附件',
  UNKNOWN_FORMAT: '无法识别的文件格式：请上传 Word（.docx/.doc）、WPS、OFD、PDF、扫描件图片或 .txt 文件',
  RTF: '暂不支持 RTF 文件：请在 Word 或 WPS 中另存为 .docx 后上传',
  ZIP_NOT_DOCX: '这是压缩包而不是 Word 文档或 OFD 文件：请解压后上传其中的通知文件',
  DOCX_BROKEN: 'Word 文档已损坏，无法读取正文：请在 Word 或 WPS 中重新另存为 .docx 后上传',
  DOCX_TOO_LARGE:
    'Word 文档解压后超过 50 MB 或文件过多，可能不是正常文档：请删除图片等附件后另存为 .docx 再上传',
  PDF_NO_TEXT: 'PDF 中既没有可提取的文字，也没有扫描图片：请重新导出 PDF，或上传 Word 文件',
  PDF_ENCRYPTED: 'PDF 已加密，无法读取：请解除密码保护后再上传，或上传 Word 文件',
  PDF_BROKEN: 'PDF 文件已损坏，无法打开：请重新导出 PDF，或上传 Word 文件',
  PDF_TOO_COMPLEX: 'PDF 文件过于复杂或已损坏，无法在限定时间和内存内读取：请重新导出 PDF，或上传 Word 文件',
  TEXT_UNDECODABLE: '无法识别文本文件的编码：请另存为 UTF-8 编码的 .txt 文件后上传',
  BINARY: '文件内容不是文字（可能是程序或已损坏的文件）：请上传 Word、WPS、OFD、PDF 或 .txt 文件',
  TOO_COMPLEX:
    '文件过于复杂，解析超出资源限制（时间或内存）：请删除图片、附件等无关内容后另存为 .docx 或 .txt 再上传',
  PARSE_FAILED: '文件无法解析：请在 Word 或 WPS 中另存为 .docx（或复制正文粘贴）后再试',
  BUSY: '解析任务繁忙，请稍后再试',
  OLE_UNREADABLE:
    '无法读取这个旧版 Word/WPS 文件（.doc/.wps）的正文，文件可能已损坏、不完整或版本过旧：请在 Word 或 WPS 中打开后另存为 .docx 再上传',
  OLE_ENCRYPTED:
    '这个 Word/WPS 文件（.doc/.wps）设置了打开密码，无法读取：请在 Word 或 WPS 中取消密码后另存为 .docx 再上传',
  OLE_NOT_WORD:
    '这是旧版 Office 文件，但不是 Word/WPS 文字文档（可能是 Excel 或 PowerPoint）：请上传通知正文',
  OFD_BROKEN: 'OFD 文件已损坏或不是有效的 OFD 版式文件，无法读取正文：请重新导出 OFD，或上传 PDF、Word 文件',
  OFD_TOO_LARGE:
    'OFD 文件解压后超过 50 MB，或页数、文件、文字过多，可能不是正常文档：请只保留通知正文后重新导出再上传',
  OFD_NO_TEXT: 'OFD 中没有可提取的文字（可能是扫描件）：请上传文字版 OFD、PDF 或 Word 文件',
  OCR_MISSING:
    '这是扫描件或图片，需要文字识别（OCR）才能读取，但服务器未安装文字识别组件（tesseract-ocr、中文语言包 tesseract-ocr-chi-sim 和 poppler-utils）：请管理员安装后重试，或上传文字版 PDF、Word 文件',
  OCR_FAILED: '扫描件文字识别失败，没有识别出文字：请上传更清晰的扫描件，或上传文字版 PDF、Word 文件',
  OCR_TOO_SLOW:
    '扫描件页数过多（超过 30 页）或图片过大，文字识别超出时间或内存限制：请只上传通知正文几页、以 200–300 dpi 扫描，或上传文字版 PDF、Word 文件',
} as const;

/** Why a notice file could not be read; one code per message above. */
export type NoticeReadErrorCode = keyof typeof READ_MESSAGES;

/** The one error readNotice throws: its message is a single Chinese line saying what to do. */
export class NoticeReadError extends Error {
  override readonly name = 'NoticeReadError';

  /** For BUSY: when to try again. */
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: NoticeReadErrorCode,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(READ_MESSAGES[code], options);
    if (options?.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** What the parser's result warns of because of where its text came from (ParseWarning codes). */
export const SOURCE_WARNINGS = {
  OCR_TEXT: (pages: number, meanConfidence: number, unsure: number) =>
    `正文由扫描件文字识别（OCR）得到（共 ${pages} 页，平均置信度 ${Math.round(meanConfidence)}%）` +
    (unsure > 0 ? `，有 ${unsure} 处识别把握不大，已在原文中标出` : '') +
    '：请对照纸质文件逐项核对要点、责任领导和责任股室后再生成草稿',
} as const;
