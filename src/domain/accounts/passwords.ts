import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors.ts';
import { accountMessages } from './messages.ts';

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 200;

/** Throws INVALID_INPUT unless a password has at least 10 characters with both letters and digits. */
export function checkPasswordPolicy(password: string): void {
  const fail = (message: string) => {
    throw new AppError('INVALID_INPUT', message, { field: 'password' });
  };
  if ([...password].length < MIN_PASSWORD_LENGTH) fail(accountMessages.passwordTooShort(MIN_PASSWORD_LENGTH));
  if (password.length > MAX_PASSWORD_LENGTH) fail(accountMessages.passwordTooLong);
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password))
    fail(accountMessages.passwordNeedsLettersAndDigits);
}

/** Hashes a password with argon2id (the library's default algorithm) and its default costs. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password against a stored hash; with no hash (unknown user, no password set) it
 * still verifies against a dummy so the response time does not reveal which usernames exist.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hash('duban-dummy-password-0');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
