// The parser's output contract lives in src/shared so the web app can read it; kept here for the parser.
export type * from '../shared/parsed-notice.ts';
