import { isDigit, isSpace } from './fold.ts';

/** Removes whitespace from a short folded string (for keyword checks on one line). */
export function compact(folded: string): string {
  let out = '';
  for (const ch of folded) if (!isSpace(ch)) out += ch;
  return out;
}

/** True for a page footer line such as "- 1 -", "— 2 —", "－3－" or "第 3 页 共 9 页" (folded). */
export function isFooter(line: string): boolean {
  if (line.length > 40) return false;
  const c = compact(line);
  if (c.length === 0) return false;
  let i = 0;
  while (i < c.length && (c[i] === '-' || c[i] === '~')) i++;
  const dashesBefore = i;
  const digitsStart = i;
  while (i < c.length && isDigit(c[i])) i++;
  const digits = i - digitsStart;
  let dashesAfter = 0;
  while (i < c.length && (c[i] === '-' || c[i] === '~')) {
    i++;
    dashesAfter++;
  }
  if (i === c.length && digits > 0 && digits <= 4 && dashesBefore > 0 && dashesAfter > 0) return true;
  if (isPageOfPages(c)) return true;
  return c.startsWith('第') && c.includes('页') && c.length <= 14 && hasDigitOrNumeral(c);
}

/** "3/8", "3 / 8", "Page 3 of 8", "3 of 8" (compacted, lower or upper case). */
function isPageOfPages(c: string): boolean {
  let i = 0;
  const lower = c.toLowerCase();
  if (lower.startsWith('page')) i = 4;
  const a = i;
  while (i < c.length && isDigit(c[i])) i++;
  if (i === a || i - a > 3) return false;
  const page = Number(c.slice(a, i));
  let sep = 0;
  if (c[i] === '/') sep = 1;
  else if (lower.startsWith('of', i)) sep = 2;
  if (sep === 0) return i === c.length && a > 0;
  i += sep;
  const b = i;
  while (i < c.length && isDigit(c[i])) i++;
  // The page is at most the count: "3/8" is a footer, "12/3" (a date) is not.
  return i === c.length && i > b && i - b <= 3 && page >= 1 && page <= Number(c.slice(b));
}

function hasDigitOrNumeral(c: string): boolean {
  for (const ch of c) if (isDigit(ch) || '一二三四五六七八九十'.includes(ch)) return true;
  return false;
}

/** True for a line that is only a number (a page number, or a table's 序号 cell). */
export function isBareNumber(line: string): boolean {
  if (line.length > 12) return false;
  const c = compact(line);
  if (c.length === 0 || c.length > 4) return false;
  for (const ch of c) if (!isDigit(ch)) return false;
  return true;
}

// Repost-site chrome: breadcrumbs, index numbers, counters, print/close links, and the 政务公开
// mark, none of which is part of the notice.
const JUNK_PREFIXES = [
  '您的位置',
  '当前位置',
  '所在位置',
  '首页>',
  '索引号',
  '发布机构',
  '主题分类',
  '发文机关',
  '发文日期',
  '成文日期',
  '发布日期',
  '生效日期',
  '公开方式',
  '公开范围',
  '公开时限',
  '来源:',
  '信息来源',
  '文章来源',
  '访问量',
  '浏览次数',
  '阅读次数',
  '点击数',
  '分享到',
  '打印本页',
  '关闭窗口',
  '【打印',
  '【关闭',
  '上一篇',
  '下一篇',
  '扫一扫',
  '字号:',
  '【字体',
  '【大中小】',
  '责任编辑',
  '发布时间',
  '名称:',
  '文号:',
  '主题词',
  '网站地图',
  '版权所有',
  '技术支持',
  '网站标识码',
  '【我要纠错】',
  '分类:',
  '体裁分类',
  '有效性',
  '字体:',
  '作者:',
  '点击:',
  '点击量',
  '日期:',
  '编辑:',
  '审核:',
  '加入收藏',
  '相关链接',
  '相关文章',
  '微信扫一扫',
];

/** True for a repost-site junk line (folded). */
export function isSiteJunk(line: string): boolean {
  if (line.length > 200) return false;
  const c = compact(line);
  for (const p of JUNK_PREFIXES) if (c.startsWith(p)) return true;
  if (c.includes('访问量') || c.includes('【大中小】') || c.includes('【打印')) return true;
  if (EDIT_MARKS.includes(c)) return true;
  if (onlyPageControls(c)) return true;
  if (c.length <= 16 && c.startsWith('(此件') && c.endsWith(')') && c.includes('公开')) return true;
  return c.includes('首页>') && c.length <= 80;
}

// The links under a reposted article (打印 | 关闭, 【收藏】【返回顶部】), with whatever separates them.
const CONTROL_WORDS = [
  '打印',
  '关闭',
  '返回',
  '顶部',
  '收藏',
  '分享',
  '本页',
  '本文',
  '窗口',
  '保存',
  '纠错',
  '我要',
];
const CONTROL_SEPARATORS = '|/【】[]()·•-';

function onlyPageControls(c: string): boolean {
  if (c.length > 24) return false;
  let i = 0;
  let words = 0;
  while (i < c.length) {
    if (CONTROL_SEPARATORS.includes(c[i]!)) {
      i++;
      continue;
    }
    const word = CONTROL_WORDS.find((w) => c.startsWith(w, i));
    if (word === undefined) return false;
    i += word.length;
    words++;
  }
  return words > 0;
}

/** Metadata a repost site prints as "key:value" pairs (folded keys). */
export interface SiteMeta {
  issuer?: string;
  issuedOn?: string;
  title?: string;
  docNumber?: string;
}

const META_KEYS: ReadonlyArray<[string, keyof SiteMeta]> = [
  ['发布机构', 'issuer'],
  ['发文机关', 'issuer'],
  ['发文日期', 'issuedOn'],
  ['成文日期', 'issuedOn'],
  ['名称', 'title'],
  ['标题', 'title'],
  ['文号', 'docNumber'],
];

/** Reads "发布机构:…  发文日期:…" pairs from a junk line (folded in, original out). */
export function readSiteMeta(lineText: string, lineFolded: string, meta: SiteMeta): void {
  for (const [key, field] of META_KEYS) {
    let at = lineFolded.indexOf(`${key}:`);
    if (at < 0) continue;
    at += key.length + 1;
    while (at < lineFolded.length && lineFolded[at] === ' ') at++;
    let end = at;
    while (end < lineFolded.length && !isSpace(lineFolded[end])) end++;
    const value = lineText.slice(at, end);
    if (value.length > 0 && meta[field] === undefined) meta[field] = value;
  }
}

// A wiki copy ends each heading with its edit link: 一、加强党的建设[编辑].
const EDIT_MARKS = ['[编辑]', '[编辑源代码]', '[编辑源码]', '[修改]', '[edit]'];

/** End of a heading's words before a trailing wiki edit link (folded text); `end` when there is none. */
export function beforeEditMark(folded: string, start: number, end: number): number {
  let e = end;
  while (e > start && folded[e - 1] === ' ') e--;
  for (const mark of EDIT_MARKS) {
    if (e - start >= mark.length && folded.startsWith(mark, e - mark.length)) {
      e -= mark.length;
      while (e > start && folded[e - 1] === ' ') e--;
      return e;
    }
  }
  return end;
}
