import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A reader that runs programs (tesseract, LibreOffice) works in a private temporary folder and
// removes it when done; a reader killed at the sandbox's limits cannot, so each new folder first
// sweeps away its kind's folders older than an hour (no read lasts that long).
const STALE_MS = 60 * 60_000;

/** A fresh private folder `duban-<kind>-…` in the system's temporary folder, after removing stale ones of the kind. */
export async function readerTempDir(kind: 'ocr' | 'ole'): Promise<string> {
  const prefix = `duban-${kind}-`;
  const base = tmpdir();
  try {
    const now = Date.now();
    for (const name of await readdir(base)) {
      if (!name.startsWith(prefix)) continue;
      const path = join(base, name);
      const info = await stat(path).catch(() => undefined);
      if (info?.isDirectory() && now - info.mtimeMs > STALE_MS)
        await rm(path, { recursive: true, force: true });
    }
  } catch {
    // Sweeping is a courtesy: a folder another user owns, or one just removed, is no reason to fail a read.
  }
  return mkdtemp(join(base, prefix));
}
