// Reads PDFs' text layers with pdf.js (unpdf) in a worker thread, so a damaged or hostile PDF that
// sends pdf.js into minutes of work or gigabytes of memory is stopped by read-pdf.ts (a time limit
// and the worker's heap limit) without blocking the server. Plain JavaScript on purpose: a worker
// does not inherit the TypeScript loader under every runner (tsx, vitest).
import { parentPort } from 'node:worker_threads';
import { getDocumentProxy } from 'unpdf';

/** { pages: [[{ str, transform, height, hasEOL }]] } or { failure: 'encrypted' | 'broken' }. */
async function read(bytes) {
  let pdf;
  try {
    pdf = await getDocumentProxy(bytes, { verbosity: 0 });
  } catch (cause) {
    return { failure: cause instanceof Error && cause.name === 'PasswordException' ? 'encrypted' : 'broken' };
  }
  try {
    const pages = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items = [];
      for (const item of content.items) {
        if ('str' in item)
          items.push({ str: item.str, transform: item.transform, height: item.height, hasEOL: item.hasEOL });
      }
      pages.push(items);
      page.cleanup();
    }
    return { pages };
  } catch {
    return { failure: 'broken' };
  } finally {
    await pdf.destroy();
  }
}

// One file at a time: read-pdf.ts sends { id, bytes } and waits for { id, ...answer }.
parentPort?.on('message', async ({ id, bytes }) => {
  parentPort?.postMessage({ id, ...(await read(bytes)) });
});
