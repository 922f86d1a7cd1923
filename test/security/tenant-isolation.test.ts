import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarYearView } from '../../src/shared/calendar.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { type Browser, login, seedOrganization, seedUser, TestClock, testApp } from '../support/http.ts';
import { yunxiText } from '../support/yunxi.ts';

// Several bureaus (organizations) share one server (SECURITY.md threat model). One bureau's
// administrator once moved 2024-04-25 to a holiday and deleted 劳动节 for every bureau, and a
// department could attach findings and inspections to another unit's item. These tests hold the
// line: a bureau's calendar edits stay its own (and are audited there), and findings and
// inspections name only the caller's own work.

interface Tree {
  sections: Array<{
    items: Array<{ id: number; no: number; tasks: Array<{ id: number; lead: { name: string } | null }> }>;
  }>;
}

describeEachDatabase(
  'tenant isolation between bureaus on one server',
  (current) => {
    let app: FastifyInstance;
    const as: Record<string, Browser> = {};
    let orgA = 0;
    let orgB = 0;
    let planA = 0;
    let officeUnitA = 0;
    let officeUnitB = 0;
    /** Item 1 (办公室 leads a task) and item 2 (人事股 only) of bureau A; item 1 of bureau B. */
    let item1A = 0;
    let item2A = 0;
    let item1B = 0;

    const call = (who: string, method: 'GET' | 'PUT' | 'DELETE' | 'POST', url: string, payload?: object) =>
      app.inject({ method, url, headers: as[who]?.headers, ...(payload ? { payload } : {}) });
    const json = async <T>(who: string, url: string): Promise<T> => {
      const response = await call(who, 'GET', url);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<T>();
    };
    const itemOf = (tree: Tree, no: number) => {
      const item = tree.sections.flatMap((s) => s.items).find((i) => i.no === no);
      if (!item) throw new Error(`item ${no} not found`);
      return item.id;
    };
    const importAndPublish = async (who: string) => {
      const imported = await call(who, 'POST', '/api/plans', { text: yunxiText, createUnits: true });
      expect(imported.statusCode, imported.body).toBe(201);
      const planId = imported.json<{ id: number }>().id;
      const published = await call(who, 'POST', `/api/plans/${planId}/publish`);
      expect(published.statusCode, published.body).toBeLessThan(300);
      return { planId, tree: await json<Tree>(who, `/api/plans/${planId}`) };
    };

    beforeAll(async () => {
      const database = current();
      const a = await seedOrganization(database, '郧西县教育局');
      const b = await seedOrganization(database, '竹山县教育局');
      orgA = a.organizationId;
      orgB = b.organizationId;
      officeUnitA = a.office;
      officeUnitB = b.office;
      await seedUser(database, orgA, 'a-admin', ['admin']);
      await seedUser(database, orgA, 'a-duban', ['supervisor']);
      await seedUser(database, orgA, 'a-bgs', ['department'], '办公室');
      await seedUser(database, orgB, 'b-admin', ['admin']);
      await seedUser(database, orgB, 'b-duban', ['supervisor']);
      await seedUser(database, orgB, 'b-bgs', ['department'], '办公室');
      app = await testApp(database, { now: new TestClock(new Date('2024-04-20T02:00:00Z')).now });
      for (const name of ['a-admin', 'a-duban', 'a-bgs', 'b-admin', 'b-duban', 'b-bgs']) {
        as[name] = await login(app, name);
      }
      const ofA = await importAndPublish('a-duban');
      planA = ofA.planId;
      item1A = itemOf(ofA.tree, 1);
      item2A = itemOf(ofA.tree, 2);
      item1B = itemOf((await importAndPublish('b-duban')).tree, 1);
    });
    afterAll(() => app.close());

    describe('the working-day calendar', () => {
      it("keeps bureau B's holiday edits out of bureau A's calendar, due dates and lights, audited in B", async () => {
        const yearBefore = await json<CalendarYearView>('a-bgs', '/api/calendar?year=2024');
        const dashboardBefore = await json<unknown>('a-duban', `/api/plans/${planA}/dashboard`);
        const treeBefore = await json<unknown>('a-duban', `/api/plans/${planA}`);
        expect(yearBefore.dueDates.find((d) => d.period === '2024-04')?.dueOn).toBe('2024-04-25');

        // What the probe did: 2024-04-25 becomes a holiday, 劳动节 stops being one.
        const moved = await call('b-admin', 'PUT', '/api/calendar/days/2024-04-25', {
          kind: 'holiday',
          name: '本局放假',
        });
        expect(moved.statusCode, moved.body).toBe(200);
        const worked = await call('b-admin', 'PUT', '/api/calendar/days/2024-05-01', {
          kind: 'workday',
          name: '本局照常上班',
        });
        expect(worked.statusCode, worked.body).toBe(200);
        // The national default is nobody's to delete through the API: B has nothing of its own there.
        expect((await call('b-admin', 'DELETE', '/api/calendar/days/2024-05-02')).statusCode).toBe(404);

        const yearAfter = await json<CalendarYearView>('a-bgs', '/api/calendar?year=2024');
        expect(yearAfter).toEqual(yearBefore);
        expect(yearAfter.days.find((d) => d.date === '2024-05-01')).toMatchObject({
          kind: 'holiday',
          name: '劳动节',
          own: false,
        });
        expect(yearAfter.days.some((d) => d.date === '2024-04-25')).toBe(false);
        expect(await json<unknown>('a-duban', `/api/plans/${planA}/dashboard`)).toEqual(dashboardBefore);
        expect(await json<unknown>('a-duban', `/api/plans/${planA}`)).toEqual(treeBefore);

        // B sees its own calendar, and its April reports move to the next working day.
        const ofB = await json<CalendarYearView>('b-bgs', '/api/calendar?year=2024');
        expect(ofB.days.find((d) => d.date === '2024-04-25')).toMatchObject({ kind: 'holiday', own: true });
        expect(ofB.days.find((d) => d.date === '2024-05-01')).toMatchObject({
          kind: 'workday',
          own: true,
          national: { kind: 'holiday', name: '劳动节' },
        });
        expect(ofB.dueDates.find((d) => d.period === '2024-04')?.dueOn).toBe('2024-04-26');

        const audited = await current()
          .db.selectFrom('audit_log')
          .select(['organization_id as organizationId', 'action'])
          .where('action', 'like', 'calendar.%')
          .orderBy('id')
          .execute();
        expect(audited).toEqual([
          { organizationId: orgB, action: 'calendar.day.set' },
          { organizationId: orgB, action: 'calendar.day.set' },
        ]);

        // B's administrator reverts its own change; A's administrator cannot revert B's.
        expect((await call('a-admin', 'DELETE', '/api/calendar/days/2024-04-25')).statusCode).toBe(404);
        expect((await call('b-admin', 'DELETE', '/api/calendar/days/2024-04-25')).statusCode).toBe(204);
        const reverted = await json<CalendarYearView>('b-bgs', '/api/calendar?year=2024');
        expect(reverted.dueDates.find((d) => d.period === '2024-04')?.dueOn).toBe('2024-04-25');
        expect(await json<CalendarYearView>('a-bgs', '/api/calendar?year=2024')).toEqual(yearBefore);
      });
    });

    describe('findings and monthly inspections', () => {
      const finding = (overrides: Record<string, unknown>) => ({
        source: '自查',
        title: '台账不全',
        detail: '装订不全',
        severity: 'low',
        dueOn: '2024-05-31',
        ...overrides,
      });

      it("lets a department record findings only on its own unit's items, never on another bureau's", async () => {
        const own = await call(
          'a-bgs',
          'POST',
          '/api/findings',
          finding({ unitId: officeUnitA, itemId: item1A }),
        );
        expect(own.statusCode, own.body).toBe(201);
        const others = await call(
          'a-bgs',
          'POST',
          '/api/findings',
          finding({ unitId: officeUnitA, itemId: item2A }),
        );
        expect(others.statusCode, others.body).toBe(403);
        expect(others.json().error.message).toMatch(/本单位.*承办/);
        const plan = await call(
          'a-bgs',
          'POST',
          '/api/findings',
          finding({ unitId: officeUnitA, planId: planA }),
        );
        expect(plan.statusCode, plan.body).toBe(201);
        const foreign = await call(
          'a-bgs',
          'POST',
          '/api/findings',
          finding({ unitId: officeUnitA, itemId: item1B }),
        );
        expect(foreign.statusCode, foreign.body).toBe(404);
        expect(foreign.body).not.toContain('竹山');
        const fromB = await call(
          'b-bgs',
          'POST',
          '/api/findings',
          finding({ unitId: officeUnitA, itemId: item1A }),
        );
        expect(fromB.statusCode, fromB.body).toBe(403);
      });

      it("lets a supervisor link any item of their own bureau, and none of another's", async () => {
        const any = await call(
          'a-duban',
          'POST',
          '/api/findings',
          finding({ unitId: officeUnitA, itemId: item2A }),
        );
        expect(any.statusCode, any.body).toBe(201);
        const foreign = await call(
          'a-duban',
          'POST',
          '/api/findings',
          finding({ unitId: officeUnitA, itemId: item1B }),
        );
        expect(foreign.statusCode, foreign.body).toBe(404);
        const foreignPlan = await call(
          'b-duban',
          'POST',
          '/api/findings',
          finding({ unitId: officeUnitB, planId: planA }),
        );
        expect(foreignPlan.statusCode, foreignPlan.body).toBe(404);
        const foreignUnit = await call('b-duban', 'POST', '/api/findings', finding({ unitId: officeUnitA }));
        expect(foreignUnit.statusCode, foreignUnit.body).toBe(400);
      });

      it("files a department's inspection only on its own unit's item", async () => {
        const inspection = (itemId: number) => ({ period: '2024-04', itemId, findings: [] });
        expect((await call('a-bgs', 'POST', '/api/inspections', inspection(item2A))).statusCode).toBe(403);
        expect((await call('a-bgs', 'POST', '/api/inspections', inspection(item1B))).statusCode).toBe(404);
        expect((await call('b-bgs', 'POST', '/api/inspections', inspection(item1A))).statusCode).toBe(404);
        const own = await call('a-bgs', 'POST', '/api/inspections', inspection(item1A));
        expect(own.statusCode, own.body).toBe(201);
        const stored = await current()
          .db.selectFrom('inspections')
          .select(['organization_id as organizationId', 'item_id as itemId'])
          .execute();
        expect(stored).toEqual([{ organizationId: orgA, itemId: item1A }]);
        const findings = await current()
          .db.selectFrom('findings')
          .select(['organization_id as organizationId', 'item_id as itemId'])
          .orderBy('id')
          .execute();
        expect(findings.every((f) => f.organizationId === orgA)).toBe(true);
        expect(findings.map((f) => f.itemId)).toEqual([item1A, null, item2A]);
      });
    });
  },
  { fresh: 'all' },
);
