import { SOURCE_WARNINGS } from './read-messages.ts';
import type { NoticeRead } from './read-result.ts';
import type { ParsedNotice } from './types.ts';

/**
 * The parse of a read notice, carrying where its text came from. Text recognised by OCR is never
 * taken on trust: a warning first among the others says so, with how sure the recognition was.
 */
export function withSource(parsed: ParsedNotice, { source }: NoticeRead): ParsedNotice {
  const ocr = source.ocr;
  if (!ocr) return { ...parsed, source };
  const warning = {
    code: 'OCR_TEXT',
    message: SOURCE_WARNINGS.OCR_TEXT(source.pages ?? 1, ocr.meanConfidence, ocr.lowConfidence.length),
    at: ocr.lowConfidence[0]?.start ?? 0,
  };
  return { ...parsed, source, warnings: [warning, ...parsed.warnings] };
}
