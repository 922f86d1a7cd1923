/**
 * The pixels a PNG or JPEG declares in its header (width × height), or undefined for another format
 * or a header that cannot be read; tesseract's memory grows with them, so a photo declaring too
 * many is refused before it is decoded.
 */
export function declaredPixels(bytes: Uint8Array): number | undefined {
  const size = declaredSize(bytes);
  return size && size.width * size.height;
}

/** The width and height a PNG or JPEG declares in its header, or undefined. */
export function declaredSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // PNG: the IHDR chunk comes first, width and height at bytes 16 and 20.
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50)
    return { width: view.getUint32(16), height: view.getUint32(20) };
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  // JPEG: walk the segments to the start of frame (SOF0–SOF15 but DHT, JPG and DAC), height then width.
  let at = 2;
  while (at + 9 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
    at += 2 + view.getUint16(at + 2);
  }
  return undefined;
}
