import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { getDocumentProxy } from 'unpdf';
import { expect, it } from 'vitest';
import { getBulletinFile } from '../../src/domain/bulletin/bulletin-file.ts';
import { createBulletin } from '../../src/domain/bulletin/create-bulletin.ts';
import { issueBulletin } from '../../src/domain/bulletin/issue-bulletin.ts';
import { getBulletin } from '../../src/domain/bulletin/list-bulletins.ts';
import { systemActor } from '../../src/domain/context.ts';
import { seedYunxiYear } from '../../src/seed/yunxi-bureau.ts';
import { seedYunxiThroughJune } from '../support/bulletin-fixture.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { convertWithLibreOffice, ensureLibreOffice } from '../support/libreoffice.ts';

// The June 2024 bulletin of the Yunxi plan, opened by a real word processor: LibreOffice converts
// the issued .docx to PDF (its text read back) and its first page to PNG, kept in
// test-results/bulletin/ for a person to look at. .ci/run installs LibreOffice and the CJK fonts.

const OUT = new URL('../../test-results/bulletin/', import.meta.url).pathname;

/** Width, height and the share of dark pixels of an 8-bit PNG (gray, RGB or RGBA, any filter). */
function pngStats(bytes: Buffer): { width: number; height: number; dark: number } {
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const depth = bytes[24]!;
  const colour = bytes[25]!;
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colour];
  if (depth !== 8 || channels === undefined) throw new Error(`unexpected PNG format ${depth}/${colour}`);
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT')
      idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  let previous = new Uint8Array(stride);
  let dark = 0;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = new Uint8Array(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? line[x - channels]! : 0;
      const b = previous[x]!;
      const c = x >= channels ? previous[x - channels]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const add = [0, a, b, (a + b) >> 1, paeth][filter] ?? 0;
      line[x] = (line[x]! + add) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const px = x * channels;
      const luminance = channels >= 3 ? (line[px]! + line[px + 1]! + line[px + 2]!) / 3 : line[px]!;
      if (luminance < 128) dark++;
    }
    previous = line;
  }
  return { width, height, dark: dark / (width * height) };
}

/**
 * Opens an issued bulletin in LibreOffice: the PDF's first page is A4 with the title, the first
 * section and "— 1 —"; its last page ends with the issuer and date; page 1 as PNG is kept under
 * `name` and is neither blank nor black.
 */
async function openInLibreOffice(bytes: Uint8Array, name: string, ending: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'duban-bulletin-'));
  try {
    const docx = join(work, `${name}.docx`);
    writeFileSync(docx, bytes);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, `${name}.docx`), bytes);
    const pdf = readFileSync(convertWithLibreOffice(docx, 'pdf', work));
    const document = await getDocumentProxy(new Uint8Array(pdf), { verbosity: 0 });
    expect(document.numPages).toBeGreaterThan(1);
    const first = await document.getPage(1);
    const [, , width, height] = first.view as [number, number, number, number];
    // A4 in points: 595 × 842.
    expect(Math.round(width)).toBe(595);
    expect(Math.round(height)).toBe(842);
    // PDF text comes in spaced runs; compare without white space.
    const textOf = async (n: number) =>
      (await (await document.getPage(n)).getTextContent()).items
        .map((item) => ('str' in item ? item.str : ''))
        .join('')
        .replace(/\s/g, '');
    const text = await textOf(1);
    expect(text).toContain('2024年6月工作要点落实情况通报');
    expect(text).toContain('一、总体进展');
    expect(text).toContain('—1—');
    const lastText = await textOf(document.numPages);
    expect(lastText).toContain(ending);
    expect(lastText).toContain(`—${document.numPages}—`);

    const png = readFileSync(convertWithLibreOffice(docx, 'png', work));
    writeFileSync(join(OUT, `${name}-page1.png`), png);
    const stats = pngStats(png);
    expect(png.length).toBeGreaterThan(20_000);
    expect(stats.height / stats.width).toBeCloseTo(297 / 210, 2);
    // Text covers part of the page: neither blank nor a black box.
    expect(stats.dark).toBeGreaterThan(0.01);
    expect(stats.dark).toBeLessThan(0.3);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The number of rows (header included) of each table of a .docx. */
function tableRows(bytes: Uint8Array): number[] {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  return (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).map(
    (table) => (table.match(/<w:tr[ >]/g) ?? []).length,
  );
}

describeEachDatabase('the June 2024 Yunxi bulletin in LibreOffice', (current) => {
  it('of a year generated by generatePlanYear (30 departments, 60 schools): opens with its tables', async () => {
    ensureLibreOffice();
    const database = current();
    const { organizationId, planId } = await seedYunxiYear(database, { seed: 11, through: '2024-07-02' });
    const ctx = {
      db: database.db,
      dialect: database.dialect,
      actor: systemActor(organizationId, '督办室'),
      now: () => new Date('2024-07-02T02:00:00Z'),
    };
    const { id } = await createBulletin(ctx, { planId, month: '2024-06' });
    const draft = await getBulletin(ctx, id);
    const section = (key: string) => draft.content.sections.find((s) => s.key === key)!;
    expect(section('overall').text).toContain('截至2024年6月30日');
    expect(section('sections').parts).toHaveLength(5);
    // Fanned-out work is named by its departments and counted in schools.
    expect(section('lagging').text).toMatch(/责任单位：[^。]*及\d+所学校。/);
    expect(section('ranking').text).toMatch(/全县60所学校应报送进展\d+份/);
    await issueBulletin(ctx, { bulletinId: id, version: 1 });
    const file = await getBulletinFile(ctx, id);
    const rows = tableRows(file.bytes);
    expect(rows).toEqual([
      ...(section('lagging').table ? [section('lagging').table!.rows.length + 1] : []),
      section('ranking').table!.rows.length + 1,
    ]);
    expect(section('ranking').table!.rows.length).toBeGreaterThan(15);
    await openInLibreOffice(file.bytes, 'bulletin-2024-06', '岳阳市云溪区教育体育局2024年7月2日');
  }, 300_000);

  it('of a half year worked through the use cases: the completed items and both tables read back', async () => {
    ensureLibreOffice();
    const y = await seedYunxiThroughJune(current());
    const supervisor = y.as(y.supervisor);
    const { id } = await createBulletin(supervisor, { planId: y.planId, month: '2024-06' });
    const draft = await getBulletin(supervisor, id);
    expect(draft.asOf).toBe('2024-06-30');
    await issueBulletin(supervisor, { bulletinId: id, version: 1 });
    const file = await getBulletinFile(supervisor, id);
    expect(file.fileName).toBe('2024年6月工作通报.docx');
    const ranking = draft.content.sections.find((s) => s.key === 'ranking')!.table!;
    const overdue = draft.content.sections.find((s) => s.key === 'lagging')!.table!;
    expect(ranking.rows.length).toBeGreaterThan(10);
    expect(tableRows(file.bytes)).toEqual([overdue.rows.length + 1, ranking.rows.length + 1]);
    expect(draft.content.sections.find((s) => s.key === 'completed')!.text).toContain('第23项要点');
    await openInLibreOffice(file.bytes, 'bulletin-2024-06-scenario', '岳阳市云溪区教育体育局2024年7月2日');
  }, 240_000);
});
