import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseNoticeText } from '../../src/notice/parse-notice.ts';
import { readNoticeInProcess } from '../../src/notice/read-notice.ts';
import { buildDocx, buildNumberedDocx, textLines, yunxiText } from './notice-builders.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A minimal .docx around a hand-written body, for markup the docx package does not produce. */
function docxWithBody(body: string, numbering?: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(
      `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    ),
    ...(numbering ? { 'word/numbering.xml': strToU8(`<w:numbering ${W}>${numbering}</w:numbering>`) } : {}),
  });
}

const numbered = (numId: number, ilvl: number, text: string) =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

describe('readNotice on .docx', () => {
  it('gives the Yunxi notice back line for line, and a table one cell per line', async () => {
    const lines = textLines(yunxiText());
    const table = [
      ['序号', '重点工作任务', '牵头责任单位', '责任单位'],
      ['1', '深入学习贯彻党的二十大精神。', '办公室', '行政审批股\n人事股'],
    ];
    const text = await readNoticeInProcess(await buildDocx(lines, table), 'yunxi.docx');
    const cells = [
      '序号',
      '重点工作任务',
      '牵头责任单位',
      '责任单位',
      '1',
      '深入学习贯彻党的二十大精神。',
      '办公室',
    ];
    // A cell with two paragraphs stays on one line so the cell count per row is kept.
    expect(textLines(text)).toEqual([...lines, ...cells, '行政审批股 人事股']);
  });

  it("prints Word's automatic section and item numbers, so the parser still finds all 23 items", async () => {
    const lines = textLines(yunxiText());
    const text = await readNoticeInProcess(await buildNumberedDocx(lines));
    expect(textLines(text)).toEqual(lines);
    const notice = parseNoticeText(text);
    expect(notice.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5]);
    expect(notice.sections.flatMap((s) => s.items.map((i) => i.no))).toEqual(
      Array.from({ length: 23 }, (_, i) => i + 1),
    );
  });

  it('restarts lower list levels under a new heading and honours a start override', async () => {
    const lvl = (ilvl: number, fmt: string, text: string) =>
      `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/><w:suff w:val="nothing"/></w:lvl>`;
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="11"/></w:lvlOverride></w:num>';
    const body = [
      numbered(1, 0, '总体要求'),
      numbered(1, 1, '甲'),
      numbered(1, 1, '乙'),
      numbered(1, 0, '重点任务'),
      numbered(1, 1, '丙'),
      numbered(2, 0, '保障措施'),
      numbered(0, 0, '不编号'),
    ].join('');
    expect(textLines(await readNoticeInProcess(docxWithBody(body, numbering)))).toEqual([
      '一、总体要求',
      '（一）甲',
      '（二）乙',
      '二、重点任务',
      '（一）丙',
      '十一、保障措施',
      '不编号',
    ]);
  });

  it('decodes entities, tabs and line breaks, and ignores tab stops and deleted text', async () => {
    const body =
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' +
      '<w:r><w:t>A&amp;B&lt;C&gt;&#x4E00;&#20108;</w:t><w:tab/><w:t xml:space="preserve">（责任领导：</w:t></w:r>' +
      '<w:r><w:br/><w:t>陈丽）</w:t></w:r><w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del></w:p>' +
      '<w:p/><w:p><w:r><w:t title="a>b">第二段</w:t></w:r></w:p>';
    expect(await readNoticeInProcess(docxWithBody(body))).toBe('A&B<C>一二\t（责任领导：\n陈丽）\n\n第二段');
  });

  it('reads a text box once, not again from its compatibility fallback', async () => {
    const box = (text: string) => `<w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent>`;
    const body =
      '<w:p><w:r><mc:AlternateContent xmlns:mc="m"><mc:Choice>' +
      box('框内文字') +
      '</mc:Choice><mc:Fallback>' +
      box('框内文字') +
      '</mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文</w:t></w:r></w:p>';
    expect(textLines(await readNoticeInProcess(docxWithBody(body)))).toEqual(['框内文字', '正文']);
  });

  it('refuses a docx whose XML is broken', async () => {
    await expect(readNoticeInProcess(docxWithBody('<w:p><w:r><w:t>未闭合</w:r></w:p>'))).rejects.toThrow(
      /Word 文档已损坏/,
    );
    const truncated = zipSync({
      'word/document.xml': strToU8(`<w:document ${W}><w:body><w:p><w:r><w:t>半截`),
    });
    await expect(readNoticeInProcess(truncated)).rejects.toThrow(/Word 文档已损坏/);
  });

  it('refuses a zip that is not a Word document', async () => {
    const zip = zipSync({ 'notice.txt': strToU8('一、总体要求') });
    await expect(readNoticeInProcess(zip, 'notice.docx')).rejects.toThrow(/压缩包而不是 Word 文档/);
  });

  it('refuses a zip bomb without inflating it', async () => {
    // 60 MB of zeros compresses to about 60 KB.
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(readNoticeInProcess(bomb)).rejects.toThrow(/超过 50 MB/);
  });

  it('inflates no more than a lying zip directory declares', async () => {
    const xml = `<w:document ${W}><w:body><w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p></w:body></w:document>`;
    const big = new Uint8Array(60 * 1024 * 1024);
    big.set(strToU8(xml));
    const zip = zipSync({ 'word/document.xml': big }, { level: 9 });
    // Claim 400 bytes in both the local header and the central directory.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = 0; i + 4 <= zip.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 400, true);
      if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 400, true);
    }
    expect(await readNoticeInProcess(zip)).toBe('一、总体要求');
  });

  it('refuses a zip with an absurd number of entries', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 6000; i++) files[`x/${i}`] = new Uint8Array(0);
    await expect(readNoticeInProcess(zipSync(files, { level: 0 }))).rejects.toThrow(/文件过多/);
  });
});
