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
import type { ItemDetail } from '../../shared/items.ts';
import type { PlanTree } from '../../shared/plan-tree.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const html = Buffer.from('<html><script>alert(1)</script></html>');

describeEachDatabase('item page and evidence preview routes', (current) => {
  let app: FastifyInstance;
  let supervisor: Browser;
  let clerk: Browser;
  let stranger: Browser;
  let tree: PlanTree;
  beforeEach(async () => {
    const { organizationId } = await seedOrganization(current());
    const other = await seedOrganization(current(), '另一个教育局');
    await seedUser(current(), organizationId, 'duban', ['supervisor']);
    await seedUser(current(), organizationId, 'zhangsan', ['department'], '办公室');
    await seedUser(current(), other.organizationId, 'waiju', ['supervisor']);
    app = await testApp(current(), { now: new TestClock(new Date('2024-04-20T02:00:00Z')).now });
    supervisor = await login(app, 'duban');
    clerk = await login(app, 'zhangsan');
    stranger = await login(app, 'waiju');
    const imported = await app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: supervisor.headers,
      payload: { text: notice, createUnits: true },
    });
    const planId = imported.json().id;
    await app.inject({ method: 'POST', url: `/api/plans/${planId}/publish`, headers: supervisor.headers });
    tree = (
      await app.inject({ method: 'GET', url: `/api/plans/${planId}`, headers: supervisor.headers })
    ).json();
  });
  afterEach(() => app.close());

  const itemNo = (no: number) => tree.sections.flatMap((s) => s.items).find((i) => i.no === no)!;
  const detail = async (browser: Browser, itemId: number) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/items/${itemId}`,
      headers: browser.headers,
    });
    return { status: response.statusCode, body: response.json() as ItemDetail };
  };

  it('shows the supervisor every task, a department only its own, and another organization nothing', async () => {
    const first = itemNo(1); // 办公室 leads, 行政审批股 co-owns; 每月…学习 and 全年不少于两次
    const second = itemNo(2); // 人事股 only
    const full = await detail(supervisor, first.id);
    expect(full.status).toBe(200);
    expect(full.body.item.title).toBe(first.title);
    expect(full.body.item.leaders).toEqual(first.leaders);
    expect(full.body.item.departments.find((d) => d.isLead)?.name).toBe('办公室');
    expect(full.body.light?.light).toMatch(/red|yellow|green|grey/);
    expect(full.body.tasks.map((t) => t.lead?.name)).toEqual(['办公室']);
    expect(full.body.tasks[0]?.coOwners.map((u) => u.name)).toEqual(['行政审批股']);
    // Spans are offsets into the body and point at the indicator's own words.
    expect(full.body.spans.length).toBeGreaterThanOrEqual(2);
    for (const span of full.body.spans)
      expect(full.body.item.body.slice(span.start, span.end)).toBe(span.text);
    const recurring = full.body.tasks[0]?.indicators.find((i) => i.kind === 'recurring');
    // Published 2024-04-20: the lights module counts May to December as the months owed.
    expect(recurring?.progress).toMatchObject({ actual: 0, expected: 0, target: 8 });
    expect(full.body.spans.find((s) => s.kind === 'recurring')?.indicatorIds).toEqual([recurring?.id]);
    expect(full.body.audit.map((a) => a.action)).toContain('task.create');

    const other = await detail(supervisor, second.id);
    expect(other.body.tasks.map((t) => t.lead?.name)).toEqual(['人事股']);
    const asClerk = await detail(clerk, second.id);
    expect(asClerk.status).toBe(200);
    expect(asClerk.body.item.title).toBe(second.title);
    expect(asClerk.body.tasks).toEqual([]);
    expect(asClerk.body.light).toBeNull();
    expect(asClerk.body.audit).toEqual([]);
    expect((await detail(clerk, first.id)).body.tasks.map((t) => t.lead?.name)).toEqual(['办公室']);

    const foreign = await detail(stranger, first.id);
    expect(foreign.status).toBe(404);
    expect((foreign.body as unknown as { error: { message: string } }).error.message).toContain('要点');
    expect((await detail(supervisor, 999_999)).status).toBe(404);
  });

  it('tells a returned-then-accepted report with its reviews and evidence, and previews only safe files inline', async () => {
    const item = itemNo(1);
    const taskId = item.tasks[0]!.id;
    const first = multipartBody(
      { period: '2024-04', status: 'on_track', percent: '30', narrative: '4月召开中心组学习' },
      [{ name: '签到表.html', bytes: html }],
    );
    const filed = await app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/reports`,
      headers: { ...clerk.headers, 'content-type': first.type },
      payload: first.payload,
    });
    expect(filed.statusCode).toBe(201);
    const reportId = filed.json().id;
    const review = (decision: string, comment: string) =>
      app.inject({
        method: 'POST',
        url: `/api/reports/${reportId}/review`,
        headers: supervisor.headers,
        payload: { decision, comment },
      });
    expect((await review('return', '请补充会议纪要')).statusCode).toBe(200);
    const again = multipartBody(
      { period: '2024-04', status: 'at_risk', percent: '45', narrative: '已补充会议纪要' },
      [{ name: '会议纪要.pdf', bytes: pdf }],
    );
    const refiled = await app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/reports`,
      headers: { ...clerk.headers, 'content-type': again.type },
      payload: again.payload,
    });
    expect(refiled.statusCode).toBe(201);
    expect((await review('accept', '材料齐全')).statusCode).toBe(200);

    const { body } = await detail(clerk, item.id);
    const report = body.tasks[0]!.reports.find((r) => r.id === reportId)!;
    expect(report).toMatchObject({
      period: '2024-04',
      unit: { name: '办公室' },
      selfStatus: 'at_risk',
      percent: 45,
      narrative: '已补充会议纪要',
      state: 'accepted',
      revision: 2,
    });
    expect(report.reviews.map((r) => [r.decision, r.comment])).toEqual([
      ['return', '请补充会议纪要'],
      ['accept', '材料齐全'],
    ]);
    expect(report.reviews[0]?.reviewer).toEqual(expect.any(String));
    const files = Object.fromEntries(report.evidence.map((e) => [e.fileName, e]));
    expect(files['会议纪要.pdf']?.mediaType).toBe('application/pdf');
    expect(files['签到表.html']).toBeDefined();
    const actions = body.audit.map((a) => a.action);
    expect(actions.slice(0, 4)).toEqual(['report.accept', 'report.refile', 'report.return', 'report.submit']);

    const pdfId = files['会议纪要.pdf']!.id;
    const inline = await app.inject({
      method: 'GET',
      url: `/api/files/${pdfId}?inline=1`,
      headers: clerk.headers,
    });
    expect(inline.statusCode).toBe(200);
    expect(inline.headers['content-disposition']).toMatch(/^inline;/);
    expect(inline.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(inline.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(inline.headers['x-content-type-options']).toBe('nosniff');
    const download = await app.inject({ method: 'GET', url: `/api/files/${pdfId}`, headers: clerk.headers });
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['x-frame-options']).toBe('DENY');
    expect(download.headers['content-security-policy']).toContain("frame-ancestors 'none'");

    const htmlId = files['签到表.html']!.id;
    const page = await app.inject({
      method: 'GET',
      url: `/api/files/${htmlId}?inline=1`,
      headers: clerk.headers,
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-disposition']).toMatch(/^attachment;/);
    expect(page.headers['content-type']).not.toContain('html');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    // Files stay as private as their task.
    expect(
      (await app.inject({ method: 'GET', url: `/api/files/${pdfId}?inline=1`, headers: stranger.headers }))
        .statusCode,
    ).toBe(404);
  });
});
