import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { BulletinContent } from '../shared/bulletins.ts';
import { writeBulletinDocx } from './bulletin-docx.ts';

/** A bulletin as a draft holds it, with both kinds of table and a second-level part. */
const sampleBulletin: BulletinContent = {
  title: '2024年6月工作要点落实情况通报',
  subtitle: '（2024年第6期）',
  intro: '现将2024年6月《云溪区2024年教育体育工作要点》落实情况通报如下。',
  sections: [
    {
      key: 'overall',
      heading: '一、总体进展',
      text: '截至2024年6月30日，23项要点共分解为40项任务，总体完成进度46%。\n本月应报送工作进展40份，按时报送35份。',
      parts: [],
      table: null,
      after: '',
    },
    {
      key: 'sections',
      heading: '二、各部分推进情况',
      text: '',
      parts: [{ heading: '（一）聚焦党建引领', text: '本部分共4项要点，完成进度50%，总体为绿灯。' }],
      table: null,
      after: '',
    },
    {
      key: 'lagging',
      heading: '四、滞后事项',
      text: '红灯要点1项。',
      parts: [],
      table: {
        columns: ['序号', '要点', '任务', '责任单位', '到期日', '逾期天数', '原因'],
        widths: [5, 8, 22, 14, 12, 8, 31],
        rows: [['1', '第5项', '完成城区学校改扩建工程', '计财股', '6月30日', '12', '5月报告逾期12天']],
      },
      after: '请上述责任单位补齐进度。',
    },
    {
      key: 'ranking',
      heading: '五、各股室进展排名',
      text: '情况如下表。',
      parts: [],
      table: {
        columns: ['名次', '单位', '任务数', '应报', '按时', '逾期', '未报', '按时率', '平均进度'],
        widths: [7, 19, 10, 9, 9, 9, 9, 13, 15],
        rows: [
          ['1', '办公室', '3', '12', '12', '0', '0', '100%', '52%'],
          ['2', '计财股', '2', '8', '6', '1', '1', '75%', '40%'],
        ],
      },
      after: '',
    },
  ],
  closing: '请各股室、各学校对照本通报，加快工作进度。',
  issuer: '岳阳市云溪区教育体育局',
  signedOn: '2024-07-03',
};

