import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { BackupError } from './backup-error.ts';
import { BACKUP_FORMAT_VERSION, type BackupHeader, backupHeaderSchema, tableLineSchema } from './format.ts';
import { backupMessages as m } from './messages.ts';

/** What a pass over a backup's body sees: a table opening, then its rows (raw JSON arrays). */
export interface BackupVisitor {
  table?(name: string, columns: string[]): Promise<void> | void;
  row?(values: unknown[]): Promise<void> | void;
}

/**
 * Reads a backup file line by line, checking as it goes; resolves with the header once the body's
 * SHA-256, length and row counts all match it. Any mismatch, truncation or garbage is a
 * BackupError in Chinese. Call it once with no visitor to verify before writing anything.
 */
export async function readBackup(file: string, visitor: BackupVisitor = {}): Promise<BackupHeader> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  let streamError: Error | undefined;
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY });
  const fail = (error: Error) => {
    streamError ??= error;
    lines.close();
  };
  input.on('error', fail);
  gunzip.on('error', fail);
  let header: BackupHeader | undefined;
  const hash = createHash('sha256');
  let bytes = 0;
  const counts: Record<string, number> = {};
  let current: { name: string; width: number } | undefined;
  try {
    for await (const line of lines) {
      if (!header) {
        header = parseHeader(file, line);
        continue;
      }
      const buffer = Buffer.from(`${line}\n`, 'utf8');
      hash.update(buffer);
      bytes += buffer.length;
      if (bytes > header.bodyBytes) throw new BackupError(m.damaged(file));
      const value = parseJson(file, line);
      if (Array.isArray(value)) {
        if (!current || value.length !== current.width) throw new BackupError(m.damaged(file));
        counts[current.name] = (counts[current.name] ?? 0) + 1;
        await visitor.row?.(value);
        continue;
      }
      const opening = tableLineSchema.safeParse(value);
      if (!opening.success || opening.data.table in counts) throw new BackupError(m.damaged(file));
      current = { name: opening.data.table, width: opening.data.columns.length };
      counts[current.name] = 0;
      await visitor.table?.(opening.data.table, opening.data.columns);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    // The stream's own failure (not gzip, cut short, unreadable) reaches here or through `fail`.
    streamError ??= error instanceof Error ? error : new Error(String(error));
  } finally {
    lines.close();
    input.destroy();
  }
  if (streamError) {
    const code = (streamError as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR')
      throw new BackupError(m.unreadable(file, streamError.message));
    throw new BackupError(header ? m.damaged(file) : m.notBackup(file));
  }
  if (!header) throw new BackupError(m.notBackup(file));
  const expected = Object.entries(header.tables).every(([name, n]) => counts[name] === n);
  if (
    bytes !== header.bodyBytes ||
    hash.digest('hex') !== header.bodySha256 ||
    !expected ||
    Object.keys(counts).length !== Object.keys(header.tables).length
  )
    throw new BackupError(m.damaged(file));
  return header;
}

function parseHeader(file: string, line: string): BackupHeader {
  const value = (() => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new BackupError(m.notBackup(file));
    }
  })();
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if ((value as { format?: unknown } | null)?.format === 'duban-backup' && typeof version === 'number') {
    if (version > BACKUP_FORMAT_VERSION) throw new BackupError(m.formatTooNew(version));
  }
  const parsed = backupHeaderSchema.safeParse(value);
  if (!parsed.success) throw new BackupError(m.notBackup(file));
  return parsed.data;
}

function parseJson(file: string, line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    throw new BackupError(m.damaged(file));
  }
}
