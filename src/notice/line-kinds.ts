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
  return c.startsWith('第') && c.includes('页') && c.length <= 14 && hasDigitOrNumeral(c);
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
];

/** True for a repost-site junk line (folded). */
export function isSiteJunk(line: string): boolean {
  if (line.length > 200) return false;
  const c = compact(line);
  for (const p of JUNK_PREFIXES) if (c.startsWith(p)) return true;
  if (c.includes('访问量') || c.includes('【大中小】') || c.includes('【打印')) return true;
  if (c.length <= 16 && c.startsWith('(此件') && c.endsWith(')') && c.includes('公开')) return true;
  return c.includes('首页>') && c.length <= 80;
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
