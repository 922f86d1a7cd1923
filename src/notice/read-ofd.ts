import { MAX_OFD_PAGES } from './read-limits.ts';
import { NoticeReadError } from './read-messages.ts';
import { type PageContent, readPageContent } from './read-ofd-content.ts';
import { GlyphBudget } from './read-ofd-glyphs.ts';
import { pageText } from './read-ofd-lines.ts';
import { folderOf, hasOfdRoot, OfdPackage, resolveLoc } from './read-ofd-package.ts';
import { decodeOfdXml, scanOfdXml } from './read-ofd-xml.ts';
import { foldRadicals } from './read-radicals.ts';
import type { NoticeRead } from './read-result.ts';
import { xmlAttribute } from './read-xml-scan.ts';

const ENTRY = 'ofd.xml';

/** Whether a zip is an OFD (GB/T 33190): its root holds OFD.xml. Reads the zip's directory only. */
export function isOfd(bytes: Uint8Array): boolean {
  return hasOfdRoot(bytes);
}

/**
 * Extracts the text of an OFD, the format of China's official electronic documents: the first
 * document's pages in page-tree order, each page's characters joined into printed lines by
 * position (running headers and footers from template pages left out), a blank line between
 * pages; then NFKC-normalised with radical look-alikes folded, as for PDF, since OFD fonts map
 * hanzi the same way. A damaged package is OFD_BROKEN, an oversized one OFD_TOO_LARGE, one
 * without text (a scan) OFD_NO_TEXT.
 */
export function readOfd(bytes: Uint8Array): NoticeRead {
  const pkg = new OfdPackage(bytes);
  const docRoot = findDocRoot(part(pkg.read([ENTRY]), ENTRY));
  const document = readDocument(part(pkg.read([docRoot]), docRoot), folderOf(docRoot));
  if (document.pages.length === 0) throw new NoticeReadError('OFD_BROKEN');

  const parts = pkg.read([...document.pages, ...document.templates.values()]);
  const budget = new GlyphBudget();
  const placed = new GlyphBudget();
  const contents = new Map<string, PageContent>();
  // A page tree may name one content file many times: each is read once.
  const content = (path: string): PageContent | undefined => {
    let read = contents.get(path);
    const xml = parts.get(path);
    if (!read && xml) {
      read = readPageContent(decodeOfdXml(xml), budget);
      contents.set(path, read);
    }
    return read;
  };

  const pages = document.pages.map((path) => {
    const page = content(path);
    if (!page) throw new NoticeReadError('OFD_BROKEN');
    return page;
  });
  const uses = new Map<string, number>();
  for (const page of pages) for (const id of new Set(page.templates)) uses.set(id, (uses.get(id) ?? 0) + 1);

  const sources = pages.map((page) => {
    // A template several pages are drawn on is a running header or footer: read on every page it
    // would land inside items' text, so it is left out. One only a single page names (a first
    // page's letterhead) is that page's own text. A template the package lacks loses only decoration.
    const templates = page.templates.flatMap((id) => {
      const templatePath = uses.get(id) === 1 ? document.templates.get(id) : undefined;
      const template = templatePath === undefined ? undefined : content(templatePath);
      return template ? [template.glyphs] : [];
    });
    const glyphs = [...templates, page.glyphs];
    // Counted before any page is laid out, so a page tree naming one page a thousand times costs nothing.
    placed.spend(glyphs.reduce((n, g) => n + g.length, 0));
    return glyphs;
  });
  const texts = sources.map(pageText);
  const text = foldRadicals(texts.join('\n\n').normalize('NFKC'));
  if (text.trim() === '') throw new NoticeReadError('OFD_NO_TEXT');
  return { text, source: { format: 'ofd', reader: 'ofd', pages: texts.length } };
}

function part(parts: Map<string, Uint8Array>, path: string): string {
  const bytes = parts.get(path);
  if (!bytes) throw new NoticeReadError('OFD_BROKEN');
  return decodeOfdXml(bytes);
}

/** The first DocBody's DocRoot in OFD.xml, as a package path. */
function findDocRoot(xml: string): string {
  let inDocRoot = false;
  let loc: string | null = null;
  const text: string[] = [];
  scanOfdXml(xml, {
    open(name, _tag, selfClosing) {
      inDocRoot = name === 'DocRoot' && !selfClosing && loc === null;
    },
    close(name) {
      if (name === 'DocRoot' && inDocRoot) loc = text.join('').trim();
      inDocRoot = false;
    },
    text(chunk) {
      if (inDocRoot) text.push(chunk);
    },
  });
  if (!loc) throw new NoticeReadError('OFD_BROKEN');
  return resolveLoc('', loc);
}

/** Document.xml: its pages' content files in page-tree order, and its template pages by ID. */
function readDocument(xml: string, folder: string): { pages: string[]; templates: Map<string, string> } {
  const pages: string[] = [];
  const templates = new Map<string, string>();
  let sawPages = false;
  let inPages = false;
  scanOfdXml(xml, {
    open(name, tag, selfClosing) {
      if (name === 'Pages') {
        sawPages = true;
        inPages = !selfClosing;
      }
      if (!(name === 'Page' && inPages) && name !== 'TemplatePage') return;
      const loc = xmlAttribute(tag, 'BaseLoc');
      if (loc === null || loc.trim() === '') throw new NoticeReadError('OFD_BROKEN');
      if (name === 'TemplatePage')
        templates.set((xmlAttribute(tag, 'ID') ?? '').trim(), resolveLoc(folder, loc));
      else if (pages.push(resolveLoc(folder, loc)) > MAX_OFD_PAGES)
        throw new NoticeReadError('OFD_TOO_LARGE');
    },
    close(name) {
      if (name === 'Pages') inPages = false;
    },
    text() {},
  });
  if (!sawPages) throw new NoticeReadError('OFD_BROKEN');
  return { pages, templates };
}
