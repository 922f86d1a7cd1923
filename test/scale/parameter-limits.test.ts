import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { inChunks, insertChunks, MAX_PARAMETERS } from '../../src/db/queries/batch.ts';
import { toErrorResponse } from '../../src/http/errors.ts';
import { describeEachDatabase } from '../support/databases.ts';

// A statement over too many bind parameters is our mistake, not an outage: SQLite says "too many SQL
// variables", PostgreSQL answers 08P01 (protocol violation) — a class-08 code, which once made it
// read as "数据库暂时无法连接" (503). It must be a plain 500, and the chunked statements never meet it.

describeEachDatabase('bind-parameter limits', (current) => {
  const ids = Array.from({ length: 70_000 }, (_, k) => k + 1);

  it('answers 500, not 503 "数据库暂时无法连接", when a statement has more parameters than the database takes', async () => {
    const { db } = current();
    const failure = await sql`select 1 as one where 1 in (${sql.join(ids)})`.execute(db).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    const { status, body } = toErrorResponse(failure, 20);
    expect(status).toBe(500);
    expect(body.error.code).toBe('INTERNAL');
    // The connection is still good: the database was never down.
    expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toHaveLength(1);
  });

  it('runs the same list in chunks within the limit and finds every id', async () => {
    const { db } = current();
    const found = await inChunks(ids, async (part) => {
      expect(part.length).toBeLessThanOrEqual(MAX_PARAMETERS);
      const rows = await sql<{
        n: number;
      }>`select count(*) as n from (select 1 as x) t where 1 in (${sql.join(part)})`.execute(db);
      return rows.rows.map((r) => Number(r.n));
    });
    expect(found).toHaveLength(Math.ceil(ids.length / (MAX_PARAMETERS - 99)));
    expect(found.filter((n) => n === 1)).toHaveLength(1);
    const rows = ids.map((id) => ({
      a: id,
      b: id,
      c: id,
      d: id,
      e: id,
      f: id,
      g: id,
      h: id,
      i: id,
      j: id,
      k: id,
      l: id,
    }));
    const chunks = insertChunks(rows);
    expect(chunks.flat()).toEqual(rows);
    for (const part of chunks) expect(part.length * 12).toBeLessThanOrEqual(MAX_PARAMETERS);
  });
});
