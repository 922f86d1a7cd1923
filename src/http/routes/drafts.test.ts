import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import {
  type Browser,
  login,
  seedOrganization,
  seedUser,
  TestClock,
  testApp,
} from '../../../test/support/http.ts';
import { insertUnit } from '../../db/queries/units.ts';
import type { ParsePreview } from '../../shared/import.ts';
import type { PlanTree } from '../../shared/plan-tree.ts';

const notice = `云溪区2024年教育体育工作要点
一、加强党的建设
1. 加强纪律建设。每季度开展一次廉政教育，6月底前完成廉政风险排查。（责任领导：陈玲玲、林海，责任股室：纪监室、办公室）
2. 推进教育督导。年底前完成<img src=x onerror=alert(1)>督导评估报告。（责任领导：林海，责任股室：督导室）
`;

describeEachDatabase('import preview, draft review and task edit routes', (current) => {
  let app: FastifyInstance;
  let supervisor: Browser;
  let clerk: Browser;
  let units: { office: number; personnel: number; discipline: number };

  beforeEach(async () => {
    const { organizationId, office, personnel } = await seedOrganization(current());
    const discipline = await insertUnit(current().db, {
      organizationId,
      kind: 'department',
      name: '纪检监察室',
      createdAt: '2024-01-01T00:00:00Z',
    });
    units = { office, personnel, discipline };
    await seedUser(current(), organizationId, 'duban', ['supervisor']);
    await seedUser(current(), organizationId, 'zhangsan', ['department'], '办公室');
    app = await testApp(current(), { now: new TestClock(new Date('2024-04-20T02:00:00Z')).now });
    supervisor = await login(app, 'duban');
    clerk = await login(app, 'zhangsan');
  });
  afterEach(() => app.close());

  const call = (who: Browser, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

  const importDraft = async (text = notice, mapping: Record<string, number | 'create'> = {}) => {
    const response = await call(supervisor, 'POST', '/api/plans', {
      text,
      mapping: { 纪监室: units.discipline, 督导室: 'create', ...mapping },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: number; created: boolean; counts: { items: number } }>();
  };
  const tree = async (planId: number, who = supervisor) =>
    (await call(who, 'GET', `/api/plans/${planId}`)).json<PlanTree>();

  it('previews a notice: its text, known and unknown names with suggestions, leaders and highlights; saves nothing', async () => {
    const response = await call(supervisor, 'POST', '/api/notices/parse', { text: notice });
    expect(response.statusCode).toBe(200);
    const preview = response.json<ParsePreview>();
    expect(preview.text).toBe(notice);
    expect(preview.sections[0]?.items).toHaveLength(2);
    const byName = new Map(preview.names.departments.map((n) => [n.name, n]));
    expect(byName.get('办公室')).toEqual({
      name: '办公室',
      status: 'known',
      unit: { id: units.office, name: '办公室' },
    });
    const shorthand = byName.get('纪监室');
    expect(shorthand?.status).toBe('unknown');
    expect(shorthand?.status === 'unknown' && shorthand.suggestions[0]).toMatchObject({
      id: units.discipline,
      name: '纪检监察室',
    });
    expect(byName.get('督导室')).toMatchObject({ status: 'unknown' });
    expect(preview.names.leaders).toEqual([
      { name: '陈玲玲', exists: false },
      { name: '林海', exists: false },
    ]);
    const spanText = (kind: string) =>
      preview.spans.filter((s) => s.kind === kind).map((s) => notice.slice(s.start, s.end));
    expect(spanText('leader')).toEqual(['陈玲玲', '林海', '林海']);
    expect(spanText('department')).toEqual(['纪监室', '办公室', '督导室']);
    expect(spanText('indicator')).toContain('6月底前完成廉政风险排查');
    expect(preview.units.map((u) => u.name)).toContain('纪检监察室');
    expect((await call(supervisor, 'GET', '/api/plans')).json().plans).toEqual([]);

    // Once a name is mapped on import, it is an alias and the next preview says so.
    await importDraft();
    const again = (
      await call(supervisor, 'POST', '/api/notices/parse', { text: notice })
    ).json<ParsePreview>();
    expect(again.names.departments.find((n) => n.name === '纪监室')).toEqual({
      name: '纪监室',
      status: 'alias',
      unit: { id: units.discipline, name: '纪检监察室' },
    });
    expect(again.names.leaders.every((l) => l.exists)).toBe(true);
  });

  it('re-importing a notice of the same title and year updates the draft in place', async () => {
    const first = await importDraft();
    expect(first.created).toBe(true);
    const corrected = notice.replace(
      '2. 推进教育督导',
      '2. 办好人民满意教育。年底前完成满意度测评。（责任领导：林海，责任股室：办公室）\n3. 推进教育督导',
    );
    const second = await importDraft(corrected);
    expect(second).toMatchObject({ id: first.id, created: false, counts: { items: 3 } });
    const plans = (await call(supervisor, 'GET', '/api/plans')).json<{ plans: Array<{ id: number }> }>()
      .plans;
    expect(plans.map((p) => p.id)).toEqual([first.id]);
    expect((await tree(first.id)).sections[0]?.items.map((i) => i.no)).toEqual([1, 2, 3]);
  });

  it('edits a draft item (creating a new leader), refuses a stale version, a clerk, and bad input', async () => {
    const { id: planId } = await importDraft();
    const before = await tree(planId);
    const item = before.sections[0]!.items[0]!;
    const deadline = item.draftIndicators.find((i) => i.kind === 'deadline')!;
    const edit = {
      version: before.plan.version,
      title: '加强纪律和作风建设',
      weight: 2.5,
      leaders: ['林海', '王新'],
      departments: [
        { unitId: units.office, isLead: true },
        { unitId: units.discipline, isLead: false },
      ],
      indicatorDueDates: [{ id: deadline.id, dueOn: '2024-07-15' }],
    };
    const choices = await call(supervisor, 'GET', `/api/plans/${planId}/edit-choices`);
    expect([...choices.json().leaders].sort()).toEqual(['林海', '陈玲玲'].sort());
    expect(choices.json().units.map((u: { name: string }) => u.name)).toContain('督导室');
    expect((await call(clerk, 'GET', `/api/plans/${planId}/edit-choices`)).statusCode).toBe(403);
    const refused = await call(clerk, 'PATCH', `/api/plans/${planId}/items/${item.id}`, edit);
    expect(refused.statusCode).toBe(403);

    const saved = await call(supervisor, 'PATCH', `/api/plans/${planId}/items/${item.id}`, edit);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({
      planId,
      itemId: item.id,
      version: before.plan.version + 1,
      createdLeaders: ['王新'],
    });
    const after = (await tree(planId)).sections[0]!.items[0]!;
    expect(after).toMatchObject({ title: '加强纪律和作风建设', weight: 2.5, leaders: ['林海', '王新'] });
    expect(after.departments).toEqual([
      { id: units.office, name: '办公室', isLead: true },
      { id: units.discipline, name: '纪检监察室', isLead: false },
    ]);
    expect(after.draftIndicators.find((i) => i.id === deadline.id)?.dueOn).toBe('2024-07-15');

    const stale = await call(supervisor, 'PATCH', `/api/plans/${planId}/items/${item.id}`, {
      ...edit,
      weight: 3,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('刷新');
    expect((await tree(planId)).sections[0]!.items[0]!.weight).toBe(2.5);

    const version = before.plan.version + 1;
    const twoLeads = await call(supervisor, 'PATCH', `/api/plans/${planId}/items/${item.id}`, {
      version,
      departments: [
        { unitId: units.office, isLead: true },
        { unitId: units.personnel, isLead: true },
      ],
    });
    expect(twoLeads.statusCode).toBe(400);
    expect(twoLeads.json().error.details.field).toBe('departments');
    const badWeight = await call(supervisor, 'PATCH', `/api/plans/${planId}/items/${item.id}`, {
      version,
      weight: 0,
    });
    expect(badWeight.statusCode).toBe(400);
    expect(badWeight.json().error.details.issues[0].field).toBe('weight');
    const otherItem = before.sections[0]!.items[1]!;
    const foreignIndicator = await call(supervisor, 'PATCH', `/api/plans/${planId}/items/${otherItem.id}`, {
      version,
      indicatorDueDates: [{ id: deadline.id, dueOn: '2024-08-01' }],
    });
    expect(foreignIndicator.statusCode).toBe(400);

    const audit = await current()
      .db.selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', 'in', ['plan.item.edit', 'leader.create'])
      .execute();
    expect(audit).toContainEqual({ action: 'plan.item.edit', entity_id: item.id });
    expect(audit.filter((a) => a.action === 'plan.item.edit')).toHaveLength(1);

    await call(supervisor, 'POST', `/api/plans/${planId}/publish`);
    const published = await call(supervisor, 'PATCH', `/api/plans/${planId}/items/${item.id}`, {
      version: version + 1,
      weight: 1,
    });
    expect(published.statusCode).toBe(409);
  });

  it('discards a draft (audited), but not a published plan, and not for a clerk', async () => {
    const { id: planId } = await importDraft();
    expect((await call(clerk, 'DELETE', `/api/plans/${planId}`)).statusCode).toBe(403);
    const discarded = await call(supervisor, 'DELETE', `/api/plans/${planId}`);
    expect(discarded.statusCode).toBe(200);
    expect((await call(supervisor, 'GET', `/api/plans/${planId}`)).statusCode).toBe(404);
    expect((await call(supervisor, 'DELETE', `/api/plans/${planId}`)).statusCode).toBe(404);
    const audit = await current()
      .db.selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', planId)
      .execute();
    expect(audit.map((a) => a.action)).toContain('plan.discard');

    const { id: publishedId } = await importDraft();
    expect(publishedId).not.toBe(planId);
    expect((await call(supervisor, 'POST', `/api/plans/${publishedId}/publish`)).statusCode).toBe(200);
    const refused = await call(supervisor, 'DELETE', `/api/plans/${publishedId}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('已发布');
    expect((await call(supervisor, 'GET', `/api/plans/${publishedId}`)).statusCode).toBe(200);
  });

  it('edits a dispatched task: due date and owners, stale version refused, clerk refused', async () => {
    const { id: planId } = await importDraft();
    await call(supervisor, 'POST', `/api/plans/${planId}/publish`);
    const task = (await tree(planId)).sections[0]!.items[0]!.tasks[0]!;
    const edit = {
      version: task.version,
      dueOn: '2024-11-30',
      leadUnitId: units.office,
      coUnitIds: [units.personnel],
    };
    const byClerk = await call(clerk, 'PATCH', `/api/tasks/${task.id}`, edit);
    expect([403, 404]).toContain(byClerk.statusCode);
    const saved = await call(supervisor, 'PATCH', `/api/tasks/${task.id}`, edit);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      dueOn: '2024-11-30',
      leadUnitId: units.office,
      coUnitIds: [units.personnel],
    });
    const after = (await tree(planId)).sections[0]!.items[0]!.tasks.find((t) => t.id === task.id)!;
    expect(after).toMatchObject({
      dueOn: '2024-11-30',
      lead: { id: units.office },
      coOwners: [{ id: units.personnel }],
    });
    const stale = await call(supervisor, 'PATCH', `/api/tasks/${task.id}`, { ...edit, dueOn: '2024-10-31' });
    expect(stale.statusCode).toBe(409);
    const badDate = await call(supervisor, 'PATCH', `/api/tasks/${task.id}`, {
      version: after.version,
      dueOn: '2024-13-01',
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details.issues[0].field).toBe('dueOn');
  });
});
