import { NoticeReadError } from '../../notice/read-messages.ts';
import { AppError, type ErrorCode } from '../errors.ts';

const CODES: Partial<Record<NoticeReadError['code'], ErrorCode>> = {
  TOO_LARGE: 'TOO_LARGE',
  DOCX_TOO_LARGE: 'TOO_LARGE',
  UNKNOWN_FORMAT: 'UNSUPPORTED_TYPE',
  OLE_NOT_WORD: 'UNSUPPORTED_TYPE',
  OFD_TOO_LARGE: 'TOO_LARGE',
  OCR_MISSING: 'UNSUPPORTED_TYPE',
  OCR_TOO_SLOW: 'TOO_LARGE',
  RTF: 'UNSUPPORTED_TYPE',
  ZIP_NOT_DOCX: 'UNSUPPORTED_TYPE',
  BINARY: 'UNSUPPORTED_TYPE',
  BUSY: 'RATE_LIMITED',
  TOO_COMPLEX: 'TOO_LARGE',
  PDF_TOO_COMPLEX: 'TOO_LARGE',
};

/** Turns a reader's failure into the domain's AppError (keeping its Chinese message); rethrows anything else. */
export function noticeReadFailure(error: unknown): AppError {
  if (!(error instanceof NoticeReadError)) throw error;
  return new AppError(CODES[error.code] ?? 'INVALID_INPUT', error.message, { reason: error.code });
}
