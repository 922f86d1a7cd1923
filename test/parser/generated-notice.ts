import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// No vitest imports here: the benchmark builds its notices with these too.

/** The Yunxi notice's text, the base for mutated and generated notices. */
export const YUNXI = readFileSync(
  fileURLToPath(new URL('../fixtures/notices/yunxi-2024-jiaoti-gongzuo-yaodian.txt', import.meta.url)),
  'utf8',
);

/** Yunxi's sections repeated until the text reaches `bytes` (UTF-8); every copy's items are renumbered from 1. */
export function generatedNotice(bytes: number): { text: string; items: number } {
  const start = YUNXI.indexOf('一、聚焦党建引领');
  const head = YUNXI.slice(0, start);
  const body = YUNXI.slice(start);
  const parts = [head];
  let size = Buffer.byteLength(head);
  let items = 0;
  let round = 0;
  const bodyBytes = Buffer.byteLength(body);
  while (size < bytes) {
    round++;
    let no = 0;
    const renumbered = body.replace(/^(\d+)\. /gm, () => `${++no}. `);
    items += no;
    parts.push(round === 1 ? renumbered : `\n\n${renumbered}`);
    size += bodyBytes + 2;
  }
  return { text: parts.join(''), items };
}

/** A deterministic pseudo-random generator (so a slow or failing input can be reproduced). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
