import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import {
  type Browser,
  login,
  multipartBody,
  seedOrganization,
  seedUser,
  TestClock,
  testApp,
} from '../../../test/support/http.ts';
import { yunxiText as notice } from '../../../test/support/yunxi.ts';
import { insertUnit } from '../../db/queries/units.ts';
import { writeBalanceTemplate } from '../../domain/balance/balance-sheet.ts';
import type {
  BalanceIndicatorKey,
  BalanceResult,
  BalanceTrend,
  CollectionFormView,
  RoundDetail,
  RoundView,
} from '../../shared/balance.ts';
import type { PlanTree } from '../../shared/plan-tree.ts';

// School data collection (一表通) and the 差异系数 monitor over HTTP, on both databases: two schools
// fill (one a 九年一贯制 with two stages), one is returned and corrects, the round is locked and
// records a completion on item 13 with the calculation workbook; a supervisor imports a whole county.

type Raw = Record<BalanceIndicatorKey, number>;
const raw = (n: Partial<Raw> = {}): Raw => ({
  teachersAboveDegree: 30,
  backboneTeachers: 8,
  peArtTeachers: 6,
  buildingArea: 3000,
  sportsArea: 5000,
  equipmentValue: 1_200_000,
  multimediaRooms: 14,
  ...n,
});

