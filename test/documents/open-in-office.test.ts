import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { evaluationSheets } from '../../src/documents/evaluation-xlsx.ts';
import { getBulletinFile } from '../../src/domain/bulletin/bulletin-file.ts';
import { createBulletin } from '../../src/domain/bulletin/create-bulletin.ts';
import { issueBulletin } from '../../src/domain/bulletin/issue-bulletin.ts';
import { type Context, systemActor } from '../../src/domain/context.ts';
import { exportEvaluation } from '../../src/domain/evaluation/export-evaluation.ts';
import { getEvaluation } from '../../src/domain/evaluation/get-evaluation.ts';
import { importNotice } from '../../src/domain/import-notice.ts';
import { LEDGER_COLUMNS } from '../../src/domain/ledger/columns.ts';
import { exportLedger } from '../../src/domain/ledger/export-ledger.ts';
import { publishPlan } from '../../src/domain/publish-plan.ts';
import { generatePlanYear } from '../../src/seed/plan-year.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { convertWithLibreOffice, ensureLibreOffice } from '../support/libreoffice.ts';
import { fixedContext, yunxiText } from '../support/yunxi.ts';

// Issue 7's "the files open in their programs": the Yunxi plan imported and published, filled by
// generatePlanYear through 2024-12-31, then the ledger and the evaluation (.xlsx) opened by
// LibreOffice Calc and read back as CSV, the evaluation (.docx) and June's bulletin opened by
// Writer and read back as text. One soffice run per conversion, one after another. The files and
// their conversions are kept in test-results/office/<dialect>/ for a person to open.

const OUT = new URL('../../test-results/office/', import.meta.url).pathname;

