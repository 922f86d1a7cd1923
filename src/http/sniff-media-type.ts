/** A media type the server accepts for uploaded evidence, decided from the bytes. */
export type AcceptedMediaType =
  | 'application/pdf'
  | 'image/png'
  | 'image/jpeg'
  | 'image/gif'
  | 'image/webp'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  | 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
  | 'application/zip'
  | 'application/x-ole-storage'
  | 'text/plain';

/**
 * The media type of a file from its first bytes, or null for anything not accepted (executables,
 * unknown binaries). The name is never consulted: a renamed .exe stays an executable.
 */
export function sniffMediaType(bytes: Uint8Array): AcceptedMediaType | null {
  if (has(bytes, 0, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (has(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (has(bytes, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (has(bytes, 0, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (has(bytes, 0, [0x52, 0x49, 0x46, 0x46]) && has(bytes, 8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp';
  if (has(bytes, 0, [0x50, 0x4b, 0x03, 0x04]) || has(bytes, 0, [0x50, 0x4b, 0x05, 0x06]))
    return officeKind(bytes);
  // Legacy .doc/.xls/.ppt are OLE compound files; they cannot be told apart cheaply.
  if (has(bytes, 0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'application/x-ole-storage';
  if (looksLikeText(bytes)) return 'text/plain';
  return null;
}

// Office Open XML files are zips whose entry names (stored uncompressed in local headers) reveal the kind.
function officeKind(bytes: Uint8Array): AcceptedMediaType {
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))).toString('latin1');
  if (head.includes('word/'))
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (head.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (head.includes('ppt/'))
    return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  return 'application/zip';
}

// Text (UTF-8, GBK, UTF-16 with BOM) has no NUL bytes and few control characters in its first 8 KB.
function looksLikeText(bytes: Uint8Array): boolean {
  if (has(bytes, 0, [0xff, 0xfe]) || has(bytes, 0, [0xfe, 0xff])) return true;
  const end = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control <= end / 100;
}

function has(bytes: Uint8Array, offset: number, magic: readonly number[]): boolean {
  if (bytes.length < offset + magic.length) return false;
  return magic.every((b, i) => bytes[offset + i] === b);
}
