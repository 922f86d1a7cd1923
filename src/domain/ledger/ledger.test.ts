import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { addUnit, addUser, contextFor, countRows, testClock } from '../../../test/support/factories.ts';
import { fixedContext, yunxiText } from '../../../test/support/yunxi.ts';
import type { Database } from '../../db/connect.ts';
import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';
import { getPlanTree } from '../get-plan-tree.ts';
import { importNotice } from '../import-notice.ts';
import { publishPlan } from '../publish-plan.ts';
import { reviewReport } from '../review-report.ts';
import { submitReport } from '../submit-report.ts';
import { LEDGER_COLUMNS } from './columns.ts';
import { exportLedger, LIGHT_FILLS } from './export-ledger.ts';
import { importDecomposition } from './import-decomposition.ts';
import { ledgerMessages as M } from './messages.ts';
import { previewDecomposition } from './preview-decomposition.ts';

// The Yunxi plan published on 2024-02-23 with two schools in the directory, exported on 2024-04-01
// (lights red, yellow and green) and decomposed again from .xlsx files.

async function publishedYunxi(database: Database) {
  const system = await fixedContext(database, '2024-02-23T02:00:00Z');
  const org = system.actor.organizationId;
  const { db } = database;
  await addUnit(db, org, '云溪区实验小学', 'school');
  await addUnit(db, org, '云溪区第一中学', 'school');
  const { planId } = await importNotice(system, { text: yunxiText }, { createUnits: true });
  await publishPlan(system, { planId });
  const unitId = async (name: string) =>
    (await db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const clock = testClock('2024-04-01T02:00:00Z');
  const supervisor = await addUser(db, org, 'duban', ['supervisor']);
  return {
    planId,
    clock,
    db,
    org,
    unitId,
    supervisor,
    as: (actor: Actor) => contextFor(database, actor, clock),
  };
}

type Yunxi = Awaited<ReturnType<typeof publishedYunxi>>;

async function topTask(y: Yunxi, itemNo: number) {
  return y.db
    .selectFrom('tasks')
    .innerJoin('items', 'items.id', 'tasks.item_id')
    .select(['tasks.id', 'tasks.title', 'tasks.lead_unit_id', 'tasks.due_on', 'tasks.version'])
    .where('items.no', '=', itemNo)
    .where('tasks.parent_task_id', 'is', null)
    .where('tasks.plan_id', '=', y.planId)
    .orderBy('tasks.id')
    .executeTakeFirstOrThrow();
}

/** Every owner of item 4's task (no school copies) files March on time, accepted: that task turns green. */
async function fileMarch(y: Yunxi) {
  const task = await topTask(y, 4);
  const owners = await y.db
    .selectFrom('task_units')
    .select('unit_id')
    .where('task_id', '=', task.id)
    .execute();
  y.clock.set('2024-03-20T02:00:00Z');
  for (const [n, owner] of owners.entries()) {
    const actor = await addUser(y.db, y.org, `owner${n}`, ['department'], { unitId: owner.unit_id });
    const { reportId } = await submitReport(y.as(actor), {
      taskId: task.id,
      period: '2024-03',
      selfStatus: 'on_track',
      percent: 30,
      narrative: '已起草食堂管理实施细则',
    });
    await reviewReport(y.as(y.supervisor), { reportId, decision: 'accept' });
  }
  y.clock.set('2024-04-01T02:00:00Z');
  return task;
}

async function readBook(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof book.xlsx.load>[0]);
  return book;
}

async function xlsx(rows: ReadonlyArray<ReadonlyArray<string | number | Date>>, sheetName = '任务分解表') {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow([...row]);
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

const header = (sheet: ExcelJS.Worksheet) =>
  (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''));

