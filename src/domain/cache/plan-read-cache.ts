import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import { readPlanVersions } from '../../db/queries/data-versions.ts';
import { readsWholeOrganization } from '../../db/queries/visibility.ts';
import type { DB } from '../../db/schema.ts';
import { type Actor, type Context, shanghaiToday } from '../context.ts';

/** A read of a plan ready to send: its JSON as UTF-8 bytes (encoded once), gzipped once, and an ETag. */
export interface CachedRead {
  body: Buffer;
  /** The same bytes gzipped, for clients that accept it (every browser): a big plan is ~10x smaller. */
  gzip: Buffer;
  etag: string;
}

/** Which read of a plan: its tree (GET /api/plans/:id) or its dashboard. */
export type PlanReadKind = 'tree' | 'dashboard';

// Answers kept per database handle (one server process, one database); 48 MB holds some 600
// Yunxi-sized trees, well under the memory goal.
const MAX_BYTES = Number(process.env.DUBAN_READ_CACHE_MB ?? 48) * 1024 * 1024;

interface Entry extends CachedRead {
  bytes: number;
}

class ReadCache {
  private readonly entries = new Map<string, Entry>();
  /** Computations under way, so fifty requests after a write compute the answer once. */
  readonly pending = new Map<string, Promise<Entry>>();
  private bytes = 0;

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Least recently used first: re-inserting moves the key to the end.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: Entry): void {
    if (entry.bytes > MAX_BYTES) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.bytes;
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= MAX_BYTES) break;
      this.entries.delete(oldest);
      this.bytes -= value.bytes;
    }
  }
}

const caches = new WeakMap<Kysely<DB>, ReadCache>();

function cacheOf(db: Kysely<DB>): ReadCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new ReadCache();
    caches.set(db, cache);
  }
  return cache;
}

/**
 * Who sees the same answer: whole-organization readers of one organization see the same plan;
 * department, school and leader users see what their unit or leader row may see.
 */
function visibilityClass(actor: Actor): string {
  if (readsWholeOrganization(actor)) return `${actor.organizationId}:all`;
  return `${actor.organizationId}:u${actor.unitId ?? '-'}:l${actor.leaderId ?? '-'}:${[...actor.roles].sort().join(',')}`;
}

function entryOf(value: unknown): Entry {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  const gzip = gzipSync(body, { level: 6 });
  return { body, gzip, etag, bytes: body.length + gzip.length };
}

/**
 * A plan read served from the cache when nothing it depends on has changed: the key is the plan,
 * the day (asOf, default today in Asia/Shanghai), the reader's visibility class and the data
 * versions of the plan's organization, its parent and the shared calendar, read in one query
 * before the data (so a write that lands in between makes the entry newer, never older than its
 * key). Versions live in the database, so several servers on one database stay correct. Inside a
 * transaction (which may still roll back) the read is computed and not kept.
 */
export async function cachedPlanRead(
  ctx: Context,
  kind: PlanReadKind,
  input: { planId: number; asOf?: string },
  compute: () => Promise<unknown>,
): Promise<CachedRead> {
  if (ctx.db.isTransaction) return entryOf(await compute());
  const versions = await readPlanVersions(ctx.db, input.planId);
  // An unknown plan: let the read raise its own NOT_FOUND.
  if (!versions) return entryOf(await compute());
  const day = input.asOf ?? shanghaiToday(ctx);
  const key = [
    kind,
    input.planId,
    day,
    visibilityClass(ctx.actor),
    versions.organizationId,
    versions.parentId ?? '-',
    versions.versions,
  ].join('|');
  const cache = cacheOf(ctx.db);
  const hit = cache.get(key);
  if (hit) return hit;
  let pending = cache.pending.get(key);
  if (!pending) {
    pending = compute().then(entryOf);
    cache.pending.set(key, pending);
    pending.then(
      (entry) => {
        cache.pending.delete(key);
        cache.set(key, entry);
      },
      () => cache.pending.delete(key),
    );
  }
  return pending;
}
