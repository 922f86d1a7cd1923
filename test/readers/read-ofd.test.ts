import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseNoticeText } from '../../src/notice/parse-notice.ts';
import { NoticeReadError } from '../../src/notice/read-messages.ts';
import { isOfd, readOfd } from '../../src/notice/read-ofd.ts';
import { type ExpectedNotice, FIXTURES, project, withoutCodes } from '../parser/expected-notice.ts';
import { declareSize, textLines, yunxiText } from './notice-builders.ts';
import { buildOfd, type OfdOptions, ofdParts, zipOfd } from './ofd-writer.ts';

const source = yunxiText();
const lines = textLines(source);
// The reader NFKC-normalises (full-width punctuation becomes half-width), so the expectation is too.
const expected = JSON.parse(
  readFileSync(`${FIXTURES}yunxi-2024.expected.json`, 'utf8').normalize('NFKC'),
) as ExpectedNotice;
const compact = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const PAGE_0 = 'Doc_0/Pages/Page_0/Content.xml';

/** An OFD whose first page holds `body` (TextObjects) in a layer, the rest as the writer makes it. */
function ofdWithPage(
  body: string,
  xmlns = 'xmlns:ofd="http://www.ofdspec.org/2016"',
  prefix = 'ofd:',
): Uint8Array {
  const parts = ofdParts(['占位']);
  parts[PAGE_0] =
    `<?xml version="1.0" encoding="UTF-8"?><${prefix}Page ${xmlns}><${prefix}Content><${prefix}Layer ID="1">` +
    `${body}</${prefix}Layer></${prefix}Content></${prefix}Page>`;
  return zipOfd(parts);
}

function readError(bytes: Uint8Array): NoticeReadError {
  try {
    readOfd(bytes);
  } catch (error) {
    if (error instanceof NoticeReadError) return error;
    throw error;
  }
  throw new Error('expected the OFD to be refused');
}

describe('readOfd on the Yunxi notice', () => {
  const layouts: Array<[string, OfdOptions]> = [
    ['one TextCode per line with "g" DeltaX', { style: 'per-line' }],
    ['one TextCode per character', { style: 'per-character' }],
    ['lines split over TextObjects written out of order, through a CTM', { style: 'split', ctm: true }],
    [
      'a running footer from a template page and page numbers',
      { footer: '云溪区教育体育局印发', pageNumbers: true },
    ],
  ];

  it.each(layouts)('%s: reads every page and parses to the expected notice', (_label, options) => {
    const read = readOfd(buildOfd(lines, { ...options, linesPerPage: 12 }));
    expect(read.source).toEqual({ format: 'ofd', reader: 'ofd', pages: Math.ceil(lines.length / 12) });
    const readLines = textLines(read.text).filter((line) => !/^— \d+ —$/.test(line));
    expect(readLines).toEqual(lines.map((line) => line.normalize('NFKC')));
    expect(project(parseNoticeText(read.text), expected)).toEqual(withoutCodes(expected));
  });

  it('puts a blank line between pages and none inside one', () => {
    const read = readOfd(buildOfd(lines.slice(0, 6), { linesPerPage: 3 }));
    expect(read.text).toBe(
      `${lines.slice(0, 3).join('\n')}\n\n${lines.slice(3, 6).join('\n')}`.normalize('NFKC'),
    );
  });

  it('leaves out a footer every page repeats, but reads a letterhead only the first page names', () => {
    const [letterhead, ...rest] = lines;
    const read = readOfd(buildOfd(rest, { letterhead, footer: '内部资料 注意保存', linesPerPage: 12 }));
    expect(read.text).not.toContain('内部资料');
    expect(textLines(read.text)[0]).toBe(letterhead);
    expect(project(parseNoticeText(read.text), expected)).toEqual(withoutCodes(expected));
  });

  it('keeps every character in order when the lines wrap at the page width', () => {
    const read = readOfd(buildOfd(lines, { wrapAt: 28, style: 'per-character' }));
    expect(compact(read.text)).toBe(compact(lines.join('')));
    expect(textLines(read.text).length).toBeGreaterThan(lines.length + 50);
    expect(read.source.pages).toBeGreaterThan(10);
  });
});

