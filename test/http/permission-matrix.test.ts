import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import {
  type Browser,
  login,
  seedOrganization,
  seedUser,
  TEST_PASSWORD,
  TestClock,
  testApp,
} from '../support/http.ts';
import { yunxiText } from '../support/yunxi.ts';

// Every route × role × own/other unit, with the exact status each must answer. Adding a route
// means adding rows here. Rows run in order on one database, so the few successful writes come
// after the refusals of the same route and later rows see their effect (409).

type Role = 'admin' | 'supervisor' | 'leader' | 'office' | 'personnel' | 'viewer' | 'outsider' | 'anonymous';

interface Fixture {
  planId: number;
  /** Item 1's task, led by 办公室; item 1 names 陈玲玲. */
  officeTask: number;
  /** Item 2's task, owned by 人事股 only. */
  personnelTask: number;
  /** Item 5's task, whose item does not name 陈玲玲. */
  item5Task: number;
  /** 办公室's report on officeTask, with one file. */
  officeReport: number;
  officeFile: number;
}

interface Row {
  method: 'GET' | 'POST';
  url: (f: Fixture) => string;
  as: Role;
  status: number;
  body?: Record<string, unknown>;
}

const report = { period: '2024-04', status: 'on_track', percent: 30, narrative: '已召开会议' };
const all = (url: (f: Fixture) => string, statuses: Partial<Record<Role, number>>): Row[] =>
  Object.entries(statuses).map(([as, status]) => ({ method: 'GET', url, as: as as Role, status }));
const post = (
  url: (f: Fixture) => string,
  as: Role,
  status: number,
  body?: Record<string, unknown>,
): Row => ({
  method: 'POST',
  url,
  as,
  status,
  body,
});
const readers = { admin: 200, supervisor: 200, leader: 200, office: 200, personnel: 200, viewer: 200 };

const matrix: Row[] = [
  ...all((f) => `/api/plans/${f.planId}`, { ...readers, outsider: 404, anonymous: 401 }),
  ...all((f) => `/api/plans/${f.planId}/dashboard`, { ...readers, outsider: 404, anonymous: 401 }),
  ...all(() => '/api/tasks', { ...readers, outsider: 200, anonymous: 401 }),
  // Viewers read everything of their bureau (DESIGN.md), evidence included.
  ...all((f) => `/api/files/${f.officeFile}`, { ...readers, personnel: 404, outsider: 404, anonymous: 401 }),
  ...all(() => '/api/audit', {
    admin: 200,
    supervisor: 200,
    leader: 403,
    office: 403,
    personnel: 403,
    viewer: 403,
    outsider: 200,
    anonymous: 401,
  }),
  ...(['personnel', 'outsider'] as const).map((as) =>
    post((f) => `/api/tasks/${f.officeTask}/acknowledge`, as, 404),
  ),
  ...(['leader', 'viewer', 'supervisor', 'admin'] as const).map((as) =>
    post((f) => `/api/tasks/${f.officeTask}/acknowledge`, as, 403),
  ),
  post((f) => `/api/tasks/${f.officeTask}/acknowledge`, 'anonymous', 401),
  post((f) => `/api/tasks/${f.item5Task}/acknowledge`, 'leader', 404),
  post((f) => `/api/tasks/${f.personnelTask}/acknowledge`, 'office', 404),
  post((f) => `/api/tasks/${f.officeTask}/acknowledge`, 'office', 200),
  post((f) => `/api/tasks/${f.officeTask}/acknowledge`, 'office', 409),
  ...(['personnel', 'outsider'] as const).map((as) =>
    post((f) => `/api/tasks/${f.officeTask}/reports`, as, 404, report),
  ),
  ...(['leader', 'viewer', 'supervisor'] as const).map((as) =>
    post((f) => `/api/tasks/${f.officeTask}/reports`, as, 403, report),
  ),
  post((f) => `/api/tasks/${f.officeTask}/reports`, 'office', 409, report),
  post((f) => `/api/tasks/${f.personnelTask}/reports`, 'office', 404, report),
  post((f) => `/api/tasks/${f.personnelTask}/reports`, 'personnel', 201, report),
  ...(['personnel', 'outsider'] as const).map((as) =>
    post((f) => `/api/reports/${f.officeReport}/review`, as, 404, { decision: 'accept' }),
  ),
  ...(['office', 'viewer'] as const).map((as) =>
    post((f) => `/api/reports/${f.officeReport}/review`, as, 403, { decision: 'accept' }),
  ),
  post((f) => `/api/reports/${f.officeReport}/review`, 'leader', 200, {
    decision: 'return',
    comment: '请补充',
  }),
  post((f) => `/api/reports/${f.officeReport}/review`, 'admin', 409, { decision: 'accept' }),
  // permissions.ts keeps publishing with supervisors; administrators manage accounts only.
  ...(['admin', 'leader', 'office', 'personnel', 'viewer'] as const).map((as) =>
    post((f) => `/api/plans/${f.planId}/publish`, as, 403),
  ),
  post((f) => `/api/plans/${f.planId}/publish`, 'outsider', 404),
  post((f) => `/api/plans/${f.planId}/publish`, 'supervisor', 409),
];

