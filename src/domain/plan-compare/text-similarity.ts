// "By meaning" without models: character bigrams (Chinese has no spaces between words) weighted
// by TF-IDF over both plans' items, compared by cosine. Rewording keeps most of an item's rare
// bigrams (党委理论中心组, 近视防控 …) while the common ones (开展, 工作) weigh little; numbers and
// punctuation are folded away so renumbering and a new year do not count as change.

/** A sparse weighted bigram vector (term ids ascending) with its Euclidean norm and total weight. */
export interface TermVector {
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
  mass: number;
}

/** The text reduced to what carries meaning: letters and ideographs, every digit run as one '0'. */
export function matchText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\p{N}+/gu, '0')
    .replace(/[^\p{L}0]+/gu, '');
}

/** Term counts of a text's character bigrams (a lone character counts as itself). */
export function bigramCounts(text: string): Map<string, number> {
  const folded = matchText(text);
  const counts = new Map<string, number>();
  if (folded.length === 1) counts.set(folded, 1);
  for (let i = 0; i + 1 < folded.length; i++) {
    const gram = folded.slice(i, i + 2);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Inverse document frequencies over a corpus of term counts; terms get integer ids for fast products. */
export class Idf {
  private readonly df = new Map<string, number>();
  private readonly ids = new Map<string, number>();
  private readonly size: number;

  constructor(documents: ReadonlyArray<Map<string, number>>) {
    this.size = documents.length;
    for (const doc of documents)
      for (const term of doc.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
  }

  /** The weight of a term: ln(1 + N / df); unseen terms count as seen once. */
  of(term: string): number {
    return Math.log(1 + (this.size || 1) / (this.df.get(term) ?? 1));
  }

  /** A stable integer id of a term. */
  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
    }
    return id;
  }
}

/** A TF-IDF vector (sublinear term frequency) of term counts. */
export function tfIdfVector(counts: Map<string, number>, idf: Idf): TermVector {
  const entries = [...counts].map(
    ([term, count]) => [idf.idOf(term), (1 + Math.log(count)) * idf.of(term)] as const,
  );
  entries.sort((x, y) => x[0] - y[0]);
  const ids = new Int32Array(entries.length);
  const weights = new Float64Array(entries.length);
  let squares = 0;
  let mass = 0;
  entries.forEach(([id, weight], index) => {
    ids[index] = id;
    weights[index] = weight;
    squares += weight * weight;
    mass += weight;
  });
  return { ids, weights, norm: Math.sqrt(squares), mass };
}

/** Cosine similarity of two vectors, 0 when either is empty. */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let dot = 0;
  let i = 0;
  let j = 0;
  // Both id lists ascend: one merge walk finds the shared terms.
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return Math.min(1, dot / (a.norm * b.norm));
}

/** How much of part's weight is also in whole (0–1): high when part is a piece cut out of whole. */
export function containment(part: TermVector, whole: TermVector): number {
  if (part.mass === 0) return 0;
  let common = 0;
  let i = 0;
  let j = 0;
  while (i < part.ids.length && j < whole.ids.length) {
    const x = part.ids[i]!;
    const y = whole.ids[j]!;
    if (x === y) common += Math.min(part.weights[i++]!, whole.weights[j++]!);
    else if (x < y) i++;
    else j++;
  }
  return common / part.mass;
}
