import { revokeUserApiTokens } from '../../db/queries/api-tokens.ts';
import { deleteUserSessions } from '../../db/queries/sessions.ts';
import type { Tx } from '../context.ts';

/**
 * After a password change, a reset, disabling or a change of roles, whoever held the account's
 * old sessions or tokens must not keep its access: its other sessions end and its API tokens are
 * revoked for good (re-enabling the account never revives them). Returns how many tokens.
 */
export async function endUserAccess(
  trx: Tx,
  userId: number,
  at: string,
  keepSessionId?: string,
): Promise<number> {
  await deleteUserSessions(trx, userId, keepSessionId);
  return revokeUserApiTokens(trx, userId, at);
}
