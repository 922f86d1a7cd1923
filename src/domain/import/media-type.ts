import { sniffFormat } from '../../notice/read-sniff.ts';

/** The media type of a notice file, decided from its bytes (names are never trusted). */
export function sniffMediaType(bytes: Uint8Array): string {
  switch (sniffFormat(bytes)) {
    case 'zip':
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    case 'pdf':
      return 'application/pdf';
    case 'text':
      return 'text/plain';
    default:
      return 'application/octet-stream';
  }
}