/** Parses CSV as LibreOffice writes it: commas, double quotes, line breaks inside quoted cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let at = 0; at < text.length; at++) {
    const c = text[at]!;
    if (quoted) {
      if (c === '"' && text[at + 1] === '"') {
        cell += '"';
        at++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[at + 1] === '\n') at++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describeEachDatabase(
  'issue 7 files of a generated Yunxi year opened by LibreOffice',
  (current, dialect) => {
    let database: Database;
    let planId: number;
    let work: string;
    let outDir: string;
    /** The supervision office's context on a day of the year. */
    let on: (iso: string) => Context;

    /** Writes `bytes` as `name`, converts it and returns the converted text (both kept in outDir). */
    const open = (name: string, bytes: Uint8Array, to: 'csv' | 'txt'): string => {
      const file = join(work, name);
      writeFileSync(file, bytes);
      writeFileSync(join(outDir, name), bytes);
      const converted = readFileSync(convertWithLibreOffice(file, to, work), 'utf8');
      writeFileSync(join(outDir, `${name}.${to}`), converted);
      return converted;
    };

    beforeAll(async () => {
      ensureLibreOffice();
      database = current();
      const system = await fixedContext(database, '2024-02-23T02:00:00Z');
      const imported = await importNotice(system, { text: yunxiText }, { createUnits: true });
      planId = imported.planId;
      await publishPlan(system, { planId });
      const started = performance.now();
      await generatePlanYear(database, { planId, through: '2024-12-31', seed: 7 });
      console.info(
        `[open-in-office] ${dialect}: year generated in ${Math.round(performance.now() - started)} ms`,
      );
      const actor = systemActor(system.actor.organizationId, '督办室');
      on = (iso) => ({ db: database.db, dialect: database.dialect, actor, now: () => new Date(iso) });
      work = mkdtempSync(join(tmpdir(), 'duban-office-'));
      outDir = join(OUT, dialect);
      mkdirSync(outDir, { recursive: true });
    }, 120_000);

    afterAll(() => {
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('the ledger .xlsx opens in Calc: 总台账 has the header and one row per task', async () => {
      const ledger = await exportLedger(on('2025-01-10T02:00:00Z'), { planId });
      const rows = parseCsv(open('ledger.xlsx', ledger.bytes, 'csv'));
      expect(rows[0]).toEqual(LEDGER_COLUMNS.map((c) => c.header));
      const tasks = await database.db
        .selectFrom('tasks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('plan_id', '=', planId)
        .executeTakeFirstOrThrow();
      const body = rows.slice(1);
      expect(body).toHaveLength(Number(tasks.n));
      expect(ledger.rows).toBe(body.length);
      // Item 23 (学校食堂管理) has one task, led by 勤管中心.
      const canteen = await database.db
        .selectFrom('tasks')
        .innerJoin('items', 'items.id', 'tasks.item_id')
        .innerJoin('units', 'units.id', 'tasks.lead_unit_id')
        .select(['tasks.id', 'tasks.title', 'tasks.due_on', 'units.name as lead'])
        .where('tasks.plan_id', '=', planId)
        .where('items.no', '=', 23)
        .where('tasks.parent_task_id', 'is', null)
        .executeTakeFirstOrThrow();
      const column = (header: string) => LEDGER_COLUMNS.findIndex((c) => c.header === header);
      const row = body.find((cells) => cells[column('任务编号')] === String(canteen.id));
      expect(row).toBeDefined();
      expect(row![column('要点序号')]).toBe('23');
      expect(row![column('任务内容')]).toBe(canteen.title);
      expect(row![column('牵头单位')]).toBe(canteen.lead);
      expect(row![column('完成时限')]).toBe(canteen.due_on);
      expect(row![column('亮灯')]).toMatch(/^(未开始|绿|黄|红|办结)$/);
    }, 60_000);

    it('the evaluation opens in Calc and Writer with every unit and its score', async () => {
      const ctx = on('2025-01-10T02:00:00Z');
      const evaluation = await getEvaluation(ctx, planId);
      const units = [...evaluation.departments, ...evaluation.schools];
      const ranked = units.filter((u) => u.ranked);
      expect(ranked.length).toBeGreaterThan(10);

      const xlsx = await exportEvaluation(ctx, planId, 'xlsx');
      const rows = parseCsv(open('evaluation.xlsx', xlsx.bytes, 'csv'));
      expect(rows[0]).toEqual([
        '类别',
        '名次',
        '单位',
        '完成情况得分',
        '已验收/应完成',
        '及时性得分',
        '按时/应报送',
        '审核质量得分',
        '审核通过/审核次数',
        '加分',
        '减分',
        '总分',
        '说明',
      ]);
      expect(rows.slice(1)).toHaveLength(units.length);
      for (const unit of ranked) {
        const row = rows.find((cells) => cells[2] === unit.unitName);
        expect(row, unit.unitName).toBeDefined();
        expect(row![0]).toBe(evaluationSheets.kinds[unit.unitKind]);
        expect(row![1]).toBe(String(unit.rank));
        expect(Number(row![11])).toBeCloseTo(unit.total ?? Number.NaN, 2);
        expect(row![6]).toBe(`${unit.timeliness.onTime}/${unit.timeliness.due}`);
      }

      const docx = await exportEvaluation(ctx, planId, 'docx');
      const text = open('evaluation.docx', docx.bytes, 'txt').replace(/[ \t]/g, '');
      expect(text).toContain(`${evaluation.year}年度工作要点落实情况年终考核结果`);
      const first = ranked[0]!;
      expect(text).toContain(`${first.unitName}（第${first.rank}名，${(first.total ?? 0).toFixed(2)}分）`);
      const office = ranked.find((u) => u.unitName === '办公室');
      expect(office).toBeDefined();
      expect(text).toContain(`办公室（第${office!.rank}名，${(office!.total ?? 0).toFixed(2)}分）`);
    }, 60_000);

    it('the June 2024 bulletin opens in Writer with its title and sections', async () => {
      const ctx = on('2024-07-02T02:00:00Z');
      const { id } = await createBulletin(ctx, { planId, month: '2024-06' });
      await issueBulletin(ctx, { bulletinId: id, version: 1 });
      const file = await getBulletinFile(ctx, id);
      const text = open('bulletin-2024-06.docx', file.bytes, 'txt').replace(/[ \t]/g, '');
      expect(text).toContain('2024年6月工作要点落实情况通报');
      expect(text).toContain('一、总体进展');
      expect(text).toContain('截至2024年6月30日');
      const issuer = await database.db.selectFrom('organizations').select('name').executeTakeFirstOrThrow();
      expect(text).toContain(issuer.name.replace(/\s/g, ''));
    }, 60_000);
  },
  { fresh: 'all' },
);
