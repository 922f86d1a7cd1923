/** The largest notice file accepted; a real notice is well under 1 MB, so this only stops accidents and abuse. */
export const MAX_NOTICE_BYTES = 30 * 1024 * 1024;

/** The most a .docx may claim to unpack to, so a zip bomb is refused before it is inflated. */
export const MAX_DOCX_UNPACKED_BYTES = 50 * 1024 * 1024;

/** The most entries a .docx may hold; real documents have a few dozen. */
export const MAX_DOCX_ENTRIES = 5000;
