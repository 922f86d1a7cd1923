import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { NoticeReadError, readNoticeInProcess } from '../../src/notice/read-notice.ts';
import { buildDocx, buildPdf } from './notice-builders.ts';

/** readNotice either returns text or throws NoticeReadError; anything else would reach users as a crash. */
async function onlyTextOrReadError(bytes: Uint8Array): Promise<void> {
  try {
    expect(typeof (await readNoticeInProcess(bytes))).toBe('string');
  } catch (error) {
    if (!(error instanceof NoticeReadError)) throw error;
  }
}

const mutation = (size: number) =>
  fc.array(fc.tuple(fc.nat({ max: size - 1 }), fc.integer({ min: 0, max: 255 })), {
    minLength: 1,
    maxLength: 20,
  });

function mutate(bytes: Uint8Array, edits: [number, number][]): Uint8Array {
  const copy = new Uint8Array(bytes);
  for (const [at, value] of edits) copy[at] = value;
  return copy;
}

describe('readNotice never fails except with NoticeReadError', () => {
  let docx: Uint8Array = new Uint8Array();
  let pdf: Uint8Array = new Uint8Array();
  beforeAll(async () => {
    docx = await buildDocx(['一、总体要求', '1. 加强党的建设。（责任领导：陈丽，责任股室：办公室）']);
    pdf = await buildPdf(['1. General requirements', '2. Party building'], { latin: true });
  });

  it('on random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), onlyTextOrReadError), {
      numRuns: 300,
    });
  });

  it('on damaged .docx files', async () => {
    await fc.assert(
      fc.asyncProperty(mutation(docx.length), async (edits) => onlyTextOrReadError(mutate(docx, edits))),
      { numRuns: 200 },
    );
  });

  it('on zips holding arbitrary document.xml text', async () => {
    const xmlish = fc.stringMatching(/^[<>/="' a-z:&;#x0-9一丁]{0,200}$/);
    await fc.assert(
      fc.asyncProperty(xmlish, async (xml) =>
        onlyTextOrReadError(zipSync({ 'word/document.xml': strToU8(`<w:document><w:body>${xml}`) })),
      ),
      { numRuns: 300 },
    );
  });

  // A PDF without an embedded font: pdf.js can spend seconds on one corrupted CJK font program.
  it('on damaged .pdf files', async () => {
    await fc.assert(
      fc.asyncProperty(mutation(pdf.length), async (edits) => onlyTextOrReadError(mutate(pdf, edits))),
      { numRuns: 200 },
    );
  });
});
