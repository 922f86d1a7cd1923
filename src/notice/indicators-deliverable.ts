import type { Candidate } from './indicators-candidate.ts';
import { type CompactBody, firstWordAt, listEnd, wordMatcher } from './indicators-text.ts';

const triggerAt = wordMatcher('制订 制定 出台 印发 修订 编制 下发 起草 研制 编印 拟定'.split(' '));
const CHAIN_JOINTS = ['并', '和', '及', '与'];
// Words a document's name ends with.
const SUFFIXES = (
  '方案 办法 细则 制度 规划 计划 意见 清单 指南 标准 行事历 规定 通知 条例 守则 章程 手册 预案 纲要 名录 ' +
  '目录 要点 公约'
).split(' ');
const suffixAt = wordMatcher(SUFFIXES);
const TITLE_LIMIT = 60;
const NAME_LIMIT = 40;
const BOOK_GAP = 15;

/**
 * Finds documents the bureau promises to issue: 制订《…实施方案》, 制订下发云溪区师德师风建设实施方案,
 * 印发学校安全工作行事历. Only a drafting or issuing verb makes a deliverable: 贯彻落实《…意见》 and
 * 开展《宪法》学习 work with documents that exist, and 印发的《…》 / 已印发 look back at one.
 */
export function findDeliverables(scan: CompactBody): Candidate[] {
  const { text } = scan;
  const out: Candidate[] = [];
  for (let i = 0; i < text.length; i++) {
    const trigger = triggerAt(text, i);
    if (!trigger || text[i - 1] === '已' || text[i - 1] === '所') continue;
    const p = chainEnd(text, i + trigger.length);
    if (text[p] === '的') {
      i = p;
      continue;
    }
    const found = bookTitle(scan, p) ?? plainName(scan, p);
    if (!found) continue;
    out.push({ kind: 'deliverable', start: i, end: found.end, name: found.name });
    i = found.end - 1;
  }
  return out;
}

// Skips further verbs of a chain: 制订下发, 制定并印发, 研究制定出台.
function chainEnd(text: string, p: number): number {
  for (let step = 0; step < 3; step++) {
    const joint = firstWordAt(text, p, CHAIN_JOINTS) ?? '';
    const next = triggerAt(text, p + joint.length);
    if (!next) return p;
    p += joint.length + next.length;
  }
  return p;
}

// 《…》 soon after the verb, in the same list element; the name is what the brackets hold.
function bookTitle(scan: CompactBody, p: number): { end: number; name: [number, number] } | null {
  const { text } = scan;
  const stop = listEnd(scan, p, BOOK_GAP);
  let open = p;
  while (open < stop && text[open] !== '《') open++;
  if (open >= stop) return null;
  const limit = Math.min(text.length, open + TITLE_LIMIT);
  // A title may hold a comma, never a full stop or a second opening bracket.
  for (let j = open + 1; j < limit; j++) {
    if (text[j] === '》') return j > open + 1 ? { end: j + 1, name: [open + 1, j] } : null;
    if (text[j] === '《' || text[j] === '。' || text[j] === ';') return null;
  }
  return null;
}

// Words ending in a document word (方案, 办法, 行事历…) before the list element ends; the last wins.
function plainName(scan: CompactBody, p: number): { end: number; name: [number, number] } | null {
  const { text } = scan;
  const stop = listEnd(scan, p, NAME_LIMIT);
  let end = -1;
  for (let j = p; j < stop; j++) {
    const suffix = suffixAt(text, j);
    if (suffix && j + suffix.length <= stop) end = j + suffix.length;
  }
  return end > p ? { end, name: [p, end] } : null;
}
