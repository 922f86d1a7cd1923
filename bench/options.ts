import type { Scale } from './scale.ts';

/** `npm run bench -- --quick`: bureau scale only (no province database to seed or load). */
export function benchScales(): Scale[] {
  return process.argv.includes('--quick') ? ['bureau'] : ['bureau', 'province'];
}

/** BENCH_DIALECTS=sqlite (or postgres): one database engine only; default both. */
export function benchDialects(): Array<'sqlite' | 'postgres'> {
  const wanted = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',').map((d) => d.trim());
  return (['sqlite', 'postgres'] as const).filter((d) => wanted.includes(d));
}
