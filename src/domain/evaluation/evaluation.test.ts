import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { EVALUATION_NOW, seedEvaluationFixture } from '../../../test/support/evaluation-fixture.ts';
import { contextFor, testClock } from '../../../test/support/factories.ts';
import { expectRefused } from '../../../test/support/workflow-fixture.ts';
import type { Evaluation, UnitEvaluation } from '../../shared/evaluations.ts';
import type { Actor } from '../context.ts';
import { reviewReport } from '../review-report.ts';
import { addAdjustment } from './add-adjustment.ts';
import { deleteAdjustment } from './delete-adjustment.ts';
import { exportEvaluation } from './export-evaluation.ts';
import { getEvaluation } from './get-evaluation.ts';
import { lockEvaluation } from './lock-evaluation.ts';
import { saveRubric } from './save-rubric.ts';

const summary = (units: UnitEvaluation[]) => units.map((u) => [u.unitName, u.rank, u.total]);
const linesOf = (evaluation: Evaluation, name: string) =>
  [...evaluation.departments, ...evaluation.schools]
    .find((u) => u.unitName === name)
    ?.lines.map((l) => l.text);

describeEachDatabase('year-end evaluation', (current) => {
  async function setUp() {
    const database = current();
    const fixture = await seedEvaluationFixture(database);
    const clock = testClock(EVALUATION_NOW);
    const as = (actor: Actor) => contextFor(database, actor, clock);
    const supervisor = as(fixture.actors.supervisor);
    const { units, planId } = fixture;
    await addAdjustment(supervisor, planId, {
      unitId: units.office,
      kind: 'bonus',
      points: 2,
      reason: '承办全市现场会',
    });
    await addAdjustment(supervisor, planId, {
      unitId: units.office,
      kind: 'penalty',
      points: 1.5,
      reason: '信息报送差错',
    });
    await addAdjustment(supervisor, planId, {
      unitId: units.personnel,
      kind: 'bonus',
      points: 4,
      reason: '获评省级先进',
    });
    await addAdjustment(supervisor, planId, {
      unitId: units.personnel,
      kind: 'bonus',
      points: 3,
      reason: '经验在全市推广',
    });
    await addAdjustment(supervisor, planId, {
      unitId: units.chengguan,
      kind: 'penalty',
      points: 12,
      reason: '发生安全责任事故',
    });
    return { database, fixture, clock, as, supervisor };
  }

  it('matches the hand calculation line by line', async () => {
    const { fixture, supervisor } = await setUp();
    const evaluation = await getEvaluation(supervisor, fixture.planId);
    expect(evaluation.asOf).toBe('2024-07-10');
    expect(evaluation.rubric).toMatchObject({
      completion: 60,
      timeliness: 25,
      quality: 15,
      bonusCap: 5,
      penaltyCap: 10,
    });

    // 办公室: 完成 T1 每月 3–6月 应 4 已验收 2（3月、5月；4月待审核不计）；7月未到期但已验收 1 次，提前完成的
    //         两边都计：3/5；+ T2 方案 1/1 = 4/6 = 66.7% × 60 = 40.00
    //         及时 T1 3月✓ 4月✗(退回后 4-28 重报) 5月✓(5-25 周六顺延至 5-27) 6月缺；T2 3✓ 4✓ 5月退回✗ 6✓ = 5/8 × 25 = 15.625 → 15.63
    //         质量 审核 7 次：T1 3月✓ 4月✗✓（退回、重报后通过，各记一次）；T1 5月待审核不计；T2 3✓ 4✓ 5月✗ 6✓
    //              = 通过 5 / 审核 7 = 5/7 × 15 = 10.714… → 10.71
    //         加分 2.00，减分 1.50；总分 40.00 + 15.63 + 10.71 + 2.00 - 1.50 = 66.84
    expect(linesOf(evaluation, '办公室')).toEqual([
      '完成情况：已验收 4 / 应完成 6 = 66.7% × 60 = 40.00',
      '及时性：按时报送 5 / 应报送 8 = 62.5% × 25 = 15.63',
      '审核质量：审核通过 5 / 审核 7 次 = 71.4% × 15 = 10.71',
      '加分：承办全市现场会（+2.00，duban）',
      '减分：信息报送差错（-1.50，duban）',
      '总分：40.00 + 15.63 + 10.71 + 2.00 - 1.50 = 66.84',
    ]);
    // 人事股: 完成 T1(配合，与办公室同计) 3/5；T3 全年2次 到 7-10 应 floor(2×192/366)=1 已 1；
    //         T4 6月底前 应 1 已 0；(3 + 1 + 0) / (5 + 1 + 1) = 4/7 = 57.1% × 60 = 34.285… → 34.29
    //         及时 T1(配合) 3✓4✓5✗(5-28)6✓ = 3；T3 4✓；T4(6-30 止) 3✓4✓5缺6缺 = 2；9/12 = 75% × 25 = 18.75
    //         质量 T1 4 次通过；T3 3 次通过 + 6月退回后重报通过（✗✓）；T4 4月通过、3月待审核不计
    //              = 通过 9 / 审核 10：十次里一次退回只扣它的一份，9/10 × 15 = 13.50（不是 0）
    //         加分 4 + 3 = 7 > 上限 5 → 5.00；总分 34.29 + 18.75 + 13.50 + 5.00 = 71.54
    expect(linesOf(evaluation, '人事股')).toEqual([
      '完成情况：已验收 4 / 应完成 7 = 57.1% × 60 = 34.29',
      '及时性：按时报送 9 / 应报送 12 = 75.0% × 25 = 18.75',
      '审核质量：审核通过 9 / 审核 10 次 = 90.0% × 15 = 13.50',
      '加分：获评省级先进（+4.00，duban）',
      '加分：经验在全市推广（+3.00，duban）',
      '加分合计 7.00，超过上限 5，按 5.00 计',
      '总分：34.29 + 18.75 + 13.50 + 5.00 = 71.54',
    ]);
    // 城关小学: 4/4 × 60 = 60.00；3/4 × 25 = 18.75（6月 6-26 逾期）；4 份均未审核，质量暂不考核；
    //   折算 (60.00 + 18.75) / (60 + 25) × 100 = 7875 × 100 / 85 = 9264.7… → 92.65；减分 12 > 上限 10 → 82.65
    expect(linesOf(evaluation, '城关小学')).toEqual([
      '完成情况：已验收 4 / 应完成 4 = 100.0% × 60 = 60.00',
      '及时性：按时报送 3 / 应报送 4 = 75.0% × 25 = 18.75',
      '审核质量：已报送 4 份，截至考核日尚无审核结果，本项暂不考核，不计入总分',
      '减分：发生安全责任事故（-12.00，duban）',
      '减分合计 12.00，超过上限 10，按 10.00 计',
      '总分：按可考核项折算 (60.00 + 18.75) / (60 + 25) × 100 = 92.65；92.65 - 10.00 = 82.65',
    ]);
    // 实验小学: 完成 1/4 = 25% × 60 = 15.00；及时 0/4 = 0；一份未报，质量无从考核（不按 0 分也不按满分）；
    //   折算 (15.00 + 0.00) / (60 + 25) × 100 = 1764.7… → 17.65；应报未报，排在有有效报告的学校之后
    expect(linesOf(evaluation, '实验小学')).toEqual([
      '完成情况：已验收 1 / 应完成 4 = 25.0% × 60 = 15.00',
      '及时性：按时报送 0 / 应报送 4 = 0.0% × 25 = 0.00',
      '审核质量：应报送 4 份而一份未报送，无可审核的报告，本项不考核，不计入总分（排名见排名规则）',
      '总分：按可考核项折算 (15.00 + 0.00) / (60 + 25) × 100 = 17.65',
      '排名规则：应报送 4 份进展报告，一份未报送，截至考核日没有有效报告，排在所有有有效报告的单位之后（不论总分高低）',
    ]);
    // 安全股 co-owns T2 (方案 1/1 = 60.00) and filed none of its 4 reports: (60.00 + 0.00) / 85 × 100 =
    //   70.59, above 人事股 and 办公室, yet ranked after both.
    expect(linesOf(evaluation, '安全股')?.slice(-2)).toEqual([
      '总分：按可考核项折算 (60.00 + 0.00) / (60 + 25) × 100 = 70.59',
      '排名规则：应报送 4 份进展报告，一份未报送，截至考核日没有有效报告，排在所有有有效报告的单位之后（不论总分高低）',
    ]);
    expect(summary(evaluation.departments)).toEqual([
      ['人事股', 1, 71.54],
      ['办公室', 2, 66.84],
      ['安全股', 3, 70.59],
      ['教研室', null, null],
      ['财务股', null, null],
    ]);
    // 城西小学 and 实验小学 did the same (17.65 each): one rank, listed by name (城 cheng before 实 shi).
    expect(summary(evaluation.schools)).toEqual([
      ['城关小学', 1, 82.65],
      ['城西小学', 2, 17.65],
      ['实验小学', 2, 17.65],
      ['城南幼儿园', null, null],
    ]);
    // 教研室's task starts in September: nothing to assess yet, so no score — not 100, not 0.
    expect(linesOf(evaluation, '教研室')).toEqual([
      '完成情况：截至考核日无应完成的指标，本项暂不考核，不计入总分',
      '及时性：截至考核日无应报送的报告，本项暂不考核，不计入总分',
      '审核质量：截至考核日尚无报送的报告，本项暂不考核，不计入总分',
      '无考核数据：截至考核日没有可以考核的项目，不计总分，不参加排名',
    ]);
    expect(evaluation.departments.find((u) => u.unitName === '教研室')?.unranked).toBe('noData');
    expect(linesOf(evaluation, '财务股')).toEqual(['无考核任务，不参加排名']);
  });

  it("evaluates as of the plan year's last day once the year is over, owing what falls due that day", async () => {
    const { fixture, supervisor, clock } = await setUp();
    clock.set('2025-01-15T02:00:00Z');
    const evaluation = await getEvaluation(supervisor, fixture.planId);
    expect(evaluation.asOf).toBe('2024-12-31');
    // 人事股 at 12-31: 完成 T1 3–12月 应 10，已验收 3（3月、5月、7月）；T3 全年 应 2 已 1；T4 应 1 已 0
    //   = 4/13 = 30.769…% × 60 = 18.4615… → 18.46
    // 及时 T1 10 期按时 3；T3 10 期按时 4；T4 4 期按时 2 = 9/24 = 37.5% × 25 = 9.375 → 9.38
    // 质量 9/10 × 15 = 13.50；加分 7 → 上限 5；总分 18.46 + 9.38 + 13.50 + 5.00 = 46.34
    expect(linesOf(evaluation, '人事股')).toEqual([
      '完成情况：已验收 4 / 应完成 13 = 30.8% × 60 = 18.46',
      '及时性：按时报送 9 / 应报送 24 = 37.5% × 25 = 9.38',
      '审核质量：审核通过 9 / 审核 10 次 = 90.0% × 15 = 13.50',
      '加分：获评省级先进（+4.00，duban）',
      '加分：经验在全市推广（+3.00，duban）',
      '加分合计 7.00，超过上限 5，按 5.00 计',
      '总分：18.46 + 9.38 + 13.50 + 5.00 = 46.34',
    ]);
  });

  it('early in the year scores nobody for want of data, and refuses to lock nothing', async () => {
    const { database, fixture, supervisor, clock } = await setUp();
    // 2024-03-05: no month has ended, no report is due, nothing is reviewed — not full marks for all.
    clock.set('2024-03-05T02:00:00Z');
    const evaluation = await getEvaluation(supervisor, fixture.planId);
    const units = [...evaluation.departments, ...evaluation.schools];
    expect(units.filter((u) => u.ranked)).toEqual([]);
    expect(units.map((u) => u.unranked)).toEqual([
      'noData',
      'noData',
      'noData',
      'noData',
      'noTasks',
      'noData',
      'noData',
      'noData',
      'noTasks',
    ]);
    const refused = await expectRefused(database, 'CONFLICT', () =>
      lockEvaluation(supervisor, fixture.planId),
    );
    expect(refused.message).toMatch(/^截至考核日各单位均无考核数据/);
  });

  it('recomputes with an edited rubric, audits it, and refuses weights that do not add up', async () => {
    const { database, fixture, supervisor, as } = await setUp();
    await saveRubric(supervisor, fixture.planId, {
      completion: 50,
      timeliness: 30,
      quality: 20,
      bonusCap: 5,
      penaltyCap: 10,
    });
    const evaluation = await getEvaluation(supervisor, fixture.planId);
    // 办公室: 4/6 × 50 = 33.33; 5/8 × 30 = 18.75; 5/7 × 20 = 14.285… → 14.29; 33.33 + 18.75 + 14.29 + 2 - 1.5 = 66.87
    expect(linesOf(evaluation, '办公室')?.at(-1)).toBe('总分：33.33 + 18.75 + 14.29 + 2.00 - 1.50 = 66.87');
    expect(evaluation.rubric.version).toBe(1);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('action', 'like', 'evaluation.%')
      .execute();
    expect(audit.map((a) => a.action)).toContain('evaluation.rubric');
    // A stale version is refused.
    await expectRefused(database, 'CONFLICT', () =>
      saveRubric(supervisor, fixture.planId, {
        completion: 60,
        timeliness: 25,
        quality: 15,
        bonusCap: 5,
        penaltyCap: 10,
      }),
    );
    // Departments may not edit.
    const refused = await expectRefused(database, 'FORBIDDEN', () =>
      saveRubric(as(fixture.actors.office), fixture.planId, {
        completion: 60,
        timeliness: 25,
        quality: 15,
        bonusCap: 5,
        penaltyCap: 10,
        version: 1,
      }),
    );
    expect(refused.message).toMatch(/督办人员/);
    // No bonus for a unit with nothing to do in the plan.
    const idle = await expectRefused(database, 'INVALID_INPUT', () =>
      addAdjustment(supervisor, fixture.planId, {
        unitId: fixture.units.finance,
        kind: 'bonus',
        points: 1,
        reason: '协助',
      }),
    );
    expect(idle.message).toBe('财务股在本工作要点中无考核任务，不参加考核，不能加减分。');
    // A withdrawn entry no longer counts.
    const entry = evaluation.adjustments.find((a) => a.reason === '信息报送差错');
    await deleteAdjustment(supervisor, fixture.planId, entry?.id ?? 0);
    expect(linesOf(await getEvaluation(supervisor, fixture.planId), '办公室')?.at(-1)).toBe(
      '总分：33.33 + 18.75 + 14.29 + 2.00 = 68.37',
    );
  });

  it('shows a department or school its own line only', async () => {
    const { fixture, as } = await setUp();
    const own = await getEvaluation(as(fixture.actors.office), fixture.planId);
    expect(own.seesAll).toBe(false);
    expect(own.canEdit).toBe(false);
    expect(summary(own.departments)).toEqual([['办公室', 2, 66.84]]);
    expect(own.schools).toEqual([]);
    expect(own.adjustments.map((a) => a.unitName)).toEqual(['办公室', '办公室']);
    const leader = await getEvaluation(as(fixture.actors.leader), fixture.planId);
    expect(leader.departments).toHaveLength(5);
    expect(leader.canEdit).toBe(false);
  });

  it('once locked, reads the snapshot whatever happens to reports, and refuses every edit in Chinese', async () => {
    const { database, fixture, supervisor, clock } = await setUp();
    await lockEvaluation(supervisor, fixture.planId);
    const locked = await getEvaluation(supervisor, fixture.planId);
    expect(locked.locked).toEqual({ at: '2024-07-10T02:00:00.000Z', by: 'duban' });
    expect(locked.canEdit).toBe(false);

    // Later: 人事股's March report on T4 is returned, and the clock moves on past more due dates.
    clock.set('2024-08-20T02:00:00Z');
    await reviewReport(supervisor, {
      reportId: fixture.reports.personnelT4Mar,
      decision: 'return',
      comment: '佐证不全',
    });
    const after = await getEvaluation(supervisor, fixture.planId);
    expect(after.asOf).toBe('2024-07-10');
    expect(summary(after.departments)).toEqual(summary(locked.departments));
    expect(linesOf(after, '人事股')).toEqual(linesOf(locked, '人事股'));

    const refused = await expectRefused(database, 'CONFLICT', () =>
      addAdjustment(supervisor, fixture.planId, {
        unitId: fixture.units.office,
        kind: 'bonus',
        points: 1,
        reason: '补加',
      }),
    );
    expect(refused.message).toBe('考核已于 2024-07-10 10:00 发布并锁定，不能再修改。');
    await expectRefused(database, 'CONFLICT', () =>
      saveRubric(supervisor, fixture.planId, {
        completion: 50,
        timeliness: 30,
        quality: 20,
        bonusCap: 5,
        penaltyCap: 10,
      }),
    );
    await expectRefused(database, 'CONFLICT', () => lockEvaluation(supervisor, fixture.planId));
    await expectRefused(database, 'CONFLICT', () =>
      deleteAdjustment(supervisor, fixture.planId, locked.adjustments[0]?.id ?? 0),
    );
  });

  it('exports an .xlsx and a .docx that read back with the same numbers', async () => {
    const { fixture, supervisor, as } = await setUp();
    const xlsx = await exportEvaluation(supervisor, fixture.planId, 'xlsx');
    expect(xlsx.fileName).toBe('2024年度年终考核结果.xlsx');
    const book = new ExcelJS.Workbook();
    // exceljs declares its own Buffer type; a Node Buffer is what it reads at run time.
    await book.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['考核排名', '计算明细', '考核规则与说明']);
    const ranking = book.getWorksheet('考核排名');
    const rows = (ranking?.getSheetValues() ?? []).slice(2).map((row) => (row as unknown[]).slice(1));
    expect(rows[0]).toEqual(['股室', 1, '人事股', 34.29, '4/7', 18.75, '9/12', 13.5, '9/10', 5, 0, 71.54]);
    expect(rows[1]).toEqual(['股室', 2, '办公室', 40, '4/6', 15.63, '5/8', 10.71, '5/7', 2, 1.5, 66.84]);
    // A measure left out reads 暂不考核; the note says why the row is where it is.
    expect(rows[2]).toEqual([
      '股室',
      3,
      '安全股',
      60,
      '1/1',
      0,
      '0/4',
      '暂不考核',
      '0/0',
      0,
      0,
      70.59,
      '按可考核项（权重 85）折算；应报未报，排在有有效报告的单位之后',
    ]);
    expect([rows[3]?.[2], rows[3]?.[1], rows[3]?.[11], rows[3]?.[12]]).toEqual([
      '教研室',
      undefined,
      '无考核数据',
      '无考核数据：截至考核日没有可以考核的项目，不计总分，不参加排名',
    ]);
    expect([rows[4]?.[2], rows[4]?.[11]]).toEqual(['财务股', '无考核任务']);
    expect(rows[5]?.slice(0, 3)).toEqual(['学校', 1, '城关小学']);
    expect(rows[6]?.slice(0, 3)).toEqual(['学校', 2, '城西小学']);
    expect(rows[7]?.slice(0, 3)).toEqual(['学校', 2, '实验小学']);
    expect(ranking?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const lines = book.getWorksheet('计算明细');
    const texts = (lines?.getColumn(4).values ?? []).filter((v) => typeof v === 'string');
    expect(texts).toContain('及时性：按时报送 5 / 应报送 8 = 62.5% × 25 = 15.63');
    const rules = book.getWorksheet('考核规则与说明');
    expect(JSON.stringify(rules?.getSheetValues())).toContain('舍入规则');

    const docx = await exportEvaluation(supervisor, fixture.planId, 'docx');
    expect(docx.fileName).toBe('2024年度年终考核结果.docx');
    const xml = strFromU8(unzipSync(docx.bytes)['word/document.xml'] ?? new Uint8Array());
    const tableRows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) =>
      [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]),
    );
    expect(tableRows[0]).toEqual(['名次', '单位', '完成情况', '及时性', '审核质量', '加分', '减分', '总分']);
    expect(tableRows[1]).toEqual(['1', '人事股', '34.29', '18.75', '13.50', '5.00', '0.00', '71.54']);
    expect(tableRows[2]).toEqual(['2', '办公室', '40.00', '15.63', '10.71', '2.00', '1.50', '66.84']);
    expect(tableRows[3]).toEqual([
      '3',
      '安全股（应报未报）',
      '60.00',
      '0.00',
      '暂不考核',
      '0.00',
      '0.00',
      '70.59（折算）',
    ]);
    expect(tableRows[4]).toEqual(['—', '教研室', '无考核数据']);
    expect(tableRows[5]).toEqual(['—', '财务股', '无考核任务']);
    expect(tableRows).toContainEqual([
      '1',
      '城关小学',
      '60.00',
      '18.75',
      '暂不考核',
      '0.00',
      '10.00',
      '82.65（折算）',
    ]);
    expect(xml).toContain(
      '总分：按可考核项折算 (60.00 + 18.75) / (60 + 25) × 100 = 92.65；92.65 - 10.00 = 82.65',
    );
    expect(xml).toContain('教研室（无考核数据）');
    expect(xml).toContain('总分：40.00 + 15.63 + 10.71 + 2.00 - 1.50 = 66.84');
    expect(xml).toContain('仿宋_GB2312');

    // A department cannot export the whole ranking.
    await expect(exportEvaluation(as(fixture.actors.office), fixture.planId, 'xlsx')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('evaluation definitions', () => {
  it('are written out for the page and the exports', async () => {
    const { evaluationDefinitions } = await import('./messages.ts');
    const text = evaluationDefinitions('2024-12-31', true).join('\n');
    for (const phrase of [
      '完成情况 = 已验收 / 应完成',
      '及时性 = 按时报送 / 应报送',
      '审核质量 = 审核通过 / 审核次数',
      '退回和通过各记一次',
      '既不按满分也不按零分计，总分按可考核项折算',
      '无考核数据',
      '总分相同者名次并列（如 1、1、3），按单位名称排列',
      '排在所有有有效报告的单位之后，不论总分高低',
      '截至考核日尚无应报送报告的单位不受此限',
      '四舍五入',
    ]) {
      expect(text).toContain(phrase);
    }
  });
});
