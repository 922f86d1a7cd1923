import { readFileSync } from 'node:fs';
import { AppError } from '../errors.ts';
import { accountMessages as m } from './messages.ts';

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 200;
/** How many of the four character classes a password needs (等保 2.0: complexity). */
export const REQUIRED_CLASSES = 3;

const CLASSES = [
  { name: m.classUpper, test: (c: string) => /\p{Lu}/u.test(c) },
  { name: m.classLower, test: (c: string) => /\p{Ll}/u.test(c) },
  { name: m.classDigit, test: (c: string) => /\p{Nd}/u.test(c) },
  // Anything else counts as a symbol, Chinese characters included: they are as hard to guess.
  { name: m.classSymbol, test: (c: string) => !/[\p{Lu}\p{Ll}\p{Nd}]/u.test(c) },
] as const;

let common: Set<string> | undefined;

/** The bundled list of common passwords (lower case), read once. */
function commonPasswords(): Set<string> {
  if (!common) {
    const text = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8');
    common = new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#')),
    );
  }
  return common;
}

/** Whether a password is on the common list, ignoring case and leading or trailing symbols. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const list = commonPasswords();
  return list.has(lower) || list.has(core) || isRepetition(core);
}

// One short unit repeated (a1a1a1a1a1, abcabcabcabc) is as weak as any listed word.
function isRepetition(text: string): boolean {
  for (let unit = 1; unit <= 4 && unit * 2 <= text.length; unit++) {
    if (text.length % unit === 0 && text.slice(0, unit).repeat(text.length / unit) === text) return true;
  }
  return false;
}

/** What the policy asks of a new password. */
export interface PasswordRules {
  username: string;
  /** Classes, the common list and the username (the security administrator may turn these off). */
  complexity: boolean;
}

/**
 * Throws INVALID_INPUT (on `field`) unless a password has at least 10 characters and, with
 * complexity on, 3 of the 4 character classes, is not a common password and does not contain the
 * username; the message names exactly what is missing.
 */
export function checkPasswordPolicy(password: string, rules: PasswordRules, field = 'password'): void {
  const fail = (message: string) => {
    throw new AppError('INVALID_INPUT', message, { field });
  };
  if ([...password].length < MIN_PASSWORD_LENGTH) fail(m.passwordTooShort(MIN_PASSWORD_LENGTH));
  if (password.length > MAX_PASSWORD_LENGTH) fail(m.passwordTooLong);
  if (!rules.complexity) return;
  const chars = [...password];
  const missing = CLASSES.filter((c) => !chars.some((ch) => c.test(ch))).map((c) => c.name);
  if (CLASSES.length - missing.length < REQUIRED_CLASSES) fail(m.passwordNeedsClasses(missing));
  const name = rules.username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) fail(m.passwordContainsUsername);
  if (isCommonPassword(password)) fail(m.passwordCommon);
}
