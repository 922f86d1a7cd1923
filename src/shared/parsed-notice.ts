// The parser's output (ParsedNotice), shared by the parser, the API and the web app. Types only.

/** The plan a notice describes, as the parser returns it (the JSON of `duban parse --json`). */
export interface ParsedNotice {
  /** The issuing bureau, e.g. 岳阳市云溪区教育体育局, or null when the text does not say. */
  issuer: string | null;
  /** The document number, e.g. 岳云教体〔2024〕4号. */
  docNumber: string | null;
  /** The covering notice's title, e.g. 关于印发《…》的通知 (spaces removed). */
  noticeTitle: string | null;
  /** The plan's own title, spaces inside it removed. */
  title: string;
  /** The plan year (from the title, else the issue date). */
  year: number | null;
  /** The issue date as YYYY-MM-DD. */
  issuedOn: string | null;
  /** Who the notice is addressed to. */
  addressees: string[];
  /** Text between the plan title and the first section. */
  preamble: string;
  /** The covering notice's own text (the lines above the plan title), kept so nothing is lost. */
  cover?: string;
  sections: ParsedSection[];
  warnings: ParseWarning[];
  /** Where the text came from: the file's format and, for a scan, what OCR was unsure of. Absent for pasted text. */
  source?: NoticeSource;
}

/** The formats a notice is read from, sniffed from the file's bytes. */
export type NoticeFormat = 'txt' | 'docx' | 'doc' | 'wps' | 'ofd' | 'pdf' | 'scan';

/** How a notice's text was obtained. */
export interface NoticeSource {
  format: NoticeFormat;
  /** How the text was extracted, e.g. 'word-extractor', 'libreoffice', 'tesseract'. */
  reader?: string;
  /** Pages read (PDF, OFD, scans), when the format has pages. */
  pages?: number;
  /** For text recognised by OCR: the recognition's confidence and the words it was unsure of. */
  ocr?: OcrReport;
}

/** What OCR reports about the text it recognised. */
export interface OcrReport {
  /** Mean word confidence, 0–100. */
  meanConfidence: number;
  /** Words below the confidence threshold, as offsets into the text (end exclusive). */
  lowConfidence: Array<{ start: number; end: number; confidence: number }>;
}

/** A numbered group of items (一、二、…). */
export interface ParsedSection {
  /** Ordinal, 1-based. */
  no: number;
  title: string;
  items: ParsedItem[];
  /** Text under the section heading that belongs to no item (e.g. a 总体要求 paragraph). */
  text?: string;
  source: SourceRange;
}

/** A numbered work item with its responsibility and the promises found in its text. */
export interface ParsedItem {
  /** The number as printed. */
  no: number;
  /** The item's text up to its first 。 */
  title: string;
  /** The whole text without its number and without the responsibility note, page breaks joined. */
  body: string;
  leaders: string[];
  departments: string[];
  /** Departments marked 牵头/主要责任; else the first listed. */
  leadDepartments: string[];
  indicators: ParsedIndicator[];
  /** The （一） subsection title the item sits under, when the notice has 一、 → （一） → 1. levels. */
  subsection?: string;
  /** Offsets into the original text. */
  source: SourceRange;
}

/** Indicator kinds, as in DESIGN.md. */
export type IndicatorKind =
  | 'recurring'
  | 'count'
  | 'deliverable'
  | 'event'
  | 'project'
  | 'percent'
  | 'deadline';

/** How often a recurring or counted promise repeats. */
export type IndicatorPeriod = 'week' | 'month' | 'quarter' | 'term' | 'year';

/** A measurable promise inside an item's body. */
export interface ParsedIndicator {
  kind: IndicatorKind;
  /** The words of the body that state it (body.slice(span[0], span[1])). */
  text: string;
  /** Offsets into the item's body, end exclusive. */
  span: [number, number];
  /** recurring: the period; count: the period when stated (全年 → year). */
  per?: IndicatorPeriod;
  /** count: minimum (不少于2次 → 2; 2-3个 → 2). */
  min?: number;
  /** count: maximum when stated (2-3个 → 3). */
  max?: number;
  /** deliverable: the document's name, e.g. 《中小幼学生食堂管理实施细则》 → 中小幼学生食堂管理实施细则. */
  name?: string;
  /** percent: the target value, e.g. 95. */
  value?: number;
  /** deadline (and any kind with a stated date): YYYY-MM-DD. */
  due?: string;
}

/** Start and end offsets (end exclusive) into the original text. */
export interface SourceRange {
  start: number;
  end: number;
}

/** Something the parser could not place or had to guess; shown to the user. */
export interface ParseWarning {
  code: string;
  /** Chinese explanation. */
  message: string;
  /** Offset into the original text. */
  at: number;
}
