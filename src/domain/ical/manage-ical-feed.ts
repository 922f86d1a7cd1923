import { findLiveIcalToken, insertIcalToken, revokeIcalTokens } from '../../db/queries/ical-tokens.ts';
import type { IcalCreated, IcalStatus } from '../../shared/supervision.ts';
import { randomSecret, sha256Hex } from '../accounts/tokens.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { write } from '../write.ts';
import { icalMessages as M } from './messages.ts';

/** Feed tokens are recognisable in logs and secret scanners by their prefix. */
const PREFIX = 'ical_';

function userOf(ctx: Context): number {
  if (ctx.actor.userId === null) throw new AppError('FORBIDDEN', M.userOnly);
  return ctx.actor.userId;
}

/** Whether the signed-in user has a live iCal feed. */
export async function getIcalStatus(ctx: Context): Promise<IcalStatus> {
  const live = await findLiveIcalToken(ctx.db, userOf(ctx));
  return { active: live !== undefined, createdAt: live?.created_at ?? null };
}

/** Creates the user's private feed address, revoking any earlier one; the address is answered only now. */
export async function createIcalFeed(ctx: Context): Promise<IcalCreated> {
  const userId = userOf(ctx);
  const token = randomSecret(PREFIX);
  return write(ctx, async (trx, at) => {
    const replaced = await revokeIcalTokens(trx, userId, at);
    const id = await insertIcalToken(trx, { userId, tokenHash: sha256Hex(token), createdAt: at });
    return {
      result: { path: `/ical/${token}.ics`, createdAt: at },
      audit: [{ action: 'ical.create', entityType: 'ical_token', entityId: id, after: { userId, replaced } }],
    };
  });
}

/** Revokes the user's feed: the address answers 404 from now on. */
export async function revokeIcalFeed(ctx: Context): Promise<void> {
  const userId = userOf(ctx);
  await write(ctx, async (trx, at) => {
    const revoked = await revokeIcalTokens(trx, userId, at);
    return {
      result: undefined,
      audit:
        revoked > 0
          ? [{ action: 'ical.revoke', entityType: 'ical_token', entityId: null, after: { userId } }]
          : [],
    };
  });
}
