import { beforeAll, describe, expect, it } from 'vitest';
import { parseNoticeText } from '../../src/notice/parse-notice.ts';
import { readNoticeInProcess } from '../../src/notice/read-notice.ts';
import { pageText } from '../../src/notice/read-pdf.ts';
import { buildPdf, CJK_FONT, hasCjkFont, textLines, yunxiText } from './notice-builders.ts';

const compact = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

describe('readNotice on .pdf', () => {
  it('needs a CJK font to build test PDFs', () => {
    // Fails loudly rather than skipping, so a machine without fonts-noto-cjk is noticed.
    expect(hasCjkFont, `install fonts-noto-cjk (${CJK_FONT.path})`).toBe(true);
  });

  describe.runIf(hasCjkFont)('a real PDF of the Yunxi notice', () => {
    const source = yunxiText();
    let text = '';
    beforeAll(async () => {
      text = await readNoticeInProcess(await buildPdf(textLines(source)), 'yunxi.pdf');
    });

    it('keeps every character of the notice, in order, apart from NFKC and line wrapping', () => {
      expect(compact(text)).toBe(compact(source));
    });

    it('breaks lines where the PDF wraps them instead of running them together', () => {
      const lines = textLines(text);
      expect(lines.length).toBeGreaterThan(textLines(source).length + 50);
      expect(lines).toContain('岳云教体〔2024〕4号');
    });

    it('NFKC-normalises the text, turning full-width punctuation half-width', () => {
      expect(text).toContain('(责任领导:陈玲玲,责任股室:人事股)');
    });

    it('still parses to the 5 sections and 23 items with their titles', () => {
      const fromPdf = parseNoticeText(text);
      const fromTxt = parseNoticeText(source);
      expect(fromPdf.sections).toHaveLength(5);
      const items = fromPdf.sections.flatMap((s) => s.items);
      expect(items.map((item) => item.no)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
      const titles = (n: typeof fromPdf) => n.sections.flatMap((s) => s.items.map((i) => compact(i.title)));
      expect(titles(fromPdf)).toEqual(titles(fromTxt));
      expect(items[0]?.title).toBe('深入学习贯彻党的二十大精神');
      expect(items[0]?.leaders).toEqual(['陈玲玲', '林海']);
    });
  });

  it.runIf(hasCjkFont)('reads CJK radical look-alikes as the characters they stand for', async () => {
    // The font shares one glyph between ⼯ and 工, so the PDF maps both back to whichever came first.
    const pdf = await buildPdf(['⼯作⻓期⻔户⻅⾯', '工作长期门户见面']);
    expect(textLines(await readNoticeInProcess(pdf))).toEqual(['工作长期门户见面', '工作长期门户见面']);
  });

  it.runIf(hasCjkFont)(
    'refuses a PDF with neither a text layer nor pictures (a scan would have pictures)',
    async () => {
      const blank = await buildPdf([], { text: false });
      await expect(readNoticeInProcess(blank)).rejects.toMatchObject({ code: 'PDF_NO_TEXT' });
    },
  );

  it.runIf(hasCjkFont)('asks for the password to be removed from an encrypted PDF', async () => {
    const locked = await buildPdf(['一、总体要求'], { userPassword: 'secret' });
    await expect(readNoticeInProcess(locked)).rejects.toThrow(/PDF 已加密/);
  });

  it('refuses a damaged PDF', async () => {
    const broken = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage');
    await expect(readNoticeInProcess(broken)).rejects.toThrow(/PDF 文件已损坏/);
  });

  it('starts a new line when the baseline moves even if the producer set no end-of-line flag', () => {
    const item = (str: string, y: number) => ({
      str,
      transform: [12, 0, 0, 12, 72, y],
      height: 12,
      hasEOL: false,
    });
    expect(pageText([item('一、', 700), item('总体要求', 700), item('1. 加强', 680)])).toBe(
      '一、总体要求\n1. 加强',
    );
  });
});
