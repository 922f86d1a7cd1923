import { type UnzipFileInfo, unzipSync } from 'fflate';
import { MAX_OFD_ENTRIES, MAX_OFD_UNPACKED_BYTES } from './read-limits.ts';
import { NoticeReadError } from './read-messages.ts';

/**
 * The parts of an OFD's zip, inflated on request. Every request walks the zip's directory and
 * inflates only the names asked for; the declared sizes of everything inflated, over all requests,
 * are checked against the limit before inflating (fflate inflates into a buffer of exactly the
 * declared size, never growing it), which is what stops a zip bomb.
 */
export class OfdPackage {
  private unpacked = 0;

  constructor(private readonly bytes: Uint8Array) {}

  /** The parts at these package paths (see packagePath), by path; a path the zip lacks is simply absent. */
  read(paths: Iterable<string>): Map<string, Uint8Array> {
    const wanted = new Set(paths);
    const found = new Map<string, string>();
    let entries = 0;
    let tooLarge = false;
    const accept = (file: UnzipFileInfo): boolean => {
      entries++;
      if (entries > MAX_OFD_ENTRIES) tooLarge = true;
      const path = packagePath(file.name);
      if (tooLarge || !wanted.has(path) || found.has(path)) return false;
      found.set(path, file.name);
      this.unpacked += file.originalSize;
      if (this.unpacked > MAX_OFD_UNPACKED_BYTES) tooLarge = true;
      return !tooLarge;
    };
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(this.bytes, { filter: accept });
    } catch (cause) {
      throw new NoticeReadError('OFD_BROKEN', { cause });
    }
    if (tooLarge) throw new NoticeReadError('OFD_TOO_LARGE');
    const parts = new Map<string, Uint8Array>();
    for (const [path, name] of found) {
      const part = files[name];
      if (part) parts.set(path, part);
    }
    return parts;
  }
}

/** Whether a zip's directory names OFD.xml at its root; reads the directory only, inflates nothing. */
export function hasOfdRoot(bytes: Uint8Array): boolean {
  let found = false;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (packagePath(file.name) === 'ofd.xml') found = true;
        return false;
      },
    });
  } catch {
    return false;
  }
  return found;
}

/**
 * A zip entry's name as a key: without a leading slash or ./, with / for \ (some Windows
 * producers), lower-cased (the standard makes locations case-sensitive, but producers that name
 * Content.xml "content.xml" in one place and not the other exist, and no OFD holds two parts
 * differing only in case).
 */
export function packagePath(name: string): string {
  return name
    .replace(/\\/g, '/')
    .replace(/^(\.?\/)+/, '')
    .toLowerCase();
}

/**
 * Resolves an ST_Loc as the standard defines it: "/…" from the package root, anything else from
 * `base` (the folder of the part naming it); "." and ".." as in a file system. Returns a package path.
 */
export function resolveLoc(base: string, loc: string): string {
  const trimmed = loc.trim().replace(/\\/g, '/');
  const segments = trimmed.startsWith('/') ? [] : base.split('/').filter((s) => s !== '');
  for (const segment of trimmed.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return packagePath(segments.join('/'));
}

/** The folder of a package path ('doc_0/document.xml' → 'doc_0'). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
