import type { Candidate } from './indicators-candidate.ts';
import { type CompactBody, wordBefore, wordMatcher } from './indicators-text.ts';

// 举办/举行/召开 name a happening whatever follows; 开展/组织/参加/承办 are everyday verbs (开展…活动 is
// in every paragraph), so after them only a named happening counts: one whose words end in a head
// below (运动会, 艺术节, …竞赛, 评比, 论坛). Plain 培训 and 活动 are not heads: too vague to track.
const strongAt = wordMatcher(['举办', '举行', '召开']);
const weakAt = wordMatcher(['开展', '组织', '参加', '参与', '主办', '承办']);
const HEADS = (
  '大会 运动会 研讨会 推进会 讲评会 分享会 座谈会 现场会 表彰会 交流会 观摩会 展示会 博览会 总结会 部署会 ' +
  '调度会 培训会 报告会 演讲会 联欢会 动员会 发布会 论证会 分析会 家长会 见面会 招聘会 推介会 年会 晚会 ' +
  '游园会 读书会 音乐会 洽谈会 誓师会 艺术节 科技节 文化节 读书节 体育节 音乐节 戏剧节 合唱节 英语节 数学节 ' +
  '阅读节 美食节 电影节 赛 评比 评选 论坛 展演 汇演 会演 展览 培训班 夏令营 典礼 开放日 嘉年华'
).split(' ');
// Heads by their last character, so judging an element costs a handful of comparisons.
const HEADS_BY_LAST = new Map<string, string[]>();
for (const head of HEADS) {
  const last = head.at(-1) as string;
  HEADS_BY_LAST.set(last, [...(HEADS_BY_LAST.get(last) ?? []), head]);
}
const TAIL_MARKS = new Set(['等', '”', '’', '」', '』', '"', "'"]);
const CLAUSE_LIMIT = 80;
const ENUMERATION_COMMA = 0x3001; // 、

/** One element of a list (split at 、 and clause ends), judged once for every verb that reaches it. */
interface Element {
  start: number;
  /** End with trailing 等 and closing quotes dropped. */
  end: number;
  /** Where the head (运动会, 竞赛…) starts, or -1. */
  headStart: number;
  /** Ends in 活动. */
  activity: boolean;
}

/**
 * Finds events (举办…运动会, 召开…推进会, 开展…竞赛). Each element of a list after the verb
 * (A、B等) is judged alone; after a strong verb, head-less elements join the event before them.
 */
export function findEvents(scan: CompactBody): Candidate[] {
  const { text } = scan;
  const out: Candidate[] = [];
  // Elements are built per clause, and only for clauses where a verb occurs.
  let clause = -1;
  let elements: Element[] = [];
  let e = 0;
  for (let i = 0; i < text.length; i++) {
    const strong = strongAt(text, i);
    if (!strong && !weakAt(text, i)) continue;
    if (scan.clauseOf[i] !== clause) {
      clause = scan.clauseOf[i] as number;
      elements = clauseElements(scan, clause);
      e = 0;
    }
    while (e < elements.length && (elements[e] as Element).end <= i) e++;
    const found = eventsFrom(elements, e, i, strong !== undefined);
    if (found.length === 0) continue;
    // One at a time: a clause listing thousands of events must not spread into a call's arguments.
    for (const c of found) out.push(c);
    i = (found.at(-1) as Candidate).end - 1;
  }
  return out;
}

// Weak verbs keep only headed elements (with the head-less ones leading into them: 开展田径、游泳比赛);
// strong verbs also keep a lone 活动 right after them and a trailing run of head-less elements.
function eventsFrom(elements: Element[], first: number, trigger: number, strong: boolean): Candidate[] {
  const out: Candidate[] = [];
  let pendingStart = -1; // start of a run of head-less elements, or -1
  let pendingEnd = -1;
  for (let k = first; k < elements.length; k++) {
    const el = elements[k] as Element;
    if (el.end > trigger + CLAUSE_LIMIT) break;
    const start = Math.max(el.start, trigger);
    if (el.end <= start) continue;
    if (el.headStart >= start) {
      out.push({ kind: 'event', start: pendingStart >= 0 ? pendingStart : start, end: el.end });
      pendingStart = -1;
    } else if (el.activity) {
      if (strong && start === trigger) out.push({ kind: 'event', start, end: el.end });
      pendingStart = -1;
    } else {
      if (pendingStart < 0) pendingStart = start;
      pendingEnd = el.end;
    }
  }
  if (pendingStart >= 0 && strong) out.push({ kind: 'event', start: pendingStart, end: pendingEnd });
  return out;
}

function clauseElements(scan: CompactBody, clause: number): Element[] {
  const { text } = scan;
  const clauseEnd = scan.clauseEnd[clause] as number;
  const out: Element[] = [];
  let start = scan.clauseStart[clause] as number;
  for (let j = start; j <= clauseEnd; j++) {
    if (j < clauseEnd && text.charCodeAt(j) !== ENUMERATION_COMMA) continue;
    let end = j;
    while (end > start && TAIL_MARKS.has(text[end - 1] as string)) end--;
    if (end > start) {
      const activity = wordBefore(text, end, '活动');
      const core = activity ? end - 2 : end;
      const head = HEADS_BY_LAST.get(text[core - 1] ?? '')?.find((h) => wordBefore(text, core, h));
      const headStart = head && core - head.length >= start ? core - head.length : -1;
      out.push({ start, end, headStart, activity });
    }
    start = j + 1;
  }
  return out;
}
