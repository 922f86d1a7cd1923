/** The largest notice file accepted; a real notice is well under 1 MB, so this only stops accidents and abuse. */
export const MAX_NOTICE_BYTES = 30 * 1024 * 1024;

/** The most a .docx may claim to unpack to, so a zip bomb is refused before it is inflated. */
export const MAX_DOCX_UNPACKED_BYTES = 50 * 1024 * 1024;

/** The most entries a .docx may hold; real documents have a few dozen. */
export const MAX_DOCX_ENTRIES = 5000;

/** The most the XML parts an OFD reader inflates may claim to unpack to; images and fonts stay packed. */
export const MAX_OFD_UNPACKED_BYTES = 50 * 1024 * 1024;

/** The most entries an OFD may hold; a notice of a hundred pages has a few hundred. */
export const MAX_OFD_ENTRIES = 5000;

/** The most pages an OFD's page tree may list; a notice has a few dozen. */
export const MAX_OFD_PAGES = 2000;

/**
 * The most characters an OFD's pages may place, template text repeated on each page counted each
 * time: a 100-page notice places about 100,000. The bound keeps a page tree that lists one content
 * file a thousand times from multiplying the work, and a page's characters (about 70 bytes each
 * while they are sorted into lines) well inside the parse sandbox's memory.
 */
export const MAX_OFD_GLYPHS = 1_000_000;
