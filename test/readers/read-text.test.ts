import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoticeReadError, readNoticeInProcess } from '../../src/notice/read-notice.ts';
import { yunxiText } from './notice-builders.ts';

const GBK_FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'notices', 'yunxi-2024.gbk.txt');

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, endian === 'le');
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), endian === 'le');
  return bytes;
}

describe('readNotice on plain text', () => {
  const text = yunxiText();

  it('reads UTF-8 without a BOM unchanged', async () => {
    expect(await readNoticeInProcess(new TextEncoder().encode(text))).toBe(text);
  });

  it('drops a UTF-8 BOM and keeps the rest unchanged', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(await readNoticeInProcess(bytes, 'notice.txt')).toBe(text);
  });

  it('detects a GBK-encoded copy of the Yunxi notice (saved by Windows Notepad) without being told', async () => {
    const bytes = new Uint8Array(readFileSync(GBK_FIXTURE));
    // The fixture really is GBK: it is not valid UTF-8.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const decoded = await readNoticeInProcess(bytes, 'yunxi.txt');
    expect(decoded).toBe(text);
    expect(decoded).toContain('岳云教体〔2024〕4号');
    expect(decoded).toContain('中小學生阳光体育运动会'); // a traditional character GBK covers
  });

  it('reads UTF-16 with a BOM in either byte order', async () => {
    expect(await readNoticeInProcess(utf16(text, 'le'))).toBe(text);
    expect(await readNoticeInProcess(utf16(text, 'be'))).toBe(text);
  });

  it('keeps a UTF-8 file that was cut off in the middle of a character as UTF-8', async () => {
    const bytes = new TextEncoder().encode('一、聚焦党建引领');
    // 领 is three bytes; dropping its last one leaves two stray bytes that must not turn the file into GBK.
    expect(await readNoticeInProcess(bytes.subarray(0, bytes.length - 1))).toBe('一、聚焦党建引');
  });

  it('refuses an empty or blank file with a Chinese message', async () => {
    await expect(readNoticeInProcess(new Uint8Array())).rejects.toThrow(/文件是空的/);
    await expect(readNoticeInProcess(new TextEncoder().encode(' \n\r\n\t'))).rejects.toThrow(/文件是空的/);
  });

  it('refuses binary junk instead of returning mojibake', async () => {
    let seed = 42;
    const junk = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed >>> 23;
    });
    const error = await readNoticeInProcess(junk).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoticeReadError);
    expect((error as NoticeReadError).message).toMatch(/[\u4e00-\u9fff]/);
    expect((error as NoticeReadError).message).not.toContain('\n');
  });
});
