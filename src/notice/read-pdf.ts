import { Worker } from 'node:worker_threads';
import { NoticeReadError } from './read-messages.ts';
import { foldRadicals } from './read-radicals.ts';

/** The parts of a pdf.js text item the line builder needs. */
export interface PositionedText {
  str: string;
  transform: number[];
  height: number;
  hasEOL: boolean;
}

/** How long and how much memory pdf.js may spend on one file. */
export interface PdfLimits {
  timeoutMs: number;
  heapMb: number;
}

/**
 * A real notice is read in well under a second; a damaged or hostile one can keep pdf.js busy for
 * minutes or grow without end, so it gets this much and is then refused as too complex.
 */
export const PDF_LIMITS: PdfLimits = { timeoutMs: 20_000, heapMb: 512 };

type WorkerAnswer = { pages: PositionedText[][] } | { failure: 'encrypted' | 'broken' };

/**
 * Extracts a PDF's text layer, one line per printed line and a blank line between pages, then
 * NFKC-normalises it, because PDF fonts often map hanzi to look-alike CJK radicals (⼯ for 工),
 * and folds the radical look-alikes NFKC does not cover (⻓ for 长). pdf.js runs in a worker
 * thread under `limits`, so no PDF can stall the server or exhaust its memory.
 */
export async function readPdf(bytes: Uint8Array, limits: PdfLimits = PDF_LIMITS): Promise<string> {
  const answer = await readInWorker(bytes, limits);
  if ('failure' in answer)
    throw new NoticeReadError(answer.failure === 'encrypted' ? 'PDF_ENCRYPTED' : 'PDF_BROKEN');
  const text = foldRadicals(answer.pages.map(pageText).join('\n\n').normalize('NFKC'));
  if (text.trim() === '') throw new NoticeReadError('PDF_NO_TEXT');
  return text;
}

// One worker is kept between files (starting one costs a few hundred milliseconds) and let go
// after a short idle time; files queue for it one at a time. A worker that overran its time or
// memory is terminated and the next file gets a fresh one.
const IDLE_MS = 15_000;
let reader: { worker: Worker; heapMb: number; idle?: NodeJS.Timeout } | undefined;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 0;

function readInWorker(bytes: Uint8Array, limits: PdfLimits): Promise<WorkerAnswer> {
  const run = queue.then(() => readOnce(bytes, limits));
  queue = run.catch(() => undefined);
  return run;
}

function workerFor(limits: PdfLimits): Worker {
  if (reader && reader.heapMb !== limits.heapMb) retire();
  if (!reader) {
    const worker = new Worker(new URL('./read-pdf-worker.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 64 },
    });
    // An idle reader never keeps the process (a CLI run, a test) alive.
    worker.unref();
    reader = { worker, heapMb: limits.heapMb };
  }
  clearTimeout(reader.idle);
  return reader.worker;
}

function retire(): void {
  if (!reader) return;
  clearTimeout(reader.idle);
  void reader.worker.terminate();
  reader = undefined;
}

function readOnce(bytes: Uint8Array, limits: PdfLimits): Promise<WorkerAnswer> {
  const worker = workerFor(limits);
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    const done = (outcome: () => void, healthy: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (!healthy) retire();
      else if (reader?.worker === worker) reader.idle = setTimeout(retire, IDLE_MS).unref();
      outcome();
    };
    const onMessage = (message: WorkerAnswer & { id: number }) => {
      if (message.id !== id) return;
      const { id: _id, ...answer } = message;
      done(() => resolve(answer as WorkerAnswer), true);
    };
    // Out of memory (ERR_WORKER_OUT_OF_MEMORY) or a crash inside pdf.js: the file is at fault.
    const onError = (cause: Error) =>
      done(() => reject(new NoticeReadError('PDF_TOO_COMPLEX', { cause })), false);
    const onExit = () => done(() => reject(new NoticeReadError('PDF_TOO_COMPLEX')), false);
    const timer = setTimeout(
      () => done(() => reject(new NoticeReadError('PDF_TOO_COMPLEX')), false),
      limits.timeoutMs,
    );
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    // pdf.js takes ownership of (detaches) the buffer it is given, so the worker gets a copy.
    const copy = new Uint8Array(bytes);
    worker.postMessage({ id, bytes: copy }, [copy.buffer]);
  });
}

/** Joins a page's text items into lines, using pdf.js's end-of-line flags and, where a producer omits them, a change of baseline. */
export function pageText(items: readonly PositionedText[]): string {
  const lines: string[] = [];
  let line = '';
  let lastY: number | null = null;
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    if (line !== '' && lastY !== null && Math.abs(y - lastY) > Math.max(1, item.height / 2)) {
      lines.push(line);
      line = '';
    }
    line += item.str;
    if (item.str !== '') lastY = y;
    if (item.hasEOL) {
      lines.push(line);
      line = '';
      lastY = null;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}
