import type { FastifyInstance } from 'fastify';
import { AppError } from '../domain/errors.ts';
import { httpMessages as m } from './messages.ts';

/**
 * Refuses a request whose path, query or JSON body holds a NUL character, before any route reads
 * it: PostgreSQL cannot store NUL in text (it fails the whole statement), and no form needs one.
 * Multipart fields are checked where they are read (uploads.ts).
 */
export function addInputGuards(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    if (holdsNul(request.params) || holdsNul(request.query) || holdsNul(request.body)) {
      throw new AppError('INVALID_INPUT', m.nulCharacter);
    }
  });
}

/** Whether a parsed value (string, array or object, at any depth) contains a NUL character. */
export function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Buffer.isBuffer(value)) return false;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000') || holdsNul(inner, depth + 1)) return true;
  }
  return false;
}
