import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/** Keeps a TOTP secret being enrolled (replacing an earlier unfinished one). */
export async function setPendingTotpSecret(
  db: Kysely<DB>,
  userId: number,
  secret: string | null,
): Promise<void> {
  await db.updateTable('users').set({ totp_pending_secret: secret }).where('id', '=', userId).execute();
}

/** Turns the pending secret into the enrolled one, with the step of the code that confirmed it. */
export async function enableTotp(
  db: Kysely<DB>,
  userId: number,
  values: { secret: string; at: string; step: number },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      totp_secret: values.secret,
      totp_pending_secret: null,
      totp_enabled_at: values.at,
      totp_last_step: values.step,
    })
    .where('id', '=', userId)
    .execute();
}

/** Records the step of an accepted code unless a later or equal one was already used (two requests racing). */
export async function consumeTotpStep(db: Kysely<DB>, userId: number, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Removes a user's second factor and recovery codes. */
export async function clearTotp(db: Kysely<DB>, userId: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', userId)
    .execute();
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

/** Replaces a user's recovery codes (hashed). */
export async function replaceRecoveryCodes(
  db: Kysely<DB>,
  userId: number,
  hashes: readonly string[],
): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (hashes.length === 0) return;
  await db
    .insertInto('recovery_codes')
    .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null })))
    .execute();
}

/** Marks an unused recovery code used; false when there is no such unused code. */
export async function consumeRecoveryCode(
  db: Kysely<DB>,
  userId: number,
  hash: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** How many recovery codes a user has left. */
export async function countUnusedRecoveryCodes(db: Kysely<DB>, userId: number): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
