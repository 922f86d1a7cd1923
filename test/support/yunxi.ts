import { readFileSync } from 'node:fs';
import type { Database } from '../../src/db/connect.ts';
import type { Context } from '../../src/domain/context.ts';
import { cliContext } from '../../src/domain/ensure-organization.ts';

/** Path of the Yunxi 2024 notice, the first real input and the reference for tests. */
export const yunxiPath = new URL(
  '../fixtures/notices/yunxi-2024-jiaoti-gongzuo-yaodian.txt',
  import.meta.url,
);

/** The Yunxi 2024 notice text. */
export const yunxiText = readFileSync(yunxiPath, 'utf8');

/** A context acting as the first organization's system actor, with the clock fixed at `at`. */
export async function fixedContext(database: Database, at = '2024-02-23T02:00:00Z'): Promise<Context> {
  return cliContext(database, () => new Date(at));
}