/** The paragraphs of a part of the document, each as its XML, in order. */
function paragraphs(xml: string): string[] {
  return xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
}
const textOf = (xml: string) =>
  (xml.match(/<w:t[^>]*>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('');
const attr = (xml: string, tag: string, name: string) =>
  new RegExp(`<w:${tag}\\b[^>]*w:${name}="([^"]*)"`).exec(xml)?.[1];

describe('writeBulletinDocx', async () => {
  const files = unzipSync(await writeBulletinDocx(sampleBulletin));
  const document = strFromU8(files['word/document.xml']!);
  const body = document.slice(0, document.indexOf('<w:sectPr'));
  const paragraph = (text: string) => {
    const found = paragraphs(body).find((p) => textOf(p) === text);
    if (!found) throw new Error(`no paragraph "${text}"`);
    return found;
  };

  it('sets A4 with the GB/T 9704 margins, 22 lines of 28 characters', () => {
    const sect = document.slice(document.lastIndexOf('<w:sectPr'));
    expect(attr(sect, 'pgSz', 'w')).toBe('11906');
    expect(attr(sect, 'pgSz', 'h')).toBe('16838');
    // 37, 35, 28, 26 mm in twips.
    expect(attr(sect, 'pgMar', 'top')).toBe('2098');
    expect(attr(sect, 'pgMar', 'bottom')).toBe('1984');
    expect(attr(sect, 'pgMar', 'left')).toBe('1587');
    expect(attr(sect, 'pgMar', 'right')).toBe('1474');
    expect(attr(sect, 'docGrid', 'type')).toBe('lines');
    const linePitch = Number(attr(sect, 'docGrid', 'linePitch'));
    expect(Math.floor((16838 - 2098 - 1984) / linePitch)).toBe(22);
    // Each 3号 character advances 16 pt (320 twips) plus its spacing: 28 fill the 8845-twip line.
    const body = paragraphs(document).find((p) => textOf(p).startsWith('截至2024年6月30日'))!;
    const advance = 320 + Number(attr(body, 'spacing', 'val'));
    expect(Math.floor(8845 / advance)).toBe(28);
  });

  it('writes the title in 方正小标宋简体 2号, headings in 黑体 and 楷体, body in 仿宋_GB2312 3号 at a fixed pitch', () => {
    const title = paragraph('2024年6月工作要点落实情况通报');
    expect(attr(title, 'rFonts', 'eastAsia')).toBe('方正小标宋简体');
    expect(attr(title, 'rFonts', 'ascii')).toBe('宋体');
    expect(attr(title, 'sz', 'val')).toBe('44');
    expect(attr(title, 'jc', 'val')).toBe('center');
    const heading = paragraph('一、总体进展');
    expect(attr(heading, 'rFonts', 'eastAsia')).toBe('黑体');
    expect(attr(heading, 'sz', 'val')).toBe('32');
    const sub = paragraph('（一）聚焦党建引领');
    expect(attr(sub, 'rFonts', 'eastAsia')).toBe('楷体_GB2312');
    expect(attr(sub, 'rFonts', 'ascii')).toBe('楷体');
    expect(attr(sub, 'sz', 'val')).toBe('32');
    // Each line of a text block is its own paragraph, first line indented two characters.
    const body = paragraph('本月应报送工作进展40份，按时报送35份。');
    expect(attr(body, 'rFonts', 'eastAsia')).toBe('仿宋_GB2312');
    expect(attr(body, 'rFonts', 'ascii')).toBe('仿宋');
    expect(attr(body, 'sz', 'val')).toBe('32');
    expect(attr(body, 'spacing', 'line')).toBe('578');
    expect(attr(body, 'spacing', 'lineRule')).toBe('exact');
    expect(attr(body, 'ind', 'firstLine')).toBe('640');
  });

  it('puts the overdue list and the ranking in bordered tables with a repeated header row', () => {
    const tables = body.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(2);
    const rows = (table: string) =>
      (table.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((row) =>
        (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(textOf),
      );
    expect(rows(tables[0]!)).toEqual([
      ['序号', '要点', '任务', '责任单位', '到期日', '逾期天数', '原因'],
      ['1', '第5项', '完成城区学校改扩建工程', '计财股', '6月30日', '12', '5月报告逾期12天'],
    ]);
    expect(rows(tables[1]!).map((r) => r[1])).toEqual(['单位', '办公室', '计财股']);
    expect(tables[1]).toContain('<w:tblHeader/>');
    expect(attr(tables[1]!, 'top', 'val')).toBe('single');
    // Column widths fill the type area.
    const widths = [...tables[1]!.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThan(8845 - 10);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(8845);
    // Text after a table follows it.
    expect(body.indexOf('请上述责任单位补齐进度。')).toBeGreaterThan(body.indexOf(tables[0]!));
  });

  it('ends with the issuer and the date, right-aligned, and numbers pages "— 1 —" at the bottom', () => {
    const all = paragraphs(body)
      .map(textOf)
      .filter((t) => t !== '');
    expect(all.slice(-2)).toEqual(['岳阳市云溪区教育体育局', '2024年7月3日']);
    expect(attr(paragraph('2024年7月3日'), 'jc', 'val')).toBe('right');
    const footerName = Object.keys(files).find((name) => /^word\/footer\d*\.xml$/.test(name));
    const footer = strFromU8(files[footerName!]!);
    expect(footer).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*<w:t[^>]*> —<\/w:t>/);
    expect(attr(footer, 'jc', 'val')).toBe('center');
    expect(document).toContain('w:footerReference');
    const core = strFromU8(files['docProps/core.xml']!);
    expect(core).toContain('<dc:title>2024年6月工作要点落实情况通报</dc:title>');
  });
});
