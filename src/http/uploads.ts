import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.ts';
import { httpMessages as m } from './messages.ts';
import { type AcceptedMediaType, sniffMediaType } from './sniff-media-type.ts';

/** One uploaded file, read into memory, with a safe name and a type sniffed from its bytes. */
export interface UploadedFile {
  field: string;
  fileName: string;
  mediaType: AcceptedMediaType;
  bytes: Uint8Array;
}

/** A multipart request's text fields and files. */
export interface MultipartInput {
  fields: Record<string, string>;
  files: UploadedFile[];
}

/**
 * Reads a multipart request; a file over the limit ends it with 413 (the plugin's limit, set in
 * app.ts), an empty or unrecognised file with 400/415. Repeated text fields keep the last value.
 */
export async function readMultipart(request: FastifyRequest): Promise<MultipartInput> {
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        const value = String(part.value);
        // PostgreSQL cannot store NUL in text; refuse it here as input-guards.ts does for JSON.
        if (value.includes('\u0000') || part.fieldname.includes('\u0000'))
          throw new AppError('INVALID_INPUT', m.nulCharacter, { field: part.fieldname });
        fields[part.fieldname] = value;
        continue;
      }
      files.push(await readFile(part));
    }
  } catch (error) {
    // The multipart parser (busboy) throws a plain Error on a truncated or malformed body: that is
    // the sender's fault (400), not ours. Our own refusals and the plugin's limits (413) pass through.
    if (error instanceof AppError || (error instanceof Error && 'code' in error)) throw error;
    throw new AppError('INVALID_INPUT', m.invalidBody);
  }
  return { fields, files };
}

async function readFile(part: MultipartFile): Promise<UploadedFile> {
  const bytes = new Uint8Array(await part.toBuffer());
  const fileName = sanitizeFileName(part.filename);
  if (bytes.length === 0)
    throw new AppError('INVALID_INPUT', m.emptyFile(fileName), { field: part.fieldname });
  const mediaType = sniffMediaType(bytes);
  if (!mediaType)
    throw new AppError('UNSUPPORTED_TYPE', m.unsupportedFile(fileName), { field: part.fieldname, fileName });
  return { field: part.fieldname, fileName, mediaType, bytes };
}

/**
 * A file name safe to store and show: no directories, no control or reserved characters, no
 * leading dots, at most 120 characters with the extension kept; Chinese is kept as is.
 */
export function sanitizeFileName(name: string | undefined): string {
  const base = (name ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (cleaned === '') return m.untitledFile;
  const chars = [...cleaned];
  if (chars.length <= 120) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return chars.slice(0, 120 - [...ext].length).join('') + ext;
}

/** A Content-Disposition header that keeps a Chinese file name (RFC 5987 filename*) with an ASCII fallback. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
