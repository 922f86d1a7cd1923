import { describe, expect, it } from 'vitest';
import { MAX_NOTICE_BYTES } from '../../src/notice/read-limits.ts';
import { READ_MESSAGES } from '../../src/notice/read-messages.ts';
import { NoticeReadError, readNoticeInProcess } from '../../src/notice/read-notice.ts';

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const OLE = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]);

async function readError(bytes: Uint8Array, name?: string): Promise<NoticeReadError> {
  const error = await readNoticeInProcess(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof NoticeReadError)) throw new Error(`expected NoticeReadError, got ${String(error)}`);
  return error;
}

describe('readNotice format detection', () => {
  it('sends an image to OCR, even one named .txt (this one is no picture at all)', async () => {
    expect((await readError(PNG, 'notice.txt')).code).toMatch(/^OCR_(FAILED|MISSING)$/);
  });

  it('reads an OLE file as an old Word document and says what to do when it is none', async () => {
    const error = await readError(OLE, 'notice.docx');
    expect(error.code).toMatch(/^OLE_(UNREADABLE|NOT_WORD)$/);
    expect(error.message).toContain('.docx');
  });

  it('refuses RTF with advice to re-save', async () => {
    expect((await readError(new TextEncoder().encode('{\\rtf1\\ansi 通知}'))).code).toBe('RTF');
  });

  it('decides by content, not by name: a text file named .pdf is read as text', async () => {
    expect(await readNoticeInProcess(new TextEncoder().encode('一、总体要求'), 'notice.pdf')).toBe(
      '一、总体要求',
    );
  });

  it('refuses input over 30 MB before looking at it', async () => {
    const error = await readError(new Uint8Array(MAX_NOTICE_BYTES + 1));
    expect(error.code).toBe('TOO_LARGE');
  });

  it('words every message as one Chinese line that says what to do', () => {
    for (const message of Object.values(READ_MESSAGES)) {
      expect(message).not.toContain('\n');
      expect(message).toMatch(/请/);
    }
  });
});
