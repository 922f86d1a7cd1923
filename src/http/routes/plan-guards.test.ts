import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import {
  type Browser,
  login,
  seedOrganization,
  seedUser,
  TestClock,
  testApp,
} from '../../../test/support/http.ts';
import { yunxiText } from '../../../test/support/yunxi.ts';

describeEachDatabase('guard rails of importing and publishing', (current) => {
  let app: FastifyInstance;
  afterEach(() => app.close());

  async function start(at: string): Promise<Browser> {
    const { organizationId } = await seedOrganization(current());
    await seedUser(current(), organizationId, 'duban', ['supervisor']);
    app = await testApp(current(), { now: new TestClock(new Date(at)).now });
    return login(app, 'duban');
  }

  const importYunxi = async (supervisor: Browser): Promise<number> => {
    const imported = await app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: supervisor.headers,
      payload: { text: yunxiText, createUnits: true },
    });
    expect(imported.statusCode).toBe(201);
    return imported.json().id;
  };
  const publish = (supervisor: Browser, planId: number, payload?: object) =>
    app.inject({ method: 'POST', url: `/api/plans/${planId}/publish`, headers: supervisor.headers, payload });

  it('answers 409 with the existing plan for a second publication of the same 文号, and replaces on request', async () => {
    const supervisor = await start('2024-02-23T02:00:00Z');
    const first = await importYunxi(supervisor);
    const published = await publish(supervisor, first);
    expect(published.statusCode).toBe(200);
    const second = await importYunxi(supervisor);

    const refused = await publish(supervisor, second, { version: 1 });
    expect(refused.statusCode).toBe(409);
    const error = refused.json().error;
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('本单位已发布过同一份工作要点“云溪区2024年教育体育工作要点”');
    expect(error.details.existingPlan).toMatchObject({
      id: first,
      title: '云溪区2024年教育体育工作要点',
      docNo: '岳云教体〔2024〕4号',
      publishedOn: '2024-02-23',
      status: 'published',
      reports: 0,
      occurrences: 0,
    });

    expect((await publish(supervisor, second, { version: 1, replace: 'yes' })).statusCode).toBe(400);
    const replaced = await publish(supervisor, second, { version: 1, replace: true });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({
      planId: second,
      tasks: published.json().tasks,
      replacedPlanIds: [first],
    });
    const plans = (await app.inject({ method: 'GET', url: '/api/plans', headers: supervisor.headers })).json()
      .plans as Array<{ id: number; status: string }>;
    expect(plans.map((p) => [p.id, p.status]).sort()).toEqual(
      [
        [first, 'closed'],
        [second, 'published'],
      ].sort(),
    );
  });

  it('puts the past-year warning first in the parse preview, on the server’s clock', async () => {
    const supervisor = await start('2026-05-11T02:00:00Z');
    const parsed = await app.inject({
      method: 'POST',
      url: '/api/notices/parse',
      headers: supervisor.headers,
      payload: { text: yunxiText },
    });
    expect(parsed.statusCode).toBe(200);
    const warning = parsed.json().warnings[0];
    expect(warning.code).toBe('past-plan-year');
    expect(warning.message).toContain('这是2024年的工作要点，今天已是2026年');
    expect(parsed.json().similarNames).toEqual([
      { name: '纪监室', other: '纪检监察室', why: expect.stringContaining('简称') },
    ]);
  });
});
