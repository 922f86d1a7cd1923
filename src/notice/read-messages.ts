/**
 * Everything a user can be told when a notice file cannot be read, in one table so the wording
 * stays consistent between the CLI and (later) the upload page.
 */
export const READ_MESSAGES = {
  EMPTY: '文件是空的：请上传包含通知正文的 .docx、.pdf 或 .txt 文件',
  TOO_LARGE: '文件太大（超过 30 MB）：请只上传通知正文，不要附带图片或附件',
  UNKNOWN_FORMAT: '无法识别的文件格式：请上传 .docx、.pdf 或 .txt 文件（旧版 .doc 请先另存为 .docx）',
  IMAGE: '这是图片文件，无法提取文字：请上传 .docx、.pdf 或 .txt 文件',
  OLD_OFFICE: '这是旧版 Office 文件（.doc/.wps），无法读取：请在 Word 或 WPS 中另存为 .docx 后上传',
  RTF: '暂不支持 RTF 文件：请在 Word 或 WPS 中另存为 .docx 后上传',
  ZIP_NOT_DOCX: '这是压缩包而不是 Word 文档：请解压后上传其中的 .docx、.pdf 或 .txt 文件',
  DOCX_BROKEN: 'Word 文档已损坏，无法读取正文：请在 Word 或 WPS 中重新另存为 .docx 后上传',
  DOCX_TOO_LARGE:
    'Word 文档解压后超过 50 MB 或文件过多，可能不是正常文档：请删除图片等附件后另存为 .docx 再上传',
  PDF_NO_TEXT: 'PDF 中没有可提取的文字（可能是扫描件），请上传文字版 PDF 或 Word 文件',
  PDF_ENCRYPTED: 'PDF 已加密，无法读取：请解除密码保护后再上传，或上传 Word 文件',
  PDF_BROKEN: 'PDF 文件已损坏，无法打开：请重新导出 PDF，或上传 Word 文件',
  PDF_TOO_COMPLEX: 'PDF 文件过于复杂或已损坏，无法在限定时间和内存内读取：请重新导出 PDF，或上传 Word 文件',
  TEXT_UNDECODABLE: '无法识别文本文件的编码：请另存为 UTF-8 编码的 .txt 文件后上传',
  BINARY: '文件内容不是文字（可能是程序或已损坏的文件）：请上传 .docx、.pdf 或 .txt 文件',
  TOO_COMPLEX:
    '文件过于复杂，解析超出资源限制（时间或内存）：请删除图片、附件等无关内容后另存为 .docx 或 .txt 再上传',
  PARSE_FAILED: '文件无法解析：请在 Word 或 WPS 中另存为 .docx（或复制正文粘贴）后再试',
  BUSY: '解析任务繁忙，请稍后再试',
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
