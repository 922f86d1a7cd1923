import type { DiffRun } from '../../shared/plan-compare.ts';

// A character-level difference (Myers' O((N+M)·D) algorithm) merged into runs. Chinese rewording
// leaves single shared characters (的, 和) scattered between changes; runs of one or two equal
// characters wedged between changes are folded into the change so the result reads as phrases.

/** Longest inputs diffed character by character; beyond it the texts are shown as replaced. */
const MAX_CHARS = 20_000;
const SMALL_EQUAL = 2;

/** The runs that turn before into after: equal, delete (only in before) and insert (only in after). */
export function diffText(before: string, after: string): DiffRun[] {
  const chars = { a: Array.from(before), b: Array.from(after) };
  // Characters are compared in NFKC so full- and half-width forms (，and ,) count as equal.
  const a = chars.a.map((ch) => ch.normalize('NFKC'));
  const b = chars.b.map((ch) => ch.normalize('NFKC'));
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Array<DiffRun['op']> = [];
  for (let i = 0; i < start; i++) ops.push('equal');
  const middle =
    endA - start + (endB - start) > MAX_CHARS
      ? [
          ...Array<DiffRun['op']>(endA - start).fill('delete'),
          ...Array<DiffRun['op']>(endB - start).fill('insert'),
        ]
      : myers(a.slice(start, endA), b.slice(start, endB));
  for (const op of middle) ops.push(op); // not push(...): a long text would overflow the stack
  for (let i = endA; i < a.length; i++) ops.push('equal');
  return cleanup(toRuns(ops, chars.a, chars.b));
}

// Edit script of a → b as one op per character, deletions before insertions at each change.
function myers(a: string[], b: string[]): Array<DiffRun['op']> {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m) to (0, 0).
  const ops: Array<DiffRun['op']> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('equal');
      x--;
      y--;
    }
    if (d > 0) ops.push(down ? 'insert' : 'delete');
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

function toRuns(ops: ReadonlyArray<DiffRun['op']>, a: string[], b: string[]): DiffRun[] {
  const runs: DiffRun[] = [];
  let i = 0;
  let j = 0;
  for (const op of ops) {
    // Equal runs show the new text's form of the characters.
    const ch = op === 'delete' ? a[i++]! : b[j++]!;
    if (op === 'equal') i++;
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.text += ch;
    else runs.push({ op, text: ch });
  }
  return runs;
}

// Folds tiny equal runs between changes into the change and orders each change as delete, insert.
function cleanup(runs: DiffRun[]): DiffRun[] {
  const out: DiffRun[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ op: 'delete', text: del });
    if (ins) out.push({ op: 'insert', text: ins });
    del = '';
    ins = '';
  };
  runs.forEach((run, index) => {
    if (run.op === 'delete') del += run.text;
    else if (run.op === 'insert') ins += run.text;
    else {
      const between = (del || ins) && index < runs.length - 1 && Array.from(run.text).length <= SMALL_EQUAL;
      if (between) {
        del += run.text;
        ins += run.text;
        return;
      }
      flush();
      out.push({ ...run });
    }
  });
  flush();
  return out;
}

/** The text before (equal and deleted runs) or after (equal and inserted runs) the change. */
export function sideOf(runs: readonly DiffRun[], side: 'before' | 'after'): string {
  const skip = side === 'before' ? 'insert' : 'delete';
  return runs
    .filter((r) => r.op !== skip)
    .map((r) => r.text)
    .join('');
}
