import type { NoticeSource } from '../shared/parsed-notice.ts';

/**
 * What reading an uploaded notice gives: its text and where the text came from. Every reader
 * (.txt, .docx, .doc/.wps, OFD, PDF, OCR of a scan) answers in this one shape, so the parser, the
 * CLI's `duban parse --json` and the import wizard treat every format alike.
 */
export interface NoticeRead {
  text: string;
  source: NoticeSource;
}
