import { findDate, parseDateValue } from './dates.ts';
import { isIdeograph } from './fold.ts';
import type { SiteMeta } from './line-kinds.ts';
import { splitNames } from './names.ts';
import type { Segment } from './segments.ts';
import { type Clean, cleanRange, makeView } from './view.ts';

/** The covering notice's metadata. */
export interface FrontMatter {
  issuer: string | null;
  docNumber: string | null;
  noticeTitle: string | null;
  issuedOn: string | null;
  addressees: string[];
}

const DOC_NUMBER = /[〔[【(]((?:19|20)\d\d)[〕\]】)]\d{1,4}号/;

/** Reads issuer, document number, notice title, issue date and addressees from the lines before the plan. */
export function readFrontMatter(
  text: string,
  folded: string,
  front: readonly Segment[],
  closing: readonly Segment[],
  site: SiteMeta,
): FrontMatter {
  const lines = front.map((seg) => cleanRange(text, folded, seg));
  const result: FrontMatter = {
    issuer: null,
    docNumber: null,
    noticeTitle: null,
    issuedOn: null,
    addressees: [],
  };
  let headerIssuer: string | null = null;
  let titleAt = -1;
  lines.forEach((line, i) => {
    if (line.folded.length > 300) return;
    if (result.docNumber === null) result.docNumber = docNumberIn(line);
    if (
      headerIssuer === null &&
      line.folded.endsWith('文件') &&
      line.folded.length > 2 &&
      line.folded.length <= 30
    ) {
      headerIssuer = line.text.slice(0, -2);
    }
    if (titleAt < 0 && line.folded.includes('关于') && line.folded.includes('通知')) {
      titleAt = i;
      result.noticeTitle = noticeTitleIn(line);
    }
  });
  const signed = signature(lines);
  const closed = signature(closing.map((seg) => cleanRange(text, folded, seg)));
  const prefix = result.noticeTitle?.slice(0, Math.max(0, result.noticeTitle.indexOf('关于'))) ?? '';
  result.issuer =
    headerIssuer ??
    signed.issuer ??
    site.issuer ??
    (prefix.length >= 2 ? prefix : null) ??
    closed.issuer ??
    null;
  const siteDate = site.issuedOn === undefined ? null : parseDateValue(site.issuedOn);
  result.issuedOn = siteDate ?? signed.date ?? anyDate(lines) ?? closed.date ?? null;
  if (result.docNumber === null && site.docNumber !== undefined) result.docNumber = site.docNumber;
  result.addressees = addresseesIn(text, folded, front, lines, Math.max(0, titleAt));
  return result;
}

function docNumberIn(line: Clean): string | null {
  const m = DOC_NUMBER.exec(line.folded);
  if (m === null) return null;
  let s = m.index;
  while (s > 0 && m.index - s < 12 && isIdeograph(line.folded[s - 1])) s--;
  const prefix = line.folded.slice(s, m.index);
  const afterFile = prefix.lastIndexOf('文件');
  if (afterFile >= 0) s += afterFile + 2;
  return line.text.slice(s, m.index + m[0].length);
}

function noticeTitleIn(line: Clean): string {
  let start = 0;
  const num = DOC_NUMBER.exec(line.folded);
  if (num !== null && num.index < line.folded.indexOf('关于')) start = num.index + num[0].length;
  const end = line.folded.lastIndexOf('通知') + 2;
  return line.text.slice(start, Math.max(start, end));
}

/** A signature is a short line (the bureau) right above a line that is only a date. */
function signature(lines: readonly Clean[]): { issuer: string | null; date: string | null } {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const date = line.folded.length <= 20 ? findDate(line.folded) : null;
    if (date === null || line.folded.length > date.length + 2) continue;
    const above = lines[i - 1];
    const ok = above !== undefined && above.folded.length <= 30 && !/[:。,;《]/.test(above.folded);
    return { issuer: ok ? above.text : null, date: date.iso };
  }
  return { issuer: null, date: null };
}

function anyDate(lines: readonly Clean[]): string | null {
  for (const line of lines) {
    const d = findDate(line.folded);
    if (d !== null) return d.iso;
  }
  return null;
}

function addresseesIn(
  text: string,
  folded: string,
  front: readonly Segment[],
  lines: readonly Clean[],
  from: number,
): string[] {
  for (let i = from; i < lines.length; i++) {
    const f = lines[i]!.folded;
    if (f.length > 150 || !f.endsWith(':') || f.indexOf(':') !== f.length - 1) continue;
    if (/^(附件|抄送|主题词|联系人|名称|索引号)/.test(f) || /[。《]/.test(f)) continue;
    const view = makeView(text, folded, [front[i]!]);
    const colon = view.str.lastIndexOf(':');
    return splitNames(view, 0, colon < 0 ? view.str.length : colon).map((n) => n.name);
  }
  return [];
}
