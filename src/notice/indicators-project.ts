import type { Candidate } from './indicators-candidate.ts';
import {
  type CompactBody,
  clauseAt,
  containsAny,
  positionsOf,
  wordAt,
  wordBefore,
} from './indicators-text.ts';

// Verbs of building works. 组建/共建 (forming a group or a partnership) are deliberately absent.
const BUILD_VERBS = [
  '改扩建',
  '新建',
  '扩建',
  '改建',
  '建成',
  '续建',
  '竣工',
  '开工',
  '改造',
  '维修',
  '修缮',
  '加固',
];
// A named 工程/项目 is a project only in a clause about getting it done: 实施青蓝工程 (a programme)
// and 优化艺体项目布局 are not building works.
const PROJECT_CUES = [...BUILD_VERBS, '完成', '推进', '建设'];
// What may follow 工程/项目 at the end of a project's name: the clause's end or a list joint.
const NAME_FOLLOWERS = new Set(['、', '和', '及', '与', '并', '等']);
const QUOTES = new Set(['”', '’', '」', '』', '"', "'", '》']);
const JOINTS = ['以及', '、', '和', '及', '与'];
const LOOK_BACK = 40;
const MIN_NAME = 4;

/** True when the clause [from, to) speaks of building (新建, 改扩建, 改造…). */
export function isBuildClause(text: string, from: number, to: number): boolean {
  return containsAny(text, from, to, BUILD_VERBS);
}

/** True when a building verb ends just before position i (…宿舍和食堂改造). */
export function endsWithBuildVerb(text: string, i: number): boolean {
  return BUILD_VERBS.some((verb) => wordBefore(text, i, verb));
}

/**
 * Finds named building works: 完成云溪小学改扩建工程、文桥中心小学教职工周转房项目和岳化二小食堂、
 * 活动中心及教职工周转房等项目建设 gives three projects, each starting after the previous one.
 */
export function findProjects(scan: CompactBody): Candidate[] {
  const { text } = scan;
  const out: Candidate[] = [];
  let floor = 0;
  for (const k of positionsOf(text, ['工程', '项目'])) {
    const [clauseStart, clauseEnd] = clauseAt(scan, k);
    let end = k + 2;
    if (wordAt(text, end, '建设')) end += 2;
    let after = end;
    while (after < clauseEnd && QUOTES.has(text[after] as string)) after++;
    if (after < clauseEnd && !NAME_FOLLOWERS.has(text[after] as string)) continue;
    if (!containsAny(text, clauseStart, end, PROJECT_CUES)) continue;
    let start = Math.max(clauseStart, k - LOOK_BACK);
    if (floor > start && floor <= k) {
      start = floor;
      const joint = JOINTS.find((j) => wordAt(text, start, j));
      start += joint?.length ?? 0;
    }
    if (k - start < MIN_NAME) continue;
    out.push({ kind: 'project', start, end });
    floor = end;
  }
  return out;
}
