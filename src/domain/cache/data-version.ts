import { bumpDataVersion, SHARED_SCOPE } from '../../db/queries/data-versions.ts';
import type { Actor, Tx } from '../context.ts';

// Every write (domain/write.ts) bumps its organization's data version in its own transaction, so
// a server that cached something computed from that organization's data sees, with one query,
// that it is out of date — also when the write happened on another server of the same database.
// The holiday calendar is shared by every organization: its edits bump the shared scope too.
const SHARED_ENTITIES = new Set(['calendar_day']);

/** Bumps the data versions a write touches; called by `write` inside the write's transaction. */
export async function bumpVersionsAfterWrite(
  trx: Tx,
  actor: Actor,
  audit: ReadonlyArray<{ entityType: string }>,
): Promise<void> {
  await bumpDataVersion(trx, actor.organizationId);
  if (audit.some((entry) => SHARED_ENTITIES.has(entry.entityType))) await bumpDataVersion(trx, SHARED_SCOPE);
}
