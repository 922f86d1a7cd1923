import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { readOle } from '../src/notice/read-ole.ts';
import { convertToTextWithLibreOffice, findLibreOffice } from '../src/notice/read-ole-libreoffice.ts';
import { type Benchmark, type BenchRow, YUNXI_PATH } from './benchmark.ts';

const RUNS = 5;

/**
 * Text extraction time of the Yunxi notice saved as Word 97 .doc (written by LibreOffice from the
 * .txt): through word-extractor, and through a headless LibreOffice conversion with a fresh
 * profile each time, which is what readOle pays when it falls back (automatic numbering, Word 95).
 */
export const oleBenchmark: Benchmark = {
  name: 'read-ole',
  run: async () => {
    const soffice = findLibreOffice();
    if (!soffice)
      return [{ measure: 'Yunxi .doc', value: 'LibreOffice (soffice) not installed: nothing measured' }];
    const doc = await saveAsDoc(soffice);
    const rows: BenchRow[] = [];
    const viaExtractor = await medianMs(async () => {
      const read = await readOle(doc);
      if (read.source.reader !== 'word-extractor') throw new Error(`read by ${read.source.reader}`);
    });
    rows.push({
      measure: `Yunxi .doc (${Math.round(doc.length / 1024)} KB) via word-extractor, median of ${RUNS}`,
      value: `${viaExtractor.toFixed(1)} ms`,
      raw: { ms: viaExtractor },
    });
    const viaLibreOffice = await medianMs(async () => {
      if (!(await convertToTextWithLibreOffice(soffice, doc))) throw new Error('LibreOffice wrote no text');
    });
    rows.push({
      measure: `Yunxi .doc via LibreOffice (fresh profile), median of ${RUNS}`,
      value: `${(viaLibreOffice / 1000).toFixed(2)} s`,
      raw: { ms: viaLibreOffice },
    });
    return rows;
  },
};

async function saveAsDoc(soffice: string): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-bench-ole-'));
  try {
    copyFileSync(YUNXI_PATH, join(dir, 'yunxi.txt'));
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const args = [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'doc:MS Word 97'];
    await promisify(execFile)(soffice, [...args, '--outdir', dir, join(dir, 'yunxi.txt')], {
      timeout: 120_000,
    });
    return new Uint8Array(readFileSync(join(dir, 'yunxi.doc')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function medianMs(fn: () => Promise<void>): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(RUNS / 2)]!;
}
