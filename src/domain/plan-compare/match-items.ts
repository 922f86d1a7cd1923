import type { MatchRelation, MatchStatus } from '../../shared/plan-compare.ts';
import { bigramCounts, containment, cosine, Idf, type TermVector, tfIdfVector } from './text-similarity.ts';

// Pairs the items of two plans by meaning (see text-similarity.ts), not by number: one-to-one
// greedily by descending similarity, then the items left over are checked for being a piece
// split off a paired old item, or an old item merged into a paired new one.

/** An item as the matcher reads it. */
export interface MatchableItem {
  title: string;
  body: string;
  sectionTitle: string;
}

/** Thresholds of the matcher (similarities 0–1). */
export interface MatchThresholds {
  /** At or above: the same item. */
  same: number;
  /** At or above (and below same): a likely pair the user confirms (可能对应). */
  possible: number;
  /** Share of a leftover item's weight found in a paired item to call it split off or merged in. */
  piece: number;
}

/** Thresholds tuned on the Yunxi 2024 → 2025 notices (see the plan-compare tests). */
export const DEFAULT_THRESHOLDS: MatchThresholds = { same: 0.5, possible: 0.3, piece: 0.6 };

// The section's theme counts a little: the same wording under another section is still the item.
const SECTION_SHARE = 0.08;
const TITLE_SHARE = 0.15;

/** A pair found: indexes into the before and after lists. */
export interface ItemPair {
  before: number;
  after: number;
  similarity: number;
  status: MatchStatus;
  relation: MatchRelation;
}

/** The pairs, and the items of each side with no counterpart. */
export interface ItemMatching {
  pairs: ItemPair[];
  /** Indexes of after items with no counterpart (新增). */
  added: number[];
  /** Indexes of before items with no counterpart (取消). */
  dropped: number[];
}

interface Vectors {
  full: TermVector[];
  title: TermVector[];
  section: TermVector[];
}

/** Matches the items of the old plan (before) with those of the new (after). */
export function matchItems(
  before: readonly MatchableItem[],
  after: readonly MatchableItem[],
  thresholds: MatchThresholds = DEFAULT_THRESHOLDS,
): ItemMatching {
  const counts = [...before, ...after].map((item) => bigramCounts(`${item.title}${item.body}`));
  const idf = new Idf(counts);
  const vectorsOf = (items: readonly MatchableItem[], from: number): Vectors => ({
    full: items.map((_, i) => tfIdfVector(counts[from + i]!, idf)),
    title: items.map((item) => tfIdfVector(bigramCounts(item.title), idf)),
    section: items.map((item) => tfIdfVector(bigramCounts(item.sectionTitle), idf)),
  });
  const a = vectorsOf(before, 0);
  const b = vectorsOf(after, before.length);
  const candidates: ItemPair[] = [];
  for (let i = 0; i < before.length; i++) {
    for (let j = 0; j < after.length; j++) {
      const similarity = score(a, b, i, j);
      if (similarity >= thresholds.possible)
        candidates.push({ before: i, after: j, similarity, status: 'possible', relation: 'same' });
    }
  }
  // Highest first; on a tie the pair closer in position wins, so identical plans pair in order.
  candidates.sort(
    (x, y) => y.similarity - x.similarity || Math.abs(x.before - x.after) - Math.abs(y.before - y.after),
  );
  const pairedBefore = new Map<number, ItemPair>();
  const pairedAfter = new Map<number, ItemPair>();
  for (const pair of candidates) {
    if (pairedBefore.has(pair.before) || pairedAfter.has(pair.after)) continue;
    pair.status = statusOf(before[pair.before]!, after[pair.after]!, pair.similarity, thresholds);
    pairedBefore.set(pair.before, pair);
    pairedAfter.set(pair.after, pair);
  }
  const pairs = [...pairedBefore.values()];
  const added: number[] = [];
  const dropped: number[] = [];
  for (let j = 0; j < after.length; j++) {
    if (pairedAfter.has(j)) continue;
    const host = bestPiece(b.full[j]!, a.full, (i) => pairedBefore.get(i)?.relation === 'same');
    if (host && host.share >= thresholds.piece)
      pairs.push({
        before: host.index,
        after: j,
        similarity: score(a, b, host.index, j),
        status: 'changed',
        relation: 'split',
      });
    else added.push(j);
  }
  for (let i = 0; i < before.length; i++) {
    if (pairedBefore.has(i)) continue;
    const host = bestPiece(a.full[i]!, b.full, (j) => pairedAfter.get(j)?.relation === 'same');
    if (host && host.share >= thresholds.piece)
      pairs.push({
        before: i,
        after: host.index,
        similarity: score(a, b, i, host.index),
        status: 'changed',
        relation: 'merged',
      });
    else dropped.push(i);
  }
  pairs.sort((x, y) => x.after - y.after || x.before - y.before);
  return { pairs, added, dropped };
}

function score(a: Vectors, b: Vectors, i: number, j: number): number {
  const full = cosine(a.full[i]!, b.full[j]!);
  const title = cosine(a.title[i]!, b.title[j]!);
  const section = cosine(a.section[i]!, b.section[j]!);
  const value = (1 - TITLE_SHARE - SECTION_SHARE) * full + TITLE_SHARE * title + SECTION_SHARE * section;
  return Math.round(Math.min(1, value) * 1000) / 1000;
}

function statusOf(x: MatchableItem, y: MatchableItem, similarity: number, t: MatchThresholds): MatchStatus {
  if (similarity < t.same) return 'possible';
  return sameText(x.title, y.title) && sameText(x.body, y.body) ? 'unchanged' : 'changed';
}

/** Whether two texts are the same but for white space and full- or half-width forms (，vs ,). */
export function sameText(x: string, y: string): boolean {
  const plain = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
  return plain(x) === plain(y);
}

// The paired item that holds most of the leftover item's weight.
function bestPiece(part: TermVector, wholes: TermVector[], eligible: (index: number) => boolean) {
  let best: { index: number; share: number } | null = null;
  wholes.forEach((whole, index) => {
    if (!eligible(index)) return;
    const share = containment(part, whole);
    if (!best || share > best.share) best = { index, share };
  });
  return best as { index: number; share: number } | null;
}
