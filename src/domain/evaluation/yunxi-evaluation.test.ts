import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { seedYunxiYear } from '../../seed/yunxi-bureau.ts';
import { systemActor } from '../context.ts';
import { exportEvaluation } from './export-evaluation.ts';
import { getEvaluation } from './get-evaluation.ts';
import { lockEvaluation } from './lock-evaluation.ts';

// The Yunxi plan (30 departments, 60 schools) filled with a generated 2024 and evaluated at year end.

describeEachDatabase('evaluation of a generated Yunxi year', (current) => {
  it('scores every unit with tasks, ranks them 1..n, locks and exports', async () => {
    const database = current();
    const { organizationId, planId } = await seedYunxiYear(database, { seed: 7, through: '2024-12-31' });
    const ctx = {
      db: database.db,
      dialect: database.dialect,
      actor: systemActor(organizationId, '督导室'),
      now: () => new Date('2025-01-10T02:00:00Z'),
    };
    const started = performance.now();
    const evaluation = await getEvaluation(ctx, planId);
    const elapsed = performance.now() - started;
    expect(evaluation.asOf).toBe('2024-12-31');
    const owners = await database.db
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
      .select('task_units.unit_id')
      .distinct()
      .where('tasks.plan_id', '=', planId)
      .execute();
    const ranked = [...evaluation.departments, ...evaluation.schools].filter((u) => u.ranked);
    // At year end every owner owes reports, so every one is assessable and ranked.
    expect(new Set(ranked.map((u) => u.unitId))).toEqual(new Set(owners.map((o) => o.unit_id)));
    for (const group of [evaluation.departments, evaluation.schools]) {
      const rankedUnits = group.filter((u) => u.ranked);
      const ranks = rankedUnits.map((u) => u.rank ?? 0);
      expect(ranks[0]).toBe(1);
      rankedUnits.forEach((unit, index) => {
        const before = rankedUnits[index - 1];
        // Competition ranking: each rank is its position, or the previous rank when tied — and a
        // tie means the same standing and the same total, never a name.
        expect(unit.rank === index + 1 || unit.rank === before?.rank).toBe(true);
        if (before && unit.rank === before.rank) {
          expect([unit.silent, unit.total]).toEqual([before.silent, before.total]);
        }
        // Silent units (reports due, none standing) come after every other, whatever the points.
        if (before?.silent) expect(unit.silent).toBe(true);
        if (before && before.silent === unit.silent)
          expect(unit.total).toBeLessThanOrEqual(before.total ?? 0);
      });
      for (const unit of rankedUnits) {
        expect(unit.total).toBeGreaterThanOrEqual(0);
        expect(unit.total).toBeLessThanOrEqual(100 + evaluation.rubric.bonusCap);
        expect(unit.timeliness.due).toBeGreaterThan(0);
        expect(unit.lines.find((l) => l.kind === 'total')?.text).toMatch(/^总分：/);
        // Nothing is ever counted as full marks for want of data.
        expect(unit.lines.map((l) => l.text).join('\n')).not.toContain('按满分');
      }
    }
    // A generated year is neither perfect nor empty.
    const totals = ranked.map((u) => u.total ?? 0);
    expect(Math.max(...totals)).toBeGreaterThan(Math.min(...totals));
    console.info(
      `[evaluation] Yunxi ${database.dialect}: ${ranked.length} units scored in ${Math.round(elapsed)} ms`,
    );

    await lockEvaluation(ctx, planId);
    const xlsx = await exportEvaluation(ctx, planId, 'xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ExcelJS.Buffer);
    expect(book.getWorksheet('考核排名')?.rowCount).toBe(
      1 + evaluation.departments.length + evaluation.schools.length,
    );
    const docx = await exportEvaluation(ctx, planId, 'docx');
    const xml = strFromU8(unzipSync(docx.bytes)['word/document.xml'] ?? new Uint8Array());
    expect(xml).toContain('已发布并锁定');
  }, 600_000);
});