describe('readOfd positions', () => {
  it('follows DeltaX and DeltaY, "g" shorthand included, onto a second line inside one TextCode', () => {
    const ofd = ofdWithPage(
      '<ofd:TextObject ID="2" Boundary="20 30 100 20" Font="3" Size="5">' +
        '<ofd:TextCode X="0" Y="5" DeltaX="g 2 5 -10 g 2 5" DeltaY="g 2 0 8">甲乙丙丁戊</ofd:TextCode></ofd:TextObject>',
    );
    expect(readOfd(ofd).text).toBe('甲乙丙\n丁戊');
  });

  it('continues a TextCode without X or Y after the previous one, and orders objects by place', () => {
    const ofd = ofdWithPage(
      '<TextObject ID="3" Boundary="20 50 100 10" Size="5"><TextCode X="0" Y="5">第二行</TextCode></TextObject>' +
        '<TextObject ID="2" Boundary="20 30 100 10" Size="5"><TextCode X="0" Y="5">第一</TextCode><TextCode>行</TextCode></TextObject>',
      'xmlns="http://www.ofdspec.org/2016"',
      '',
    );
    expect(readOfd(ofd).text).toBe('第一行\n第二行');
  });

  it('joins hanzi without spaces but marks a gap wider than an em, and reads entities', () => {
    const ofd = ofdWithPage(
      '<ofd:TextObject ID="2" Boundary="20 30 170 10" Size="5">' +
        '<ofd:TextCode X="0" Y="5" DeltaX="g 2 5">云溪区</ofd:TextCode>' +
        '<ofd:TextCode X="15" Y="5" DeltaX="5 5 5">&#x6559;&#32946;&lt;&amp;</ofd:TextCode>' +
        '<ofd:TextCode X="120" Y="5" DeltaX="g 3 2.5">2024年</ofd:TextCode></ofd:TextObject>',
    );
    expect(readOfd(ofd).text).toBe('云溪区教育<& 2024年');
  });

  it('reads overprinted (fake bold) characters once', () => {
    const ofd = ofdWithPage(
      '<ofd:TextObject ID="2" Boundary="20 30 100 10" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="5">通知</ofd:TextCode></ofd:TextObject>' +
        '<ofd:TextObject ID="3" Boundary="20.2 30 100 10" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="5">通知</ofd:TextCode></ofd:TextObject>',
    );
    expect(readOfd(ofd).text).toBe('通知');
  });

  it('reads a page an older producer wrote in GB2312, as its XML declaration says', () => {
    const parts: Record<string, Uint8Array> = {};
    for (const [path, xml] of Object.entries(ofdParts(['占位']))) parts[path] = strToU8(xml);
    const head = strToU8(
      '<?xml version="1.0" encoding="GB2312"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>' +
        '<ofd:TextObject ID="2" Boundary="20 30 100 10" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="5">',
    );
    const tail = strToU8('</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>');
    // 通知 in GB2312.
    parts[PAGE_0] = Uint8Array.from([...head, 0xcd, 0xa8, 0xd6, 0xaa, ...tail]);
    expect(readOfd(zipSync(parts)).text).toBe('通知');
  });

  it('expands a hostile "g" count only as far as there are characters', () => {
    const ofd = ofdWithPage(
      '<ofd:TextObject ID="2" Boundary="20 30 100 10" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 999999999999 5">通知</ofd:TextCode></ofd:TextObject>',
    );
    const started = performance.now();
    expect(readOfd(ofd).text).toBe('通知');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('isOfd', () => {
  it('knows an OFD by OFD.xml at the root of its zip', () => {
    expect(isOfd(buildOfd(['通知']))).toBe(true);
  });

  it('is false for a .docx, a zip holding OFD.xml in a folder, an empty zip and bytes that are no zip', () => {
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8('<w:document/>'),
    });
    expect(isOfd(docx)).toBe(false);
    expect(isOfd(zipSync({ 'notice/OFD.xml': strToU8('<ofd:OFD/>') }))).toBe(false);
    expect(isOfd(zipSync({}))).toBe(false);
    expect(isOfd(new TextEncoder().encode('PK\u0003\u0004 not really a zip'))).toBe(false);
  });
});

describe('readOfd refuses a damaged or hostile OFD with a clear message', () => {
  const damaged = (change: (parts: Record<string, string>) => void): Uint8Array => {
    const parts = ofdParts(lines.slice(0, 6), { linesPerPage: 3 });
    change(parts);
    return zipOfd(parts);
  };

  it.each<[string, (parts: Record<string, string>) => void]>([
    ['without Document.xml', (parts) => delete parts['Doc_0/Document.xml']],
    ['without a page it lists', (parts) => delete parts['Doc_0/Pages/Page_1/Content.xml']],
    ['with malformed XML in a page', (parts) => (parts[PAGE_0] = parts[PAGE_0]!.replace('</ofd:Layer>', ''))],
    [
      'with no pages',
      (parts) =>
        (parts['Doc_0/Document.xml'] = parts['Doc_0/Document.xml']!.replace(/<ofd:Page [^>]*\/>/g, '')),
    ],
    [
      'without a DocRoot',
      (parts) => (parts['OFD.xml'] = parts['OFD.xml']!.replace(/<ofd:DocRoot>.*<\/ofd:DocRoot>/, '')),
    ],
    [
      'with a page whose BaseLoc is empty',
      (parts) =>
        (parts['Doc_0/Document.xml'] = parts['Doc_0/Document.xml']!.replace('Pages/Page_0/Content.xml', '')),
    ],
    [
      'nested absurdly deep',
      (parts) => (parts[PAGE_0] = `<ofd:Page>${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</ofd:Page>`),
    ],
  ])('%s: OFD_BROKEN', (_label, change) => {
    const error = readError(damaged(change));
    expect(error.code).toBe('OFD_BROKEN');
    expect(error.message).toMatch(/OFD 文件已损坏/);
  });

  it('refuses a page that is not UTF-8 as broken', () => {
    const parts: Record<string, Uint8Array> = {};
    for (const [path, xml] of Object.entries(ofdParts(['通知']))) parts[path] = strToU8(xml);
    parts[PAGE_0] = Uint8Array.from([0x3c, 0x50, 0x3e, 0xff, 0xfe, 0xfd, 0x3c, 0x2f, 0x50, 0x3e]);
    expect(readError(zipSync(parts)).code).toBe('OFD_BROKEN');
  });

  it('refuses a truncated zip as broken', () => {
    const ofd = buildOfd(lines);
    expect(readError(ofd.subarray(0, ofd.length - 100)).code).toBe('OFD_BROKEN');
  });

  it('refuses a zip bomb from its declared size, without inflating it', () => {
    // 60 MB of spaces in a page compresses to about 60 KB.
    const parts = ofdParts(['通知']);
    const bomb = zipSync(
      {
        ...Object.fromEntries(Object.entries(parts).map(([path, xml]) => [path, strToU8(xml)])),
        [PAGE_0]: new Uint8Array(60 * 1024 * 1024).fill(0x20),
      },
      { level: 9 },
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = readError(bomb);
    expect(error.code).toBe('OFD_TOO_LARGE');
    expect(error.message).toMatch(/超过 50 MB/);
  });

  it('never inflates a page past the size it declares', () => {
    const big = ofdParts(lines);
    const zip = declareSize(zipOfd(big), PAGE_0, 100);
    expect(readError(zip).code).toBe('OFD_BROKEN');
  });

  it('refuses a package of more than 5000 entries', () => {
    const parts: Record<string, Uint8Array> = {};
    for (const [path, xml] of Object.entries(ofdParts(['通知']))) parts[path] = strToU8(xml);
    for (let i = 0; i < 5001; i++) parts[`Doc_0/Res/r${i}.png`] = new Uint8Array(1);
    expect(readError(zipSync(parts)).code).toBe('OFD_TOO_LARGE');
  });

  it('refuses a page tree that lists one page thousands of times', () => {
    const parts = ofdParts(['一、总体要求'.repeat(200)]);
    const page = '<ofd:Page ID="9" BaseLoc="Pages/Page_0/Content.xml"/>';
    parts['Doc_0/Document.xml'] = parts['Doc_0/Document.xml']!.replace(
      /<ofd:Page [^>]*\/>/,
      page.repeat(1999),
    );
    const started = performance.now();
    expect(readError(zipOfd(parts)).code).toBe('OFD_TOO_LARGE');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses a page tree of more than 2000 pages', () => {
    const parts = ofdParts(['通知']);
    const page = '<ofd:Page ID="9" BaseLoc="Pages/Page_0/Content.xml"/>';
    parts['Doc_0/Document.xml'] = parts['Doc_0/Document.xml']!.replace(
      /<ofd:Page [^>]*\/>/,
      page.repeat(2001),
    );
    expect(readError(zipOfd(parts)).code).toBe('OFD_TOO_LARGE');
  });

  it('says an OFD with pages but no text is probably a scan', () => {
    const ofd = ofdWithPage('<ofd:ImageObject ID="2" Boundary="0 0 210 297" ResourceID="7"/>');
    const error = readError(ofd);
    expect(error.code).toBe('OFD_NO_TEXT');
    expect(error.message).toMatch(/扫描件/);
  });
});
