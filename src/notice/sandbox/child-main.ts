import { parseNoticeText } from '../parse-notice.ts';
import { NoticeReadError } from '../read-messages.ts';
import { readNoticeSource } from '../read-notice.ts';
import { withSource } from '../read-source-warnings.ts';
import type { ChildAnswer, ChildJob } from './protocol.ts';

// Inside the sandbox process: one job arrives over IPC, the answer goes back the same way, and the
// process exits. Limits are the operating system's (set before node started) and the parent's
// watchdog; nothing here needs to guard against the file.

function isAllocationFailure(error: unknown): boolean {
  return (
    error instanceof RangeError &&
    /allocation failed|Invalid (array|typed array|string) length/i.test(error.message)
  );
}

async function run(job: ChildJob): Promise<ChildAnswer> {
  try {
    if (job.kind === 'parseText')
      return { ok: true, read: { text: '', source: { format: 'txt' } }, parsed: parseNoticeText(job.text) };
    // The parent allows OCR's time (not the parser's) once told that OCR starts.
    const onOcr = () => process.send?.({ ocr: true });
    const read = await readNoticeSource(
      job.bytes,
      job.ocrDeadline === undefined ? { onOcr } : { ocrDeadline: job.ocrDeadline, onOcr },
    );
    if (job.kind === 'read') return { ok: true, read };
    return { ok: true, read, parsed: withSource(parseNoticeText(read.text), read) };
  } catch (error) {
    if (error instanceof NoticeReadError) return { ok: false, code: error.code };
    // An ArrayBuffer or string the memory limit would not let grow: the file is too big to handle.
    if (isAllocationFailure(error)) return { ok: false, code: 'TOO_COMPLEX' };
    return {
      ok: false,
      code: 'PARSE_FAILED',
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}

process.once('message', (job: ChildJob) => {
  void run(job).then((answer) => {
    const peakRssKb = process.resourceUsage().maxRSS;
    process.send?.({ ...answer, peakRssKb }, () => process.exit(0));
  });
});
// A spare whose server went away has nothing left to do.
process.once('disconnect', () => process.exit(0));
process.send?.({ ready: true });
