import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';

describeEachDatabase('database setup', (current) => {
  it('applies the migrations and enforces foreign keys', async () => {
    const { db } = current();
    const org = await db
      .insertInto('organizations')
      .values({ name: '测试教育局', parent_id: null, created_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(org.id).toBeGreaterThan(0);
    await expect(
      db
        .insertInto('units')
        .values({
          organization_id: 9999,
          kind: 'department',
          name: '办公室',
          school_kind: null,
          created_at: 'x',
        })
        .execute(),
    ).rejects.toThrow();
    const rows = await sql<{ n: number }>`select 1 as n`.execute(db);
    expect(Number(rows.rows[0]?.n)).toBe(1);
  });
});
