import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAndParseNotice } from '../../src/notice/read-notice.ts';
import { ocrAvailable } from '../../src/notice/read-ocr.ts';
import { configureSandbox } from '../../src/notice/sandbox/sandbox.ts';
import { buildPdf, hasCjkFont, textLines, yunxiText } from './notice-builders.ts';

// A scan read through the parse sandbox: OCR gets DUBAN_OCR_SECONDS for the whole scan, told to the
// reader as a deadline; past it the read is refused with OCR_TOO_SLOW, and the sandbox's own wall
// clock (the parser's few seconds) does not cut OCR short before that.

const work = mkdtempSync(join(tmpdir(), 'duban-scan-sandbox-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function scan(lines: readonly string[]): Promise<Uint8Array> {
  writeFileSync(join(work, 'printed.pdf'), await buildPdf(lines));
  execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', 'printed.pdf', 'page'], { cwd: work });
  const pages = readdirSync(work)
    .filter((f) => /^page-\d+\.png$/.test(f))
    .sort();
  execFileSync('img2pdf', [...pages, '-o', 'scan.pdf'], { cwd: work });
  for (const page of pages) rmSync(join(work, page));
  return new Uint8Array(readFileSync(join(work, 'scan.pdf')));
}

describe.runIf(ocrAvailable() && hasCjkFont)('a scan in the parse sandbox', () => {
  it('is refused with OCR_TOO_SLOW when OCR outlasts DUBAN_OCR_SECONDS', async () => {
    const bytes = await scan(textLines(yunxiText()));
    const previous = configureSandbox({ ocrSeconds: 3 });
    try {
      const started = performance.now();
      await expect(readAndParseNotice(bytes)).rejects.toMatchObject({ code: 'OCR_TOO_SLOW' });
      expect(performance.now() - started).toBeLessThan(20_000);
    } finally {
      configureSandbox(previous);
    }
  }, 60_000);

  // 5 CPU seconds give the parser 12 s of wall clock; OCR of the 8 pages takes 25 s or more (each
  // tesseract run, about 3 s of CPU a page, is under the same 5 s CPU limit).
  it('may take longer than the parser’s wall clock once OCR has started', async () => {
    const bytes = await scan(textLines(yunxiText()));
    const started = performance.now();
    const { parsed } = await readAndParseNotice(bytes, { limits: { seconds: 5 } });
    console.log(`8-page scan through the sandbox: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(parsed.source?.format).toBe('scan');
    expect(parsed.sections.flatMap((s) => s.items).length).toBe(23);
  }, 240_000);
});
