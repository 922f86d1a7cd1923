/** What a file's first bytes say it is; the file name is never trusted. */
export type SniffedFormat = 'zip' | 'pdf' | 'ole' | 'rtf' | 'image' | 'text';

/** Names the container format from magic bytes, or 'text' when no binary format matches. */
export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  // PK\3\4 is a zip with entries, PK\5\6 an empty one (still not a notice, but a zip).
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return 'zip';
  // The PDF spec lets readers accept junk before the header, and some exporters write a few bytes there.
  if (indexOfAscii(bytes, '%PDF-', 1024) >= 0) return 'pdf';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf';
  if (isImage(bytes)) return 'image';
  return 'text';
}

function isImage(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || // PNG
    startsWith(bytes, [0xff, 0xd8, 0xff]) || // JPEG
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) || // GIF
    isBmp(bytes) ||
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || // TIFF little-endian
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) || // TIFF big-endian
    (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && indexOfAscii(bytes.subarray(8, 12), 'WEBP', 4) === 0)
  );
}

// "BM" alone could begin a text file, so the header's file-size field must match too.
function isBmp(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, [0x42, 0x4d]) || bytes.length < 14) return false;
  const declared = new DataView(bytes.buffer, bytes.byteOffset, 6).getUint32(2, true);
  return declared === bytes.length;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

function indexOfAscii(bytes: Uint8Array, needle: string, limit: number): number {
  const end = Math.min(bytes.length, limit) - needle.length;
  for (let i = 0; i <= end; i++) {
    let j = 0;
    while (j < needle.length && bytes[i + j] === needle.charCodeAt(j)) j++;
    if (j === needle.length) return i;
  }
  return -1;
}