describeEachDatabase('school data collection and the balance monitor', (current) => {
  let app: FastifyInstance;
  let organizationId: number;
  let supervisor: Browser;
  let school: Browser;
  let nineYear: Browser;
  let viewer: Browser;
  let department: Browser;

  beforeEach(async () => {
    const seeded = await seedOrganization(current());
    organizationId = seeded.organizationId;
    const at = '2024-01-01T00:00:00Z';
    for (const name of ['河夹小学', '关防小学', '店子小学', '上津小学'])
      await insertUnit(current().db, {
        organizationId,
        kind: 'school',
        name,
        schoolKind: '小学',
        createdAt: at,
      });
    await insertUnit(current().db, {
      organizationId,
      kind: 'school',
      name: '涧池学校',
      schoolKind: '九年一贯制',
      createdAt: at,
    });
    await insertUnit(current().db, {
      organizationId,
      kind: 'school',
      name: '云溪一中',
      schoolKind: '高中',
      createdAt: at,
    });
    await seedUser(current(), organizationId, 'duban', ['supervisor']);
    await seedUser(current(), organizationId, 'cgxx', ['school'], '城关小学');
    await seedUser(current(), organizationId, 'jcxx', ['school'], '涧池学校');
    await seedUser(current(), organizationId, 'chakan', ['viewer']);
    await seedUser(current(), organizationId, 'rsg', ['department'], '人事股');
    await insertUnit(current().db, {
      organizationId,
      kind: 'school',
      name: '城关幼儿园',
      schoolKind: '幼儿园',
      createdAt: at,
    });
    await seedUser(current(), organizationId, 'cgyey', ['school'], '城关幼儿园');
    app = await testApp(current(), { now: new TestClock(new Date('2024-10-20T02:00:00Z')).now });
    supervisor = await login(app, 'duban');
    school = await login(app, 'cgxx');
    nineYear = await login(app, 'jcxx');
    viewer = await login(app, 'chakan');
    department = await login(app, 'rsg');
  });
  afterEach(() => app.close());

  const get = (browser: Browser, url: string) => app.inject({ method: 'GET', url, headers: browser.headers });
  const post = (browser: Browser, url: string, payload: unknown) =>
    app.inject({ method: 'POST', url, headers: browser.headers, payload: payload as object });
  const upload = (
    browser: Browser,
    url: string,
    fields: Record<string, string>,
    file?: { name: string; bytes: Buffer },
  ) => {
    const body = multipartBody(fields, file ? [file] : [], 'file');
    return app.inject({
      method: 'POST',
      url,
      headers: { ...browser.headers, 'content-type': body.type },
      payload: body.payload,
    });
  };
  const fill = (browser: Browser, roundId: number, data: unknown, file?: { name: string; bytes: Buffer }) =>
    upload(browser, `/api/balance/rounds/${roundId}/rows`, { data: JSON.stringify(data) }, file);
  const detail = async (browser: Browser, roundId: number) =>
    (await get(browser, `/api/balance/rounds/${roundId}`)).json<RoundDetail>();
  const balanceForm = async () =>
    (await get(supervisor, '/api/balance/forms'))
      .json<{ forms: CollectionFormView[] }>()
      .forms.find((f) => f.builtin);
  const openRound = async (name: string, taskId: number | null = null) => {
    const form = await balanceForm();
    const response = await post(supervisor, '/api/balance/rounds', {
      formId: form?.id,
      name,
      dueOn: '2024-11-15',
      taskId,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<RoundView>();
  };
  const itemThirteenTask = async () => {
    const imported = await post(supervisor, '/api/plans', { text: notice, createUnits: true });
    const planId = imported.json().id;
    expect((await post(supervisor, `/api/plans/${planId}/publish`, {})).statusCode).toBe(200);
    const tree = (await get(supervisor, `/api/plans/${planId}`)).json<PlanTree>();
    const item = tree.sections.flatMap((s) => s.items).find((i) => i.no === 13);
    const task = await current()
      .db.selectFrom('tasks')
      .select('id')
      .where('item_id', '=', item?.id as number)
      .where('parent_task_id', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(task.id);
  };

  it('runs a round: two schools fill, one is returned and corrects, the round locks and records item 13', async () => {
    const taskId = await itemThirteenTask();
    // The page offers item 13 (its text names the 差异系数) as the task a round serves.
    const suggested = (await get(supervisor, '/api/balance/task-suggestion')).json();
    expect(suggested.task).toMatchObject({ id: taskId, itemNo: 13, itemTitle: '持续深化强化教育督导评估' });
    const round = await openRound('2024年秋季学期', taskId);
    expect(round).toMatchObject({ status: 'open', balance: true, task: { id: taskId, itemNo: 13 } });
    // Six schools teach 小学 or 初中 (the 高中 is not asked).
    expect(round.counts).toEqual({ schools: 6, draft: 0, submitted: 0, returned: 0, accepted: 0 });

    // The school sees its own, nothing filed yet: a 小学 row to start from; the 九年一贯制 school two.
    const start = await detail(school, round.id);
    expect(start.actions).toEqual({ fill: true, review: false, import: false, lock: false });
    expect(start.prefill.map((p) => p.stage)).toEqual(['primary']);
    expect((await detail(nineYear, round.id)).prefill.map((p) => p.stage)).toEqual(['primary', 'junior']);

    // A fractional teacher count and a negative area are refused with the field's name, nothing stored.
    const fractional = await fill(school, round.id, {
      rows: [{ stage: 'primary', values: { pupils: 600, ...raw({ backboneTeachers: 4.5 }) } }],
      submit: true,
    });
    expect(fractional.statusCode).toBe(400);
    expect(fractional.json().error.message).toBe('县级及以上骨干教师数应为整数');
    const negative = await fill(school, round.id, {
      rows: [{ stage: 'primary', values: { pupils: 600, ...raw({ sportsArea: -1 }) } }],
      submit: true,
    });
    expect(negative.json().error.message).toBe('体育运动场馆面积不能小于 0');
    expect((await detail(school, round.id)).rows).toEqual([]);

    // The school submits with its stamped table; the 九年一贯制 school submits both stages.
    const stamped = { name: '城关小学盖章表.pdf', bytes: Buffer.from('%PDF-1.4\n% stamped table\n') };
    const filed = await fill(
      school,
      round.id,
      { rows: [{ stage: 'primary', values: { pupils: 600, ...raw({ sportsArea: 500 }) } }], submit: true },
      stamped,
    );
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json<RoundDetail>().rows).toMatchObject([
      { unitName: '城关小学', stage: 'primary', status: 'submitted', file: { name: '城关小学盖章表.pdf' } },
    ]);
    const both = await fill(nineYear, round.id, {
      rows: [
        { stage: 'primary', values: { pupils: 400, ...raw() } },
        { stage: 'junior', values: { pupils: 300, ...raw({ teachersAboveDegree: 20 }) } },
      ],
      submit: true,
    });
    expect(both.statusCode, both.body).toBe(200);
    // Each school sees only its own rows; the bureau sees all and who has not filed.
    expect((await detail(school, round.id)).rows.map((r) => r.unitName)).toEqual(['城关小学']);
    const bureau = await detail(supervisor, round.id);
    expect(bureau.rows.map((r) => `${r.unitName}${r.stage}`).sort()).toEqual(
      ['城关小学primary', '涧池学校junior', '涧池学校primary'].sort(),
    );
    expect(bureau.missing.map((m) => m.unitName).sort()).toEqual(
      ['上津小学', '关防小学', '店子小学', '河夹小学'].sort(),
    );
    const file = await get(
      supervisor,
      `/api/balance/rows/${bureau.rows.find((r) => r.unitName === '城关小学')?.id}/file`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('stamped table');

    // Returned with a reason: the school is told, corrects the figure and submits again.
    const cg = bureau.rows.find((r) => r.unitName === '城关小学');
    expect(
      (
        await post(supervisor, `/api/balance/rows/${cg?.id}/review`, {
          decision: 'return',
          reason: '',
          version: cg?.version,
        })
      ).statusCode,
    ).toBe(400);
    const returned = await post(supervisor, `/api/balance/rows/${cg?.id}/review`, {
      decision: 'return',
      reason: '体育运动场馆面积与校舍台账不符',
      version: cg?.version,
    });
    expect(returned.json()).toMatchObject({
      status: 'returned',
      returnReason: '体育运动场馆面积与校舍台账不符',
    });
    const told = await current()
      .db.selectFrom('notifications')
      .select(['title', 'body', 'link'])
      .where('kind', '=', 'collection_returned')
      .execute();
    expect(told).toEqual([
      {
        title: '2024年秋季学期填报数据被退回：城关小学（小学）',
        body: 'duban退回，原因：体育运动场馆面积与校舍台账不符',
        link: `/balance/rounds/${round.id}`,
      },
    ]);
    const seen = await detail(school, round.id);
    expect(seen.rows[0]).toMatchObject({
      status: 'returned',
      returnReason: '体育运动场馆面积与校舍台账不符',
    });
    const corrected = await fill(school, round.id, {
      rows: [
        {
          stage: 'primary',
          values: { pupils: 600, ...raw({ sportsArea: 4800 }) },
          version: seen.rows[0]?.version,
        },
      ],
      submit: true,
    });
    expect(corrected.json<RoundDetail>().rows[0]).toMatchObject({
      status: 'submitted',
      returnReason: null,
      file: { name: '城关小学盖章表.pdf' },
    });

    // The bureau accepts 城关小学 and the 九年一贯制 小学 row; its 初中 row waits.
    for (const row of (await detail(supervisor, round.id)).rows.filter((r) => r.stage === 'primary'))
      expect(
        (
          await post(supervisor, `/api/balance/rows/${row.id}/review`, {
            decision: 'accept',
            version: row.version,
          })
        ).statusCode,
      ).toBe(200);
    const monitorOpen = (await get(viewer, `/api/balance/rounds/${round.id}/monitor`)).json<{
      basis: string;
      rows: number;
    }>();
    expect(monitorOpen).toMatchObject({ basis: 'filed', rows: 3 });

    // Locking with a row not accepted asks first; forced, the monitor counts the accepted rows only.
    const asked = await post(supervisor, `/api/balance/rounds/${round.id}/lock`, {});
    expect(asked.statusCode).toBe(409);
    expect(asked.json().error.message).toContain('还有 1 行数据未审核通过');
    const locked = await post(supervisor, `/api/balance/rounds/${round.id}/lock`, { force: true });
    expect(locked.statusCode, locked.body).toBe(200);
    // Both 小学 rows reach every minimum (e.g. 8/600·100 = 1.33 骨干教师, 4800/600 = 8 ㎡) and the CVs are low.
    expect(locked.json<RoundView>()).toMatchObject({
      status: 'locked',
      summary: { pass: true, blockers: [] },
    });
    const late = await fill(school, round.id, {
      rows: [{ stage: 'primary', values: { pupils: 601, ...raw() } }],
      submit: true,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('该轮填报已锁定，数据不能再修改');

    const monitor = (await get(viewer, `/api/balance/rounds/${round.id}/monitor`)).json<{
      basis: string;
      rows: number;
      result: BalanceResult;
    }>();
    expect(monitor).toMatchObject({ basis: 'accepted', rows: 2 });
    expect(monitor.result.stages.map((s) => [s.stage, s.schools, s.pupils])).toEqual([['小学', 2, 1000]]);
    // Sports area: 4800/600 = 8 ㎡ and 5000/400 = 12.5 ㎡ per pupil; weighted mean (600·8 + 400·12.5)/1000 = 9.8;
    // S = √((600·1.8² + 400·2.7²)/1000) = √4.86 = 2.2045; CV = 0.2250.
    const sports = monitor.result.stages[0]?.indicators.find((i) => i.key === 'sportsArea');
    expect(sports?.mean).toBeCloseTo(9.8, 6);
    expect(sports?.cv).toBeCloseTo(0.225, 4);

    // The completion on item 13: an event of its 差异系数 clause, accepted, with the workbook as evidence.
    const recorded = await current()
      .db.selectFrom('occurrences as o')
      .innerJoin('indicators as i', 'i.id', 'o.indicator_id')
      .innerJoin('evidence as e', (join) =>
        join.onRef('e.owner_id', '=', 'o.id').on('e.owner_type', '=', 'occurrence'),
      )
      .select(['i.kind', 'i.text', 'i.task_id', 'o.state', 'o.note', 'e.file_name'])
      .execute();
    expect(recorded).toEqual([
      {
        kind: 'event',
        text: '适时监测义务教育优质均衡发展指标差异系数情况',
        task_id: taskId,
        state: 'accepted',
        note: expect.stringMatching(/^2024年秋季学期义务教育优质均衡发展指标差异系数监测：小学2所学校/),
        file_name: '2024年秋季学期差异系数计算表.xlsx',
      },
    ]);

    // The export opens as a workbook; the next round starts from this round's figures.
    const exported = await get(viewer, `/api/balance/rounds/${round.id}/export.xlsx`);
    expect(exported.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as Parameters<typeof book.xlsx.load>[0]);
    expect(book.worksheets.length).toBeGreaterThanOrEqual(3);
    const next = await openRound('2025年春季学期');
    const prefill = (await detail(school, next.id)).prefill;
    expect(prefill).toEqual([
      {
        stage: 'primary',
        values: { pupils: 600, ...raw({ sportsArea: 4800 }) },
        fromRound: '2024年秋季学期',
      },
    ]);
  });

  it('imports a county from one sheet only when every row is valid, then computes the weighted CV', async () => {
    const round = await openRound('2024年春季学期');
    // The oracle: pupils 45, 37, 89, 76, 55 and sports areas 279, 137, 935, 160, 402 ㎡.
    const pupils = [45, 37, 89, 76, 55];
    const areas = [279, 137, 935, 160, 402];
    const names = ['城关小学', '河夹小学', '关防小学', '店子小学', '上津小学'];
    const rows = names.map((name, i) => ({
      name,
      stage: 'primary' as const,
      pupils: pupils[i] as number,
      raw: {
        ...raw({ sportsArea: areas[i] as number }),
        // Every other indicator in proportion to pupils, so only the sports area varies.
        teachersAboveDegree: pupils[i] as number,
        backboneTeachers: pupils[i] as number,
        peArtTeachers: pupils[i] as number,
        buildingArea: 10 * (pupils[i] as number),
        equipmentValue: 3000 * (pupils[i] as number),
        multimediaRooms: pupils[i] as number,
      },
    }));
    const template = await get(supervisor, `/api/balance/rounds/${round.id}/template.xlsx`);
    expect(template.statusCode).toBe(200);

    const bad = Buffer.from(
      await writeBalanceTemplate([...rows, { ...rows[0], name: '不存在小学' } as (typeof rows)[0]]),
    );
    const refused = await upload(
      supervisor,
      `/api/balance/rounds/${round.id}/import`,
      {},
      { name: 'county.xlsx', bytes: bad },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.errors).toEqual([
      { row: 7, column: '学校', message: '学校“不存在小学”不在本局的学校名录中' },
    ]);
    expect((await detail(supervisor, round.id)).rows).toEqual([]);

    const good = Buffer.from(await writeBalanceTemplate(rows));
    const imported = await upload(
      supervisor,
      `/api/balance/rounds/${round.id}/import`,
      {},
      { name: 'county.xlsx', bytes: good },
    );
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ imported: 5, round: { counts: { accepted: 5 } } });

    const { result } = (await get(supervisor, `/api/balance/rounds/${round.id}/monitor`)).json<{
      result: BalanceResult;
    }>();
    const sports = result.stages[0]?.indicators.find((i) => i.key === 'sportsArea');
    expect(sports?.cv).toBeCloseTo(0.5153, 4);
    expect(sports?.cv).not.toBeCloseTo(0.4888, 3);
    expect(sports?.pass).toBe(false);
    expect(result.blockers.map((b) => b.text)).toEqual(['小学体育运动场馆面积差异系数0.52，超出0.02']);

    // What if 关防小学 gave up 400 ㎡: recomputed, nothing saved.
    const tried = await post(supervisor, `/api/balance/rounds/${round.id}/what-if`, {
      changes: [{ name: '关防小学', stage: 'primary', key: 'sportsArea', delta: -400 }],
    });
    expect(tried.statusCode, tried.body).toBe(200);
    const after = tried
      .json<{ after: BalanceResult }>()
      .after.stages[0]?.indicators.find((i) => i.key === 'sportsArea');
    expect(after?.cv).toBeLessThan(0.5);
    const again = (await get(supervisor, `/api/balance/rounds/${round.id}/monitor`)).json<{
      result: BalanceResult;
    }>();
    expect(again.result.stages[0]?.indicators.find((i) => i.key === 'sportsArea')?.cv).toBeCloseTo(0.5153, 4);

    const trend = (await get(viewer, '/api/balance/trend')).json<BalanceTrend>();
    expect(trend.rounds.map((r) => r.name)).toEqual(['2024年春季学期']);
    expect(trend.series.find((s) => s.key === 'sportsArea')?.cv[0]).toBeCloseTo(0.5153, 4);
  });

  it('runs a round on a form of the bureau’s own: fields, ranges, no stages, no monitor', async () => {
    const created = await post(supervisor, '/api/balance/forms', {
      name: '学校基本情况统计表',
      fields: [
        { key: 'classrooms', label: '普通教室数', unit: '间', integer: true, min: 0, max: 200 },
        { key: 'library', label: '图书室面积', unit: '㎡', required: false },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const form = created.json<CollectionFormView>();
    expect(form).toMatchObject({ builtin: false, staged: false });
    const again = await post(supervisor, '/api/balance/forms', {
      name: '学校基本情况统计表',
      fields: [{ key: 'a', label: '甲' }],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('已有名为“学校基本情况统计表”的表单，请换一个名称');
    const opened = await post(supervisor, '/api/balance/rounds', {
      formId: form.id,
      name: '2024年基本情况',
      dueOn: '2024-11-30',
    });
    const round = opened.json<RoundView>();
    expect(round).toMatchObject({ balance: false, counts: { schools: 8 } });
    const twice = await post(supervisor, '/api/balance/rounds', {
      formId: form.id,
      name: '2024年基本情况',
      dueOn: '2024-11-30',
    });
    expect(twice.json().error.message).toBe('已有名为“2024年基本情况”的填报轮次，请换一个名称');
    // Every school is asked (the kindergarten too), with one row and no stage.
    expect((await detail(school, round.id)).prefill).toEqual([{ stage: null, values: {}, fromRound: '' }]);
    const tooMany = await fill(school, round.id, {
      rows: [{ stage: null, values: { classrooms: 201 } }],
      submit: true,
    });
    expect(tooMany.json().error.message).toBe('普通教室数不能大于 200');
    const staged = await fill(school, round.id, { rows: [{ stage: 'primary', values: { classrooms: 20 } }] });
    expect(staged.json().error.message).toBe('该表单不分学段，请不要填写学段');
    const filed = await fill(school, round.id, {
      rows: [{ stage: null, values: { classrooms: 24 } }],
      submit: true,
    });
    expect(filed.json<RoundDetail>().rows).toMatchObject([
      { stage: null, values: { classrooms: 24, library: null }, status: 'submitted' },
    ]);
    const row = (await detail(supervisor, round.id)).rows[0];
    await post(supervisor, `/api/balance/rows/${row?.id}/review`, {
      decision: 'accept',
      version: row?.version,
    });
    expect((await post(supervisor, `/api/balance/rounds/${round.id}/lock`, {})).json()).toMatchObject({
      status: 'locked',
      summary: null,
    });
    const monitor = await get(viewer, `/api/balance/rounds/${round.id}/monitor`);
    expect(monitor.statusCode).toBe(400);
    expect(monitor.json().error.message).toContain('无法计算差异系数');
  });

  it('keeps each role to its part and each bureau to its own rounds', async () => {
    const round = await openRound('2024年秋季学期');
    const form = await balanceForm();
    expect(
      (await post(viewer, '/api/balance/rounds', { formId: form?.id, name: 'x', dueOn: '2024-11-15' }))
        .statusCode,
    ).toBe(403);
    expect((await fill(department, round.id, { rows: [{ stage: 'primary', values: {} }] })).statusCode).toBe(
      403,
    );
    expect((await get(viewer, `/api/balance/rounds/${round.id}/monitor`)).statusCode).toBe(200);
    expect((await get(school, `/api/balance/rounds/${round.id}/monitor`)).statusCode).toBe(403);
    await fill(school, round.id, {
      rows: [{ stage: 'primary', values: { pupils: 600, ...raw() } }],
      submit: true,
    });
    const row = (await detail(supervisor, round.id)).rows[0];
    expect(
      (
        await post(school, `/api/balance/rows/${row?.id}/review`, {
          decision: 'accept',
          version: row?.version,
        })
      ).statusCode,
    ).toBe(403);
    // The other school cannot read this school's file; another bureau finds nothing at all.
    expect((await get(nineYear, `/api/balance/rows/${row?.id}/file`)).statusCode).toBe(404);
    // A kindergarten is not asked for the seven figures: no round, no form to fill.
    const kindergarten = await login(app, 'cgyey');
    expect((await get(kindergarten, '/api/balance/rounds')).json().rounds).toEqual([]);
    expect((await get(kindergarten, `/api/balance/rounds/${round.id}`)).statusCode).toBe(404);
    const notAsked = await fill(kindergarten, round.id, { rows: [{ stage: 'primary', values: {} }] });
    expect(notAsked.statusCode).toBe(403);
    expect(notAsked.json().error.message).toContain('不在该轮填报范围内');
    const other = await seedOrganization(current(), '竹山县教育局');
    await seedUser(current(), other.organizationId, 'zsdb', ['supervisor']);
    const stranger = await login(app, 'zsdb');
    expect((await get(stranger, `/api/balance/rounds/${round.id}`)).statusCode).toBe(404);
    expect((await get(stranger, '/api/balance/rounds')).json().rounds).toEqual([]);
  });
});
