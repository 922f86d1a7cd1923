import { expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase } from '../../test/support/databases.ts';
import type { Database } from '../db/connect.ts';
import { loadActor } from '../domain/accounts/load-actor.ts';
import { verifyPassword } from '../domain/accounts/passwords.ts';
import { computePlanLights } from '../domain/compute-plan-lights.ts';
import type { Context } from '../domain/context.ts';
import { getDashboard } from '../domain/dashboard/get-dashboard.ts';
import { getPlanTree } from '../domain/get-plan-tree.ts';
import { SEED_PASSWORD } from './seed-accounts.ts';
import { countOrganizations, seedScale } from './seed-scale.ts';

// `duban seed` at bureau scale on both databases, read back through the app's own readers.

const count = async (database: Database, table: 'organizations' | 'plans' | 'reports') => {
  const row = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

async function unitsByKind(database: Database, organizationId: number) {
  const rows = await database.db
    .selectFrom('units')
    .select(['kind', (eb) => eb.fn.countAll().as('n')])
    .where('organization_id', '=', organizationId)
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

async function supervisorContext(database: Database, organizationId: number): Promise<Context> {
  const user = await database.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', `duban-${organizationId}`)
    .executeTakeFirstOrThrow();
  const actor = await loadActor(database.db, user.id);
  if (!actor) throw new Error('supervisor not loadable');
  return { db: database.db, dialect: database.dialect, actor, now: () => new Date('2025-01-02T02:00:00Z') };
}

describeEachDatabase(
  'duban seed --scale bureau',
  (current) => {
    it('makes one bureau with 30 departments, 60 schools, one plan and a year of reports', async () => {
      const database = current();
      const progress: number[] = [];
      const result = await seedScale(database, {
        scale: 'bureau',
        seed: 3,
        onProgress: (p) => progress.push(p.done),
      });
      expect(progress).toEqual([1]);
      expect(result).toMatchObject({ organizations: 1, plans: 1 });
      expect(await countOrganizations(database)).toBe(1);
      expect(await count(database, 'plans')).toBe(1);
      const org = await database.db.selectFrom('organizations').selectAll().executeTakeFirstOrThrow();
      expect(org.name).toBe('岳阳市云溪区教育体育局');
      expect(await unitsByKind(database, org.id)).toEqual({ department: 30, school: 60 });
      expect(result.reports).toBeGreaterThan(2_500);
      expect(await count(database, 'reports')).toBe(result.reports);
      const months = await database.db
        .selectFrom('reports')
        .select('period')
        .distinct()
        .orderBy('period')
        .execute();
      expect(months.map((m) => m.period)).toEqual([
        '2024-03',
        '2024-04',
        '2024-05',
        '2024-06',
        '2024-07',
        '2024-08',
        '2024-09',
        '2024-10',
        '2024-11',
        '2024-12',
      ]);
      expect(result.logins.map((l) => l.username)).toContain('admin');
      const admin = await database.db
        .selectFrom('users')
        .select('password_hash')
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
      expect(await verifyPassword(admin.password_hash, SEED_PASSWORD)).toBe(true);
    });

    it('is read by the app: the plan tree, the lights and the dashboard', async () => {
      const database = current();
      const org = await database.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
      const plan = await database.db.selectFrom('plans').select('id').executeTakeFirstOrThrow();
      const ctx = await supervisorContext(database, org.id);
      const tree = await getPlanTree(ctx, { planId: plan.id, asOf: '2024-10-10' });
      expect(tree.sections).toHaveLength(5);
      expect(tree.sections.flatMap((s) => s.items)).toHaveLength(23);
      const lights = await computePlanLights(ctx, { planId: plan.id, asOf: '2024-10-10' });
      const colours = new Set(lights.tasks.map((t) => t.light));
      expect(colours).toContain('green');
      const dashboard = await getDashboard(ctx, { planId: plan.id, asOf: '2024-10-10' });
      expect(JSON.stringify(dashboard)).toContain('办公室');
    });
  },
  { fresh: 'all' },
);

describeEachDatabase('duban seed --scale city', (_current, dialect) => {
  // Twelve bureaus take a while: the count check runs on SQLite only, with the year simulated to
  // the end of March (the structure is the same; a whole year is what the bureau test reads).
  it.runIf(dialect === 'sqlite')(
    'makes a city bureau over 12 district bureaus, each with its own names and a published plan',
    async () => {
      const database = await openTestDatabase('sqlite');
      try {
        const result = await seedScale(database, { scale: 'city', seed: 9, through: '2024-03-31' });
        expect(result).toMatchObject({ organizations: 13, plans: 12 });
        const orgs = await database.db.selectFrom('organizations').selectAll().orderBy('id').execute();
        const city = orgs[0];
        expect(city?.parent_id).toBeNull();
        const districts = orgs.slice(1);
        expect(districts.every((o) => o.parent_id === city?.id)).toBe(true);
        expect(new Set(districts.map((o) => o.name)).size).toBe(12);
        for (const district of districts)
          expect(await unitsByKind(database, district.id)).toEqual({ department: 30, school: 60 });
        const plans = await database.db
          .selectFrom('plans')
          .select(['title', 'status', 'organization_id'])
          .execute();
        expect(plans.every((p) => p.status === 'published')).toBe(true);
        expect(new Set(plans.map((p) => p.title)).size).toBe(12);
        // Each copied plan's items name that bureau's own units.
        const foreign = await database.db
          .selectFrom('item_units')
          .innerJoin('items', 'items.id', 'item_units.item_id')
          .innerJoin('plans', 'plans.id', 'items.plan_id')
          .innerJoin('units', 'units.id', 'item_units.unit_id')
          .select('units.id')
          .whereRef('units.organization_id', '!=', 'plans.organization_id')
          .execute();
        expect(foreign).toEqual([]);
        // Some bureaus call a department by its other name; the notice's name stays as an alias.
        const aliases = await database.db.selectFrom('unit_aliases').select(['alias', 'unit_id']).execute();
        expect(aliases.length).toBeGreaterThan(0);
        // March's reports (due the 25th) of 23 tasks' owners and 300 school copies, in each bureau.
        expect(result.reports).toBeGreaterThan(12 * 250);
        const periods = await database.db.selectFrom('reports').select('period').distinct().execute();
        expect(periods.map((p) => p.period)).toEqual(['2024-03']);
      } finally {
        await database.close();
      }
    },
    180_000,
  );
});
