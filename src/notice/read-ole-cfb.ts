import { NoticeReadError } from './read-messages.ts';

/** The streams at the root of an OLE compound file (.doc, .wps, .xls, .ppt), each read on request. */
export interface CompoundFile {
  /** Names of the streams directly under the root storage. */
  names: string[];
  /** A root stream's bytes, or undefined when the file has no stream of that name. */
  stream(name: string): Uint8Array | undefined;
}

interface Entry {
  name: string;
  type: number;
  start: number;
  size: number;
}

const END_OF_CHAIN = -2;
const STREAM = 2;
const ROOT = 5;
const NO_ENTRY = -1;
const MINI_SECTOR = 64;
const HEADER_DIFAT = 109;

/**
 * Opens an OLE compound file (MS-CFB) from its bytes. Every sector chain is followed with a
 * visited mark and every offset checked against the file's length, so a cut-off upload or a
 * hostile file ends in OLE_UNREADABLE at once instead of a loop (the readers downstream trust it).
 */
export function openCompoundFile(bytes: Uint8Array): CompoundFile {
  if (bytes.length < 512) throw broken();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = view.getUint16(30, true);
  if ((sectorShift !== 9 && sectorShift !== 12) || view.getUint16(32, true) !== 6) throw broken();
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.ceil((bytes.length - sectorSize) / sectorSize);
  const sector = (id: number): Uint8Array => {
    if (id < 0 || id >= sectorCount) throw broken();
    const start = (id + 1) * sectorSize;
    return bytes.subarray(start, Math.min(start + sectorSize, bytes.length));
  };

  const fat = readFat(view, sectorSize, sectorCount, sector);
  const chain = (start: number, table: Int32Array): number[] => {
    const seen = new Uint8Array(table.length);
    const ids: number[] = [];
    for (let id = start; id !== END_OF_CHAIN; id = table[id]!) {
      if (id < 0 || id >= table.length || seen[id]) throw broken();
      seen[id] = 1;
      ids.push(id);
    }
    return ids;
  };
  const readChain = (ids: number[], size: number, read: (id: number) => Uint8Array, unit: number) => {
    if (ids.length * unit < size) throw broken();
    const out = new Uint8Array(size);
    for (let i = 0; i * unit < size; i++) {
      const wanted = Math.min(unit, size - i * unit);
      const part = read(ids[i]!);
      // A sector cut short by the end of the file is a truncated upload.
      if (part.length < wanted) throw broken();
      out.set(part.subarray(0, wanted), i * unit);
    }
    return out;
  };

  const directoryIds = chain(view.getInt32(48, true), fat);
  const directory = readChain(directoryIds, directoryIds.length * sectorSize, sector, sectorSize);
  const entries = readEntries(directory);
  const root = entries[0];
  if (root?.type !== ROOT) throw broken();
  const streams = rootStreams(directory, entries);
  const cutoff = view.getUint32(56, true);

  let mini: { fat: Int32Array; data: Uint8Array } | undefined;
  const miniParts = () => {
    if (mini) return mini;
    const miniFatIds = chain(view.getInt32(60, true), fat);
    const miniFatBytes = readChain(miniFatIds, miniFatIds.length * sectorSize, sector, sectorSize);
    const data = readChain(chain(root.start, fat), root.size, sector, sectorSize);
    mini = { fat: int32s(miniFatBytes), data };
    return mini;
  };

  return {
    names: [...streams.keys()],
    stream(name) {
      const entry = streams.get(name);
      if (!entry) return undefined;
      if (entry.size > bytes.length) throw broken();
      if (entry.size < cutoff) {
        const { fat: miniFat, data } = miniParts();
        const read = (id: number) => {
          if ((id + 1) * MINI_SECTOR > data.length) throw broken();
          return data.subarray(id * MINI_SECTOR, (id + 1) * MINI_SECTOR);
        };
        return readChain(chain(entry.start, miniFat), entry.size, read, MINI_SECTOR);
      }
      return readChain(chain(entry.start, fat), entry.size, sector, sectorSize);
    },
  };
}

function broken(): NoticeReadError {
  return new NoticeReadError('OLE_UNREADABLE');
}

// The FAT's own sectors are listed in the header (the first 109) and then in a chain of DIFAT sectors.
function readFat(
  view: DataView,
  sectorSize: number,
  sectorCount: number,
  sector: (id: number) => Uint8Array,
): Int32Array {
  const fatSectors = view.getUint32(44, true);
  if (fatSectors === 0 || fatSectors > sectorCount) throw broken();
  const ids: number[] = [];
  for (let i = 0; i < Math.min(HEADER_DIFAT, fatSectors); i++) ids.push(view.getInt32(76 + i * 4, true));
  const perSector = sectorSize / 4 - 1;
  const seen = new Set<number>();
  for (let next = view.getInt32(68, true); ids.length < fatSectors; ) {
    if (seen.has(next)) throw broken();
    seen.add(next);
    const difat = int32s(sector(next));
    if (difat.length < perSector + 1) throw broken();
    for (let i = 0; i < perSector && ids.length < fatSectors; i++) ids.push(difat[i]!);
    next = difat[perSector]!;
  }
  const fat = new Int32Array((fatSectors * sectorSize) / 4);
  ids.forEach((id, i) => {
    const part = sector(id);
    if (part.length < sectorSize) throw broken();
    fat.set(int32s(part), (i * sectorSize) / 4);
  });
  return fat;
}

function readEntries(directory: Uint8Array): Entry[] {
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const entries: Entry[] = [];
  for (let at = 0; at + 128 <= directory.length; at += 128) {
    const nameBytes = Math.min(64, Math.max(0, view.getUint16(at + 64, true) - 2));
    entries.push({
      name: new TextDecoder('utf-16le').decode(directory.subarray(at, at + nameBytes)),
      type: view.getUint8(at + 66),
      start: view.getInt32(at + 116, true),
      size: view.getUint32(at + 120, true),
    });
  }
  return entries;
}

// The root's children form a tree by left/right sibling links; a link seen twice is a cycle.
function rootStreams(directory: Uint8Array, entries: Entry[]): Map<string, Entry> {
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const link = (index: number, field: number) => view.getInt32(index * 128 + field, true);
  const streams = new Map<string, Entry>();
  const seen = new Set<number>();
  const pending = [link(0, 76)];
  while (pending.length > 0) {
    const index = pending.pop()!;
    if (index === NO_ENTRY) continue;
    const entry = entries[index];
    if (!entry || seen.has(index)) throw broken();
    seen.add(index);
    if (entry.type === STREAM) streams.set(entry.name, entry);
    pending.push(link(index, 68), link(index, 72));
  }
  return streams;
}

function int32s(bytes: Uint8Array): Int32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Int32Array(Math.floor(bytes.length / 4));
  for (let i = 0; i < out.length; i++) out[i] = view.getInt32(i * 4, true);
  return out;
}
