import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { addItem, addPlan, addTask } from '../../../test/support/factories.ts';
import { type Browser, login, TEST_PASSWORD } from '../../../test/support/http.ts';
import { seedWorkflow, type WorkflowFixture } from '../../../test/support/workflow-fixture.ts';
import { hashPassword } from '../../domain/accounts/passwords.ts';
import type { NoticeDetail, NoticeView, SupervisionOverview } from '../../shared/supervision.ts';
import { buildApp } from '../app.ts';

describeEachDatabase('supervision notices (督办单) over HTTP', (current) => {
  let app: FastifyInstance;
  let fixture: WorkflowFixture;
  const as: Record<string, Browser> = {};

  beforeEach(async () => {
    fixture = await seedWorkflow(current());
    const hash = await hashPassword(TEST_PASSWORD);
    await current().db.updateTable('users').set({ password_hash: hash }).execute();
    app = await buildApp({ database: current(), logger: false, webRoot: false, now: fixture.clock.now });
    for (const name of ['bgs', 'xzsp', 'rsg', 'chenll', 'likj', 'duban']) as[name] = await login(app, name);
  });
  afterEach(() => app.close());

  const send = (who: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, headers: as[who]?.headers, ...(payload ? { payload } : {}) });
  const issue = async (payload: object) => {
    const response = await send('duban', 'POST', '/api/supervision-notices', {
      problem: '党委理论中心组学习4月未开展',
      requirement: '请于5个工作日内补开并报送学习记录',
      replyDueOn: '2024-05-17',
      ...payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: number; number: string; seq: number; version: number }>();
  };
  const detail = async (who: string, id: number) => {
    const response = await send(who, 'GET', `/api/supervision-notices/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<NoticeDetail>();
  };

  it('flows from issue to reply, return, reply again and acceptance, keeping every step', async () => {
    const issued = await issue({ taskId: fixture.taskId });
    expect(issued).toMatchObject({ number: '督办〔2024〕1号', seq: 1, version: 1 });
    const seen = await detail('bgs', issued.id);
    expect(seen).toMatchObject({
      status: 'issued',
      unitName: '办公室',
      itemNo: 1,
      taskTitle: '坚持每月开展党委理论中心组学习',
      canReply: true,
      canDecide: false,
    });
    // The addressed unit's clerk was told in the app; another unit's was not.
    const inbox = await send('bgs', 'GET', '/api/notifications');
    expect(inbox.json().notifications[0]).toMatchObject({
      kind: 'supervision_notice',
      title: '收到督办单 督办〔2024〕1号，请按期回复',
      link: `/supervision/notices?id=${issued.id}`,
    });
    expect((await send('rsg', 'GET', '/api/notifications/unread-count')).json()).toEqual({ unread: 0 });
    // The supervisor cannot reply, the clerk cannot accept.
    expect(
      (await send('duban', 'POST', `/api/supervision-notices/${issued.id}/reply`, { reply: 'x', version: 1 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await send('bgs', 'POST', `/api/supervision-notices/${issued.id}/accept`, { version: 1 })).statusCode,
    ).toBe(403);

    const first = await send('bgs', 'POST', `/api/supervision-notices/${issued.id}/reply`, {
      reply: '已于5月8日补开学习会',
      version: 1,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ id: issued.id, status: 'replied', version: 2 });
    // A stale version is refused.
    const stale = await send('duban', 'POST', `/api/supervision-notices/${issued.id}/return`, {
      comment: '补记录',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const blank = await send('duban', 'POST', `/api/supervision-notices/${issued.id}/return`, {
      comment: ' ',
      version: 2,
    });
    expect(blank.statusCode).toBe(400);
    const returned = await send('duban', 'POST', `/api/supervision-notices/${issued.id}/return`, {
      comment: '请附会议记录',
      version: 2,
    });
    expect(returned.json()).toEqual({ id: issued.id, status: 'issued', version: 3 });
    expect((await detail('bgs', issued.id)).canReply).toBe(true);
    await send('bgs', 'POST', `/api/supervision-notices/${issued.id}/reply`, {
      reply: '已补充会议记录',
      version: 3,
    });
    expect((await detail('duban', issued.id)).canDecide).toBe(true);
    const accepted = await send('duban', 'POST', `/api/supervision-notices/${issued.id}/accept`, {
      version: 4,
    });
    expect(accepted.json()).toEqual({ id: issued.id, status: 'closed', version: 5 });

    const closed = await detail('duban', issued.id);
    expect(closed).toMatchObject({
      status: 'closed',
      reply: '已补充会议记录',
      canDecide: false,
      canReply: false,
    });
    expect(closed.closedAt).toBe('2024-05-10T02:00:00.000Z');
    expect(closed.events.map((e) => [e.kind, e.text])).toEqual([
      ['issue', '请于5个工作日内补开并报送学习记录'],
      ['reply', '已于5月8日补开学习会'],
      ['return', '请附会议记录'],
      ['reply', '已补充会议记录'],
      ['accept', ''],
    ]);
    expect(
      (await send('bgs', 'POST', `/api/supervision-notices/${issued.id}/reply`, { reply: 'x', version: 5 }))
        .statusCode,
    ).toBe(409);
    const audit = await current()
      .db.selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'supervision_notice')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'supervision_notice.issue',
      'supervision_notice.reply',
      'supervision_notice.return',
      'supervision_notice.reply',
      'supervision_notice.accept',
    ]);
  });

  it('numbers notices 1, 2, 3 per plan year and starts again at 1 the next year', async () => {
    const numbers = [];
    for (let i = 0; i < 3; i++) numbers.push((await issue({ itemId: fixture.itemId })).number);
    expect(numbers).toEqual(['督办〔2024〕1号', '督办〔2024〕2号', '督办〔2024〕3号']);
    const { db } = current();
    const org = fixture.actors.supervisor.organizationId;
    const next = await addPlan(db, org, { year: 2025 });
    const item = await addItem(db, next.planId, next.sectionId, 1, '2025年要点');
    const task = await addTask(db, next.planId, item, { leadUnitId: fixture.units.personnel });
    const first2025 = await issue({ taskId: task });
    expect(first2025.number).toBe('督办〔2025〕1号');
    expect((await issue({ itemId: fixture.itemId })).number).toBe('督办〔2024〕4号');
    // The addressee defaults to the task's lead unit; an item-level notice goes to the item's lead.
    const list = (await send('duban', 'GET', '/api/supervision-notices')).json<{ notices: NoticeView[] }>()
      .notices;
    expect(list.find((n) => n.id === first2025.id)?.unitName).toBe('人事股');
  });

  it('gives ten notices issued at once the numbers 1 to 10, none twice', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        send('duban', 'POST', '/api/supervision-notices', {
          taskId: fixture.taskId,
          problem: `问题${i}`,
          requirement: '限期整改',
          replyDueOn: '2024-05-20',
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const seqs = responses.map((r) => r.json<{ seq: number }>().seq).sort((a, b) => a - b);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('shows a notice only to its unit, the supervisors and the leader of its item', async () => {
    const notice = await issue({ taskId: fixture.taskId });
    const other = await issue({ taskId: fixture.otherTaskId });
    const ids = async (who: string) =>
      (await send(who, 'GET', '/api/supervision-notices'))
        .json<{ notices: NoticeView[] }>()
        .notices.map((n) => n.id);
    expect(await ids('duban')).toEqual([other.id, notice.id]);
    expect(await ids('bgs')).toEqual([notice.id]);
    expect(await ids('rsg')).toEqual([other.id]);
    expect(await ids('xzsp')).toEqual([]);
    expect(await ids('chenll')).toEqual([notice.id]);
    expect((await send('rsg', 'GET', `/api/supervision-notices/${notice.id}`)).statusCode).toBe(404);
    expect((await send('xzsp', 'GET', `/api/supervision-notices/${notice.id}/docx`)).statusCode).toBe(404);
    expect(
      (await send('rsg', 'POST', `/api/supervision-notices/${notice.id}/reply`, { reply: 'x', version: 1 }))
        .statusCode,
    ).toBe(404);
    // The co-owner 行政审批股 is not addressed and cannot reply either.
    expect(
      (
        await send('bgs', 'POST', '/api/supervision-notices', {
          taskId: fixture.taskId,
          problem: 'a',
          requirement: 'b',
          replyDueOn: '2024-05-20',
        })
      ).statusCode,
    ).toBe(403);
    const past = await send('duban', 'POST', '/api/supervision-notices', {
      taskId: fixture.taskId,
      problem: 'a',
      requirement: 'b',
      replyDueOn: '2024-05-01',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details.field).toBe('replyDueOn');
    expect((await send('duban', 'GET', '/api/supervision-notices?status=closed')).json().notices).toEqual([]);
  });

  it('exports the notice as an A4 .docx in the official layout, named by its number', async () => {
    const notice = await issue({ taskId: fixture.taskId });
    const response = await send('bgs', 'GET', `/api/supervision-notices/${notice.id}/docx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(response.headers['content-disposition']))).toContain(
      '督办〔2024〕1号.docx',
    );
    const files = unzipSync(new Uint8Array(response.rawPayload));
    const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    expect(xml).toContain('督办〔2024〕1号');
    expect(xml).toContain('工作督办单');
    expect(xml).toContain('办公室：');
    expect(xml).toContain('党委理论中心组学习4月未开展');
    expect(xml).toContain('2024年5月17日');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = xml.match(/<w:pgMar [^>]*>/)?.[0] ?? '';
    expect(margin).toContain('w:top="2098"');
    expect(margin).toContain('w:bottom="1984"');
    expect(margin).toContain('w:left="1587"');
    expect(margin).toContain('w:right="1474"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    const footer = Object.entries(files).find(([name]) => name.startsWith('word/footer'));
    expect(strFromU8(footer?.[1] ?? new Uint8Array())).toMatch(/— .*PAGE.* —/s);
  });

  it('lists red and yellow items with owners and open notices, and units behind on their work', async () => {
    await issue({ taskId: fixture.taskId });
    const response = await send(
      'duban',
      'GET',
      `/api/supervision/overview?planId=${fixture.planId}&asOf=2024-05-10`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const overview = response.json<SupervisionOverview>();
    // 2024-05-10 is a Friday and 2024-05-11 a worked Saturday (劳动节调休): five working days on is 05-16.
    expect(overview.suggestedReplyDueOn).toBe('2024-05-16');
    const item = overview.items.find((i) => i.itemId === fixture.itemId);
    // Nothing was reported or logged since February: item 1 lags.
    expect(item).toMatchObject({ no: 1, leaders: ['陈玲玲'], openNotices: 1 });
    expect(['red', 'yellow']).toContain(item?.light);
    expect(item?.reason).not.toBe('');
    expect(item?.units.map((u) => u.name)).toEqual(['办公室', '行政审批股']);
    expect(item?.tasks[0]).toMatchObject({ taskId: fixture.taskId, leadUnit: '办公室' });
    const office = overview.units.find((u) => u.name === '办公室');
    expect(office?.overdueReports).toBeGreaterThan(0);
    expect(office?.openNotices).toBe(1);
    expect((await send('bgs', 'GET', `/api/supervision/overview?planId=${fixture.planId}`)).statusCode).toBe(
      403,
    );
  });

  it('serves a private iCal feed of the unit’s due dates until it is revoked', async () => {
    expect((await send('bgs', 'GET', '/api/me/ical')).json()).toEqual({ active: false, createdAt: null });
    const created = await send('bgs', 'POST', '/api/me/ical');
    expect(created.statusCode).toBe(201);
    const { path } = created.json<{ path: string }>();
    expect(path).toMatch(/^\/ical\/ical_[\w-]+\.ics$/);
    expect((await send('bgs', 'GET', '/api/me/ical')).json().active).toBe(true);
    await issue({ taskId: fixture.taskId });

    const feed = await app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const body = feed.body;
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    for (const line of body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = body.replace(/\r\n /g, '');
    expect(unfolded).toContain('X-WR-CALNAME:督办 — bgs');
    expect(unfolded).toContain(`UID:task-${fixture.taskId}-due@duban`);
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20241231');
    expect(unfolded).toContain('SUMMARY:【到期】坚持每月开展党委理论中心组学习');
    expect(unfolded).not.toContain(`UID:task-${fixture.otherTaskId}-due@duban`);
    expect(unfolded).toMatch(/SUMMARY:【填报截止】进展填报（1项任务）/);
    expect(unfolded).toContain('SUMMARY:【督办回复】督办〔2024〕1号回复期限');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20240517');
    // Commas and line breaks in text are escaped.
    expect(unfolded).toContain('要点1：深入学习贯彻党的二十大精神\\n牵头单位：办公室');

    // The leader's feed carries their item's tasks, not another leader's.
    const leaderPath = (await send('chenll', 'POST', '/api/me/ical')).json<{ path: string }>().path;
    const leaderFeed = (await app.inject({ method: 'GET', url: leaderPath })).body.replace(/\r\n /g, '');
    expect(leaderFeed).toContain(`UID:task-${fixture.taskId}-due@duban`);
    expect(leaderFeed).not.toContain(`UID:task-${fixture.otherTaskId}-due@duban`);

    // Replacing the address kills the old one; revoking kills the new one.
    const replaced = (await send('bgs', 'POST', '/api/me/ical')).json<{ path: string }>().path;
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: replaced })).statusCode).toBe(200);
    expect((await send('bgs', 'DELETE', '/api/me/ical')).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: replaced })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: leaderPath })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/ical/ical_notatoken0000.ics' })).statusCode).toBe(404);
    const stored = await current().db.selectFrom('ical_tokens').select('token_hash').execute();
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
  });
});