describeEachDatabase('ledger (台账) export and decomposition import', (current) => {
  it('exports 总台账 and one sheet per department and school, with frozen header, filters, widths and light fills', async () => {
    const y = await publishedYunxi(current());
    const green = await fileMarch(y);
    const file = await exportLedger(y.as(y.supervisor), { planId: y.planId });
    expect(file.fileName).toMatch(/台账-2024-04-01\.xlsx$/);
    const book = await readBook(file.bytes);
    const total = book.getWorksheet('总台账')!;
    const taskCount = Number(
      (
        await y.db
          .selectFrom('tasks')
          .select(({ fn }) => fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(total.rowCount - 1).toBe(taskCount);
    expect(file.rows).toBe(taskCount);
    expect(header(total)).toEqual(LEDGER_COLUMNS.map((c) => c.header));
    expect(total.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(total.autoFilter).toBeTruthy();
    expect(total.getColumn('F').width).toBeGreaterThanOrEqual(40);
    // Long Chinese text (任务内容) wraps inside its column instead of running across the sheet.
    expect(total.getRow(2).getCell('F').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    // Every row's light cell is filled with its light's colour; red, yellow and green all occur.
    const lightColumn = LEDGER_COLUMNS.findIndex((c) => c.key === 'light') + 1;
    const byText = Object.fromEntries(Object.entries(M.lights).map(([light, text]) => [text, light]));
    const seen = new Set<string>();
    for (let r = 2; r <= total.rowCount; r++) {
      const cell = total.getRow(r).getCell(lightColumn);
      const light = byText[String(cell.value)] as keyof typeof LIGHT_FILLS;
      seen.add(light);
      expect(cell.fill).toMatchObject({ type: 'pattern', fgColor: { argb: LIGHT_FILLS[light] } });
    }
    expect([...seen]).toEqual(expect.arrayContaining(['red', 'yellow', 'green']));
    // The green task's row shows its latest report, date and review state.
    const greenRow = [...Array(total.rowCount - 1).keys()]
      .map((i) => total.getRow(i + 2))
      .find((row) => row.getCell(2).value === green.id)!;
    const cell = (key: string) => greenRow.getCell(LEDGER_COLUMNS.findIndex((c) => c.key === key) + 1).value;
    expect(cell('light')).toBe('绿');
    expect(String(cell('latestReport'))).toContain('已起草食堂管理实施细则');
    expect(cell('reportedOn')).toBe('2024-03-20');
    expect(cell('reviewState')).toBe('已通过');
    // One sheet per owning department and per school with its fanned-out copies.
    const office = book.getWorksheet('办公室')!;
    const officeTasks = await y.db
      .selectFrom('task_units')
      .select('task_id')
      .where('unit_id', '=', await y.unitId('办公室'))
      .execute();
    expect(office.rowCount - 1).toBe(officeTasks.length);
    expect(office.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const school = book.getWorksheet('云溪区实验小学');
    const schoolTasks = await y.db
      .selectFrom('tasks')
      .select('id')
      .where('lead_unit_id', '=', await y.unitId('云溪区实验小学'))
      .execute();
    expect(schoolTasks.length).toBeGreaterThan(0);
    expect(school!.rowCount - 1).toBe(schoolTasks.length);
    const names = book.worksheets.map((s) => s.name);
    expect(names[0]).toBe('总台账');
    expect(names.indexOf('办公室')).toBeLessThan(names.indexOf('云溪区实验小学'));
  });

  it('round trip: importing an exported ledger previews no change, and confirming writes nothing', async () => {
    const y = await publishedYunxi(current());
    await fileMarch(y);
    const ctx = y.as(y.supervisor);
    const file = await exportLedger(ctx, { planId: y.planId });
    const treeBefore = await getPlanTree(ctx, { planId: y.planId });
    const rowsBefore = await countRows(y.db);
    const preview = await previewDecomposition(ctx, {
      planId: y.planId,
      file: { bytes: file.bytes, fileName: file.fileName },
    });
    expect(preview.sheet).toBe('总台账');
    expect(preview.counts).toMatchObject({
      new: 0,
      changed: 0,
      unreadable: 0,
      absent: 0,
      unchanged: file.rows,
    });
    await expect(
      importDecomposition(ctx, {
        planId: y.planId,
        file: { bytes: file.bytes, fileName: file.fileName },
        digest: preview.digest,
        skipUnreadable: false,
      }),
    ).rejects.toThrow(M.nothingToImport);
    expect(await countRows(y.db)).toEqual(rowsBefore);
    expect(await getPlanTree(ctx, { planId: y.planId })).toEqual(treeBefore);
  });

  it('previews a hand-written decomposition with new, changed and unreadable rows, then applies exactly that', async () => {
    const y = await publishedYunxi(current());
    const ctx = y.as(y.supervisor);
    const item1 = await topTask(y, 1);
    const item2 = await topTask(y, 2);
    const bytes = await xlsx([
      ['云溪区教体局2024年工作要点任务分解表'],
      ['序号', '要点编号', '具体任务', '牵头股室', '协办单位', '完成时间'],
      [1, 1, '每季度开展一次意识形态专题研判', '办公室', '人事股、纪检监察室', '2024年6月底前'],
      [2, 1, item1.title, '人事股', '', new Date(Date.UTC(2024, 11, 31))],
      [3, 2, '组织党务干部培训', '组织人事科', '', '2024-09-30'],
      [4, 99, '不存在的要点下的任务', '办公室', '', '2024-09-30'],
      [5, 2, '日期写错的任务', '办公室', '', '2024-13-40'],
      [6, 2, '', '办公室', '', '2024-09-30'],
      [7, 3, '按年底完成', '办公室', '', '年底前'],
    ]);
    const rowsBefore = await countRows(y.db);
    const preview = await previewDecomposition(ctx, {
      planId: y.planId,
      file: { bytes, fileName: '分解.xlsx' },
    });
    expect(await countRows(y.db)).toEqual(rowsBefore);
    expect(preview.counts).toMatchObject({ rows: 7, new: 2, changed: 1, unreadable: 4 });
    expect(preview.newTasks.map((t) => [t.row, t.itemNo, t.after])).toEqual([
      [
        3,
        1,
        {
          title: '每季度开展一次意识形态专题研判',
          lead: '办公室',
          coOwners: ['人事股', '纪检监察室'],
          dueOn: '2024-06-30',
        },
      ],
      [9, 3, { title: '按年底完成', lead: '办公室', coOwners: [], dueOn: '2024-12-31' }],
    ]);
    expect(preview.changedTasks).toHaveLength(1);
    expect(preview.changedTasks[0]).toMatchObject({
      row: 4,
      taskId: item1.id,
      after: { lead: '人事股', coOwners: [] },
    });
    expect(preview.changedTasks[0]!.changed).toContain('lead');
    expect(preview.unreadable).toEqual([
      { row: 5, column: '牵头股室', message: expect.stringContaining('组织人事科') },
      { row: 6, column: '要点编号', message: M.itemNotFound(99) },
      { row: 7, column: '完成时间', message: M.dateInvalid('2024-13-40') },
      { row: 8, column: '具体任务', message: M.titleMissing },
    ]);
    // Item 2's task is not in the file: listed, left as it is.
    expect(preview.absent.map((a) => a.taskId)).toContain(item2.id);

    const confirm = (skipUnreadable: boolean, digest = preview.digest) =>
      importDecomposition(ctx, {
        planId: y.planId,
        file: { bytes, fileName: '分解.xlsx' },
        digest,
        skipUnreadable,
      });
    await expect(confirm(false)).rejects.toThrow('第 5、6、7、8 行无法读取');
    await expect(confirm(true, 'f'.repeat(64))).rejects.toThrow(M.previewStale);
    expect(await countRows(y.db)).toEqual(rowsBefore);

    const result = await confirm(true);
    expect(result.created).toHaveLength(2);
    expect(result.changed).toEqual([item1.id]);
    expect(result.skippedRows).toEqual([5, 6, 7, 8]);
    const created = await y.db
      .selectFrom('tasks')
      .select(['id', 'title', 'due_on', 'lead_unit_id', 'status', 'start_on'])
      .where('id', 'in', result.created)
      .orderBy('id')
      .execute();
    expect(created.map((t) => [t.title, t.due_on, t.status, t.start_on])).toEqual([
      ['每季度开展一次意识形态专题研判', '2024-06-30', 'pending', '2024-04-01'],
      ['按年底完成', '2024-12-31', 'pending', '2024-04-01'],
    ]);
    const coOwners = await y.db
      .selectFrom('task_units')
      .select(['unit_id', 'role'])
      .where('task_id', '=', result.created[0]!)
      .orderBy('unit_id')
      .execute();
    expect(
      coOwners
        .filter((u) => u.role === 'co')
        .map((u) => u.unit_id)
        .sort(),
    ).toEqual([await y.unitId('人事股'), await y.unitId('纪检监察室')].sort());
    const changed = await topTask(y, 1);
    expect(changed.lead_unit_id).toBe(await y.unitId('人事股'));
    expect(changed.version).toBe(item1.version + 1);
    const audit = await y.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', 'in', ['task.create', 'task.edit', 'plan.import-decomposition'])
      .where('created_at', '>=', '2024-04-01')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'task.create',
      'task.edit',
      'task.create',
      'plan.import-decomposition',
    ]);
    // The same file again changes nothing more: the new tasks are found by their text.
    const again = await previewDecomposition(ctx, {
      planId: y.planId,
      file: { bytes, fileName: '分解.xlsx' },
    });
    expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 3, unreadable: 4 });
    await expect(confirm(true)).rejects.toThrow(M.previewStale);
  });

  it('refuses a file that is not .xlsx, or a broken one, in Chinese, and a sheet without the columns', async () => {
    const y = await publishedYunxi(current());
    const ctx = y.as(y.supervisor);
    const preview = (bytes: Uint8Array, fileName = '分解.xlsx') =>
      previewDecomposition(ctx, { planId: y.planId, file: { bytes, fileName } });
    await expect(preview(new TextEncoder().encode('要点序号,任务内容\n1,学习'), '分解.csv')).rejects.toThrow(
      M.notXlsx('分解.csv'),
    );
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    await expect(preview(broken)).rejects.toThrow(M.brokenXlsx('分解.xlsx'));
    await expect(
      preview(
        await xlsx([
          ['序号', '内容'],
          [1, '学习'],
        ]),
      ),
    ).rejects.toThrow('缺少“要点序号”“任务内容”“牵头单位”列');
    // 60 MB of zeros packs into a few KB: refused from the zip's directory before anything is inflated.
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    await expect(preview(bomb)).rejects.toThrow(M.unpacksTooLarge('分解.xlsx'));
    const error = await preview(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_INPUT');
  });

  it('a department exports only its own tasks and may not import', async () => {
    const y = await publishedYunxi(current());
    const officeId = await y.unitId('办公室');
    const office = await addUser(y.db, y.org, 'bgs', ['department'], { unitId: officeId });
    const file = await exportLedger(y.as(office), { planId: y.planId });
    const owned = await y.db
      .selectFrom('task_units')
      .select('task_id')
      .where('unit_id', '=', officeId)
      .execute();
    expect(file.rows).toBe(owned.length);
    const book = await readBook(file.bytes);
    expect(book.worksheets.map((s) => s.name)).toContain('办公室');
    await expect(
      previewDecomposition(y.as(office), {
        planId: y.planId,
        file: { bytes: file.bytes, fileName: 'a.xlsx' },
      }),
    ).rejects.toThrow(M.importerOnly);
  });
});