interface TreeTask {
  id: number;
  lead: { name: string } | null;
}
interface Tree {
  sections: Array<{ items: Array<{ no: number; tasks: TreeTask[] }> }>;
}

const taskIds = (tree: Tree, itemNo?: number) =>
  tree.sections
    .flatMap((s) => s.items)
    .filter((i) => itemNo === undefined || i.no === itemNo)
    .flatMap((i) => i.tasks.map((t) => t.id));

function multipartReport(fileName: string, text: string) {
  const boundary = '----duban-matrix';
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const payload = Buffer.concat([
    Buffer.from(
      Object.entries(report)
        .map(([k, v]) => field(k, String(v)))
        .join(''),
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\n\r\n`,
    ),
    Buffer.from(text),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

describeEachDatabase(
  'permission matrix',
  (current) => {
    let app: FastifyInstance;
    const browsers = new Map<Role, Browser>();
    let f: Fixture;
    const headers = (as: Role) => browsers.get(as)?.headers ?? {};
    const get = async <T>(as: Role, url: string) => {
      const response = await app.inject({ method: 'GET', url, headers: headers(as) });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<T>();
    };

    beforeAll(async () => {
      const database = current();
      const { organizationId } = await seedOrganization(database);
      const other = await seedOrganization(database, '另一教育局');
      await seedUser(database, organizationId, 'admin', ['admin']);
      await seedUser(database, organizationId, 'duban', ['supervisor']);
      await seedUser(database, organizationId, 'bgs', ['department'], '办公室');
      await seedUser(database, organizationId, 'rsg', ['department'], '人事股');
      await seedUser(database, organizationId, 'viewer', ['viewer']);
      await seedUser(database, other.organizationId, 'outsider', ['supervisor']);
      app = await testApp(database, { now: new TestClock(new Date('2024-04-20T02:00:00Z')).now });
      const logins: Array<[Role, string]> = [
        ['admin', 'admin'],
        ['supervisor', 'duban'],
        ['office', 'bgs'],
        ['personnel', 'rsg'],
        ['viewer', 'viewer'],
        ['outsider', 'outsider'],
      ];
      for (const [role, username] of logins) browsers.set(role, await login(app, username));

      const imported = await app.inject({
        method: 'POST',
        url: '/api/plans',
        headers: headers('supervisor'),
        payload: { text: yunxiText, createUnits: true },
      });
      const planId = imported.json<{ id: number }>().id;
      await app.inject({
        method: 'POST',
        url: `/api/plans/${planId}/publish`,
        headers: headers('supervisor'),
      });
      const leader = await app.inject({
        method: 'POST',
        url: '/api/users',
        headers: headers('admin'),
        payload: { username: 'chenll', password: TEST_PASSWORD, roles: ['leader'], leader: '陈玲玲' },
      });
      expect(leader.statusCode, leader.body).toBe(201);
      browsers.set('leader', await login(app, 'chenll'));

      const tree = await get<Tree>('supervisor', `/api/plans/${planId}`);
      const leadOf = (no: number, unit?: string) =>
        tree.sections
          .flatMap((s) => s.items)
          .find((i) => i.no === no)
          ?.tasks.find((t) => unit === undefined || t.lead?.name === unit)?.id;
      const officeTask = leadOf(1, '办公室');
      const personnelTask = leadOf(2, '人事股');
      const item5Task = leadOf(5);
      if (!officeTask || !personnelTask || !item5Task) throw new Error('Yunxi tasks not found');
      const { payload, contentType } = multipartReport('会议纪要.txt', '4月12日召开党委理论中心组学习');
      const filed = await app.inject({
        method: 'POST',
        url: `/api/tasks/${officeTask}/reports`,
        headers: { ...headers('office'), 'content-type': contentType },
        payload,
      });
      expect(filed.statusCode, filed.body).toBe(201);
      const { id, evidence } = filed.json<{ id: number; evidence: Array<{ id: number }> }>();
      f = {
        planId,
        officeTask,
        personnelTask,
        item5Task,
        officeReport: id,
        officeFile: evidence[0]?.id ?? 0,
      };
    });
    afterAll(() => app.close());

    describe('route × role', () => {
      for (const row of matrix) {
        const name = `${row.method} ${row
          .url({
            planId: 0,
            officeTask: 0,
            personnelTask: 0,
            item5Task: 0,
            officeReport: 0,
            officeFile: 0,
          })
          .replace(/\/0(?=\/|$)/g, '/:id')} as ${row.as} → ${row.status}`;
        it(name, async () => {
          const response = await app.inject({
            method: row.method,
            url: row.url(f),
            headers: headers(row.as),
            ...(row.body ? { payload: row.body } : {}),
          });
          expect(response.statusCode, response.body).toBe(row.status);
          if (row.status === 404) expect(response.body).not.toContain('会议纪要');
        });
      }
    });

    it('limits the trees and task lists of department users and leaders to their own work', async () => {
      const personnelTree = await get<Tree>('personnel', `/api/plans/${f.planId}`);
      expect(taskIds(personnelTree)).toContain(f.personnelTask);
      expect(taskIds(personnelTree)).not.toContain(f.officeTask);
      const officeTree = await get<Tree>('office', `/api/plans/${f.planId}`);
      expect(taskIds(officeTree)).toContain(f.officeTask);
      expect(taskIds(officeTree)).not.toContain(f.personnelTask);
      const leaderTree = await get<Tree>('leader', `/api/plans/${f.planId}`);
      expect(taskIds(leaderTree)).toContain(f.officeTask);
      expect(taskIds(leaderTree, 5)).toEqual([]);

      type List = { tasks: Array<{ id: number; light: string; reason: string }> };
      const ids = (list: List) => list.tasks.map((t) => t.id);
      const personnelAll = await get<List>('personnel', '/api/tasks');
      expect(ids(personnelAll)).not.toContain(f.officeTask);
      expect(ids(personnelAll)).toContain(f.personnelTask);
      const officeUnit = officeTree.sections
        .flatMap((s) => s.items)
        .flatMap((i) => i.tasks)
        .find((t) => t.id === f.officeTask) as TreeTask & { lead: { id: number } };
      expect(ids(await get<List>('personnel', `/api/tasks?department=${officeUnit.lead.id}`))).toEqual([]);
      const officeMine = await get<List>('office', '/api/tasks?mine=true');
      expect(ids(officeMine)).toContain(f.officeTask);
      expect(officeMine.tasks.every((t) => t.reason.length > 0)).toBe(true);
      const leaderMine = await get<List>('leader', '/api/tasks?mine=true');
      expect(ids(leaderMine)).toContain(f.officeTask);
      expect(ids(leaderMine)).not.toContain(f.item5Task);
      expect(ids(await get<List>('outsider', '/api/tasks'))).toEqual([]);
      expect(ids(await get<List>('supervisor', '/api/tasks?mine=true'))).toEqual([]);
    });

    it('downloads a visible file with its Chinese name, stored type and nosniff', async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/files/${f.officeFile}`,
        headers: headers('leader'),
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(response.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('会议纪要.txt')}`,
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.body).toBe('4月12日召开党委理论中心组学习');
    });

    it("keeps another bureau's audit entries out of a supervisor's audit trail", async () => {
      type Audit = { entries: Array<{ entityType: string; entityId: number | null; actorLabel: string }> };
      const own = await get<Audit>('supervisor', '/api/audit?limit=200');
      expect(own.entries.some((e) => e.entityType === 'report' && e.entityId === f.officeReport)).toBe(true);
      const outsider = await get<Audit>('outsider', '/api/audit?limit=200');
      expect(outsider.entries.some((e) => e.entityType === 'report' || e.entityType === 'plan')).toBe(false);
      expect(outsider.entries.some((e) => ['bgs', 'rsg', 'duban', 'chenll'].includes(e.actorLabel))).toBe(
        false,
      );
    });
  },
  { fresh: 'all' },
);
