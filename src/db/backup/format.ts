import { z } from 'zod';

// A Duban backup is one gzip file of JSON lines, the same on both databases so a backup of SQLite
// restores into PostgreSQL and back, and into any later Duban version:
//   line 1   the header below (what, from where, when, how many rows, and the body's SHA-256);
//   then     for each table: {"table":"name","columns":[…]} followed by one JSON array per row,
//            in primary-key order. Bytes (stored files in `blobs`) are {"b64":"…"}.
// The header is its own gzip member and the body another; gunzip reads them as one stream.

/** The format name in every header. */
export const BACKUP_FORMAT = 'duban-backup';
/** The version of the layout above; restore refuses a newer one. */
export const BACKUP_FORMAT_VERSION = 1;

/** The first line of a backup file. */
export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  dubanVersion: z.string(),
  dialect: z.enum(['sqlite', 'postgres']),
  createdAt: z.string(),
  /** Migrations applied to the database backed up, oldest first. */
  migrations: z.array(z.string()),
  /** Rows per table. */
  tables: z.record(z.string(), z.number().int().nonnegative()),
  /** SHA-256 (hex) and length of the uncompressed body: every line after the header. */
  bodySha256: z.string().regex(/^[0-9a-f]{64}$/),
  bodyBytes: z.number().int().nonnegative(),
});

/** The first line of a backup file, parsed. */
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

/** The line that opens a table's rows. */
export const tableLineSchema = z.object({ table: z.string(), columns: z.array(z.string()) });

/** A stored value as written to a backup line. */
export type EncodedValue = string | number | null | { b64: string };

/** Encodes one column value; bytes become base64, bigint a decimal string. */
export function encodeValue(value: unknown): EncodedValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return { b64: Buffer.from(value).toString('base64') };
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/** Decodes one value of a backup line for inserting. */
export function decodeValue(value: unknown): string | number | null | Buffer {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'object' && typeof (value as { b64?: unknown }).b64 === 'string')
    return Buffer.from((value as { b64: string }).b64, 'base64');
  throw new Error(`unexpected value in backup: ${JSON.stringify(value).slice(0, 80)}`);
}
