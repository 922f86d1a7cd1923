import type { CompoundFile } from './read-ole-cfb.ts';

const SUMMARY = '\x05SummaryInformation';
const DOCUMENT_SUMMARY = '\x05DocumentSummaryInformation';
const PID_CODEPAGE = 1;
const PID_APPNAME = 0x12;
const VT_LPSTR = 0x1e;
const VT_LPWSTR = 0x1f;
// WPS writes its build number as a user-defined property (as it does in a .docx's custom.xml),
// and some versions add a stream of their own beside WordDocument.
const KINGSOFT_PROPERTY = 'KSOProductBuildVer';
const KINGSOFT_STREAM = 'WpsCustomData';

/**
 * Whether Kingsoft WPS wrote this Word-format OLE file: its application name (SummaryInformation)
 * names WPS or Kingsoft, or it carries WPS's own build property or stream. The file name is never asked.
 */
export function writtenByKingsoft(file: CompoundFile): boolean {
  if (file.names.includes(KINGSOFT_STREAM)) return true;
  // Damaged metadata only costs the label: the body may still be readable.
  const stream = (name: string) => {
    try {
      return file.stream(name);
    } catch {
      return undefined;
    }
  };
  const summary = stream(SUMMARY);
  if (summary && /wps|kingsoft/i.test(applicationName(summary))) return true;
  const documentSummary = stream(DOCUMENT_SUMMARY);
  return documentSummary !== undefined && containsName(documentSummary, KINGSOFT_PROPERTY);
}

/** PIDSI_APPNAME of a SummaryInformation property set (MS-OLEPS), or '' when absent or unreadable. */
export function applicationName(stream: Uint8Array): string {
  try {
    return readApplicationName(stream);
  } catch {
    return '';
  }
}

function readApplicationName(stream: Uint8Array): string {
  if (stream.length < 48) return '';
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const section = view.getUint32(44, true);
  if (section + 8 > stream.length) return '';
  const count = Math.min(view.getUint32(section + 4, true), Math.floor((stream.length - section - 8) / 8));
  const offsets = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const at = section + 8 + i * 8;
    offsets.set(view.getUint32(at, true), section + view.getUint32(at + 4, true));
  }
  const value = offsets.get(PID_APPNAME);
  if (value === undefined || value + 8 > stream.length) return '';
  const codepageAt = offsets.get(PID_CODEPAGE);
  const codepage =
    codepageAt !== undefined && codepageAt + 6 <= stream.length ? view.getUint16(codepageAt + 4, true) : 0;
  const type = view.getUint32(value, true);
  const length = view.getUint32(value + 4, true);
  const bytes = type === VT_LPWSTR ? length * 2 : length;
  if (value + 8 + bytes > stream.length || (type !== VT_LPSTR && type !== VT_LPWSTR)) return '';
  const encoding = type === VT_LPWSTR || codepage === 1200 ? 'utf-16le' : codepageName(codepage);
  return new TextDecoder(encoding).decode(stream.subarray(value + 8, value + 8 + bytes)).replace(/\0+$/, '');
}

function codepageName(codepage: number): string {
  if (codepage === 65001) return 'utf-8';
  if (codepage === 936) return 'gbk';
  return 'windows-1252';
}

// The property's name sits in the user-defined section's dictionary, in its code page: ASCII or UTF-16.
function containsName(stream: Uint8Array, name: string): boolean {
  const ascii = new TextEncoder().encode(name);
  const utf16 = new Uint8Array(ascii.length * 2);
  ascii.forEach((b, i) => {
    utf16[i * 2] = b;
  });
  return indexOf(stream, ascii) >= 0 || indexOf(stream, utf16) >= 0;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
