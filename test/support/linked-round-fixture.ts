import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { insertUnit } from '../../src/db/queries/units.ts';
import { writeBalanceTemplate } from '../../src/domain/balance/balance-sheet.ts';
import type { BalanceSchoolInput, CollectionFormView, RoundView } from '../../src/shared/balance.ts';
import type { PlanTree } from '../../src/shared/plan-tree.ts';
import {
  type Browser,
  login,
  multipartBody,
  seedOrganization,
  seedUser,
  TestClock,
  testApp,
} from './http.ts';
import { yunxiText } from './yunxi.ts';

// Test fixture (tests only): the Yunxi plan published over HTTP, item 13's task, and a county of
// schools of both stages (one 九年一贯制) to run a seven-indicator round linked to it. Used by
// item-balance.test.ts and the bulletin's balance-section.test.ts.

/** Pupils and the sports area per pupil of one school row; every other figure is in proportion to pupils. */
const COUNTY: Array<{ name: string; stage: 'primary' | 'junior'; pupils: number; sportsPerPupil: number }> = [
  { name: '河夹小学', stage: 'primary', pupils: 400, sportsPerPupil: 10 },
  { name: '关防小学', stage: 'primary', pupils: 200, sportsPerPupil: 8 },
  { name: '店子小学', stage: 'primary', pupils: 600, sportsPerPupil: 10 },
  { name: '涧池学校', stage: 'primary', pupils: 400, sportsPerPupil: 10 },
  { name: '城关初中', stage: 'junior', pupils: 600, sportsPerPupil: 5 },
  { name: '香口初中', stage: 'junior', pupils: 300, sportsPerPupil: 15 },
  { name: '涧池学校', stage: 'junior', pupils: 300, sportsPerPupil: 20 },
];

/**
 * The county's rows as the template sheet takes them: per hundred pupils 6 teachers above the
 * degree, 2 backbone, 2 PE/art teachers, 3 multimedia rooms; per pupil 8 ㎡ of building and 3000 元
 * of equipment — all above both stages' minimums, so only the sports area varies.
 */
export function countyRows(): BalanceSchoolInput[] {
  return COUNTY.map((s) => ({
    name: s.name,
    stage: s.stage,
    pupils: s.pupils,
    raw: {
      teachersAboveDegree: (s.pupils * 6) / 100,
      backboneTeachers: (s.pupils * 2) / 100,
      peArtTeachers: (s.pupils * 2) / 100,
      buildingArea: s.pupils * 8,
      sportsArea: s.pupils * s.sportsPerPupil,
      equipmentValue: s.pupils * 3000,
      multimediaRooms: (s.pupils * 3) / 100,
    },
  }));
}

/** The app, its users and item 13 of the published Yunxi plan. */
export interface LinkedRoundFixture {
  app: FastifyInstance;
  clock: TestClock;
  supervisor: Browser;
  viewer: Browser;
  /** 人事股: reads the plan, owns none of item 13's tasks. */
  department: Browser;
  planId: number;
  itemId: number;
  taskId: number;
  get: (browser: Browser, url: string) => Promise<LightMyRequestResponse>;
  post: (browser: Browser, url: string, payload: unknown) => Promise<LightMyRequestResponse>;
  /** Opens a seven-indicator round linked to item 13's task. */
  openRound: (name: string) => Promise<RoundView>;
  /** Imports the county into a round (imported rows are accepted). */
  importCounty: (roundId: number) => Promise<void>;
  lock: (roundId: number) => Promise<RoundView>;
}

/** Seeds the county and the Yunxi plan on 2024-10-20 (Asia/Shanghai) and finds item 13's task. */
export async function seedLinkedRound(database: Database): Promise<LinkedRoundFixture> {
  const { organizationId } = await seedOrganization(database);
  const at = '2024-01-01T00:00:00Z';
  const kinds: Record<string, string> = {
    河夹小学: '小学',
    关防小学: '小学',
    店子小学: '小学',
    涧池学校: '九年一贯制',
    城关初中: '初中',
    香口初中: '初中',
  };
  for (const [name, schoolKind] of Object.entries(kinds))
    await insertUnit(database.db, { organizationId, kind: 'school', name, schoolKind, createdAt: at });
  await seedUser(database, organizationId, 'duban', ['supervisor']);
  await seedUser(database, organizationId, 'chakan', ['viewer']);
  await seedUser(database, organizationId, 'rsg', ['department'], '人事股');
  const clock = new TestClock(new Date('2024-10-20T02:00:00Z'));
  const app = await testApp(database, { now: clock.now });
  const supervisor = await login(app, 'duban');
  const get = (browser: Browser, url: string) => app.inject({ method: 'GET', url, headers: browser.headers });
  const post = (browser: Browser, url: string, payload: unknown) =>
    app.inject({ method: 'POST', url, headers: browser.headers, payload: payload as object });

  const imported = await post(supervisor, '/api/plans', { text: yunxiText, createUnits: true });
  expect(imported.statusCode, imported.body).toBeLessThan(300);
  const planId = imported.json<{ id: number }>().id;
  expect((await post(supervisor, `/api/plans/${planId}/publish`, {})).statusCode).toBe(200);
  const tree = (await get(supervisor, `/api/plans/${planId}`)).json<PlanTree>();
  const item = tree.sections.flatMap((s) => s.items).find((i) => i.no === 13);
  const task = item?.tasks[0];
  if (!item || !task) throw new Error('item 13 of Yunxi has no task');

  return {
    app,
    clock,
    supervisor,
    viewer: await login(app, 'chakan'),
    department: await login(app, 'rsg'),
    planId,
    itemId: item.id,
    taskId: task.id,
    get,
    post,
    async openRound(name) {
      const forms = (await get(supervisor, '/api/balance/forms')).json<{ forms: CollectionFormView[] }>();
      const form = forms.forms.find((f) => f.builtin);
      const response = await post(supervisor, '/api/balance/rounds', {
        formId: form?.id,
        name,
        dueOn: '2024-11-15',
        taskId: task.id,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<RoundView>();
    },
    async importCounty(roundId) {
      const body = multipartBody(
        {},
        [{ name: 'county.xlsx', bytes: Buffer.from(await writeBalanceTemplate(countyRows())) }],
        'file',
      );
      const response = await app.inject({
        method: 'POST',
        url: `/api/balance/rounds/${roundId}/import`,
        headers: { ...supervisor.headers, 'content-type': body.type },
        payload: body.payload,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<{ imported: number }>().imported).toBe(COUNTY.length);
    },
    async lock(roundId) {
      const response = await post(supervisor, `/api/balance/rounds/${roundId}/lock`, {});
      expect(response.statusCode, response.body).toBe(200);
      return response.json<RoundView>();
    },
  };
}
