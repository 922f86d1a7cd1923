import type { Kysely } from 'kysely';
import { listLeaders } from '../../db/queries/leaders.ts';
import type { DB } from '../../db/schema.ts';
import { NAME_UNSURE, settleUnsureNames } from '../../notice/names-settle.ts';
import type { ParsedNotice } from '../../notice/types.ts';

/**
 * Settles the leader names the parser could only guess (a run such as 周 岚许 诺, flagged
 * `name-unsure`) by the bureau's leaders: where exactly one way to cut the run gives names all in
 * `directory`, the items take it and the warning goes; otherwise the parser's reading and its
 * warning stay for the supervisor to check. `text` is the text `parsed` was read from.
 */
export function rejoinNames(text: string, parsed: ParsedNotice, directory: Iterable<string>): ParsedNotice {
  return settleUnsureNames(text, parsed, directory);
}

/** rejoinNames with the organization's leaders read from the database (only when a name is unsure). */
export async function rejoinLeaderNames(
  db: Kysely<DB>,
  organizationId: number,
  text: string,
  parsed: ParsedNotice,
): Promise<ParsedNotice> {
  if (!parsed.warnings.some((w) => w.code === NAME_UNSURE)) return parsed;
  const leaders = await listLeaders(db, organizationId);
  return rejoinNames(
    text,
    parsed,
    leaders.map((l) => l.name),
  );
}
