import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { invalidInputFrom } from './errors.ts';
import { readMultipart, type UploadedFile } from './uploads.ts';

/**
 * Reads a write that may come as multipart (fields and files) or as JSON (fields only), and
 * validates its fields with a zod schema, so both forms obey one contract.
 */
export async function readForm<S extends z.ZodType>(
  request: FastifyRequest,
  schema: S,
): Promise<{ fields: z.output<S>; files: UploadedFile[] }> {
  const { fields, files } = request.isMultipart()
    ? await readMultipart(request)
    : { fields: (request.body ?? {}) as Record<string, unknown>, files: [] };
  const parsed = schema.safeParse(fields);
  if (!parsed.success) throw invalidInputFrom(parsed.error, 'body');
  return { fields: parsed.data, files };
}
