import type { Kysely } from 'kysely';
import {
  findApiToken,
  findLiveApiToken,
  insertApiToken,
  listApiTokens as listTokenRows,
  revokeApiToken as revokeTokenRow,
  touchApiToken,
} from '../../db/queries/api-tokens.ts';
import { findUserById } from '../../db/queries/users.ts';
import type { DB } from '../../db/schema.ts';
import { mayManageUsers } from '../../policies/users.ts';
import type { Context, Tx } from '../context.ts';
import { AppError } from '../errors.ts';
import { write } from '../write.ts';
import { accountMessages as m } from './messages.ts';
import { randomSecret, sha256Hex } from './tokens.ts';

/** A token as listed: never the secret, which is shown once at creation. */
export interface ApiTokenSummary {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Tokens are recognisable in logs and secret scanners by their prefix. */
const TOKEN_PREFIX = 'dbn_';

/** Creates a token for a user (oneself, or any user of the organization for an administrator); returns the secret once. */
export async function createApiToken(
  ctx: Context,
  userId: number,
  name: string,
): Promise<{ id: number; token: string }> {
  const token = randomSecret(TOKEN_PREFIX);
  return write(ctx, async (trx, at) => {
    await assertMayManageTokensOf(ctx, trx, userId);
    const id = await insertApiToken(trx, { userId, name, tokenHash: sha256Hex(token), createdAt: at });
    return {
      result: { id, token },
      audit: [{ action: 'token.create', entityType: 'api_token', entityId: id, after: { userId, name } }],
    };
  });
}

/** The tokens of a user the actor may manage. */
export async function listApiTokens(ctx: Context, userId: number): Promise<ApiTokenSummary[]> {
  await assertMayManageTokensOf(ctx, ctx.db, userId);
  const rows = await listTokenRows(ctx.db, userId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}

/** Revokes a token of oneself (or, for an administrator, of their organization). */
export async function revokeApiToken(ctx: Context, tokenId: number): Promise<void> {
  await write(ctx, async (trx, at) => {
    const row = await findApiToken(trx, tokenId);
    if (!row) throw new AppError('NOT_FOUND', m.tokenNotFound);
    await assertMayManageTokensOf(ctx, trx, row.user_id, m.tokenNotFound);
    const changed = await revokeTokenRow(trx, tokenId, at);
    return {
      result: undefined,
      audit: changed
        ? [
            {
              action: 'token.revoke',
              entityType: 'api_token',
              entityId: tokenId,
              after: { userId: row.user_id },
            },
          ]
        : [],
    };
  });
}

/** The user a bearer token belongs to, if the token is live and its user enabled. */
export async function findApiTokenUser(
  deps: { db: Kysely<DB>; now: () => Date },
  token: string,
): Promise<number | undefined> {
  const row = await findLiveApiToken(deps.db, sha256Hex(token));
  if (!row) return undefined;
  const now = deps.now();
  // Recording every use would turn each read into a write; a minute's precision is enough.
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
    await touchApiToken(deps.db, row.id, now.toISOString());
  }
  return row.user_id;
}

async function assertMayManageTokensOf(
  ctx: Context,
  db: Kysely<DB> | Tx,
  userId: number,
  notFound: string = m.userNotFound,
) {
  if (userId === ctx.actor.userId) return;
  const user = await findUserById(db, userId);
  const sameOrg = user !== undefined && user.organization_id === ctx.actor.organizationId;
  // Someone else's tokens: administrators only, and only in their organization; to anyone else they do not exist.
  if (!sameOrg || !mayManageUsers(ctx.actor, user.organization_id)) throw new AppError('NOT_FOUND', notFound);
}
