import { createHash, randomBytes } from 'node:crypto';

/** A new random secret, URL-safe, with 256 bits of entropy. */
export function randomSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** The SHA-256 of a secret in hex: what is stored instead of the secret itself. */
export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
