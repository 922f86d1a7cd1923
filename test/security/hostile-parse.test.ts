import { readdirSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { parseNoticeText } from '../../src/notice/parse-notice.ts';
import { READ_MESSAGES } from '../../src/notice/read-messages.ts';
import { readAndParseNotice, readNoticeSource } from '../../src/notice/read-notice.ts';
import { configureSandbox, onSandboxRun, type SandboxRun } from '../../src/notice/sandbox/sandbox.ts';
import {
  buildDocx,
  buildPdf,
  hasCjkFont,
  hostileDocx,
  hugeTextNotice,
  pdfStreamBomb,
  textLines,
  yunxiText,
} from '../readers/notice-builders.ts';
import { openTestDatabase } from '../support/databases.ts';
import { type Browser, login, seedOrganization, seedUser, testApp } from '../support/http.ts';

// Uploaded notices are read and parsed in a child process bounded by the operating system
// (src/notice/sandbox): hostile files — a .docx holding 49 MB of XML (honest or lying about its
// size), a PDF whose content stream inflates to 2 GB, a 19 MB .txt — end in a 4xx Chinese refusal
// while the server keeps answering others at once; the child never grows past its memory cap;
// a few parse at a time and the rest wait or get 429; only those who may import may parse.
// The server is the app on a real port in this process, so its event loop is the one measured.

const MEMORY_CAP_MB = 512;
/** How much slower /healthz or a page may get, at the 99th percentile, while hostile parses run. */
const P99_MS = 100;

let database: Database;
let app: FastifyInstance;
let base: string;
let supervisor: Browser;
let viewer: Browser;
let clerk: Browser;
const runs: SandboxRun[] = [];
let stopListening: () => void;

beforeAll(async () => {
  database = await openTestDatabase('sqlite');
  const { organizationId } = await seedOrganization(database);
  await seedUser(database, organizationId, 'duban', ['supervisor']);
  await seedUser(database, organizationId, 'kanban', ['viewer']);
  await seedUser(database, organizationId, 'zhangsan', ['department'], '办公室');
  app = await testApp(database);
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  [supervisor, viewer, clerk] = await Promise.all([
    login(app, 'duban'),
    login(app, 'kanban'),
    login(app, 'zhangsan'),
  ]);
  stopListening = onSandboxRun((run) => runs.push(run));
}, 60_000);

afterAll(async () => {
  stopListening?.();
  await app?.close();
  await database?.close();
});

/** Uploads a notice file to POST /api/notices/parse over real HTTP. */
async function upload(who: Browser, bytes: Uint8Array, name: string): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return fetch(`${base}/api/notices/parse`, { method: 'POST', headers: who.headers, body: form });
}

/** Requests `path` one after another until `done` settles; returns each answer's time in ms. */
async function latencies(path: string, who: Browser | undefined, done: Promise<unknown>): Promise<number[]> {
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  const times: number[] = [];
  while (!finished) {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { headers: who?.headers ?? {} });
    await response.arrayBuffer();
    times.push(performance.now() - started);
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return times;
}

function p99(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
}

describe('who may parse', () => {
  it('refuses viewers and department users with 403, pasted text and files alike', async () => {
    for (const who of [viewer, clerk]) {
      const pasted = await fetch(`${base}/api/notices/parse`, {
        method: 'POST',
        headers: { ...who.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ text: yunxiText() }),
      });
      expect(pasted.status).toBe(403);
      const file = await upload(who, new TextEncoder().encode(yunxiText()), 'yunxi.txt');
      expect(file.status).toBe(403);
      expect((await file.json()).error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(runs).toHaveLength(0);
  });
});

describe('normal notices through the sandbox', () => {
  it('parse exactly as in process: the fixtures, the Yunxi notice as .txt (UTF-8, GBK), .docx and .pdf', async () => {
    const folder = new URL('../fixtures/notices/', import.meta.url);
    const files = [
      ...readdirSync(folder)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => new URL(f, folder)),
      ...readdirSync(new URL('formats/', folder))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => new URL(`formats/${f}`, folder)),
    ].map((url): Uint8Array => new Uint8Array(readFileSync(url)));
    const lines = textLines(yunxiText());
    files.push(await buildDocx(lines));
    if (hasCjkFont) files.push(await buildPdf(lines.slice(0, 60)));
    for (const bytes of files) {
      const read = await readNoticeSource(bytes);
      expect(await readAndParseNotice(bytes)).toEqual({
        text: read.text,
        parsed: { ...parseNoticeText(read.text), source: read.source },
      });
    }
  }, 120_000);

  it('answers the Yunxi notice uploaded over HTTP with the in-process parse', async () => {
    const response = await upload(supervisor, new TextEncoder().encode(yunxiText()), 'yunxi.txt');
    expect(response.status).toBe(200);
    const preview = await response.json();
    const parsed = parseNoticeText(yunxiText());
    expect(preview.sections).toEqual(parsed.sections);
    expect(preview.title).toBe(parsed.title);
  });
});

describe('hostile files', () => {
  it('three at once end in 4xx Chinese refusals under the memory cap while /healthz and pages stay fast', async () => {
    const previous = configureSandbox({ waitSeconds: 120 });
    const hostile = [
      { name: 'lying.docx', bytes: hostileDocx(49, { lie: true }) },
      { name: 'xml.docx', bytes: hostileDocx(49) },
      { name: 'bomb.pdf', bytes: pdfStreamBomb(2048) },
      { name: 'huge.txt', bytes: hugeTextNotice(19) },
    ];
    runs.length = 0;
    try {
      // The same requests first with nothing parsing: on a shared machine its own latency is added
      // to the bound, so the test measures what hostile parses cost others, not the neighbours' load.
      const quietPeriod = new Promise((resolve) => setTimeout(resolve, 5_000));
      const [quietHealth, quietPlans] = await Promise.all([
        latencies('/healthz', undefined, quietPeriod),
        latencies('/api/plans', viewer, quietPeriod),
      ]);
      // Three in flight (two running, one waiting) at any time until all four are done.
      const answers: Array<{ name: string; status: number; message: string }> = [];
      let next = 0;
      const lane = async () => {
        while (next < hostile.length) {
          const file = hostile[next++];
          if (!file) break;
          const response = await upload(supervisor, file.bytes, file.name);
          answers.push({
            name: file.name,
            status: response.status,
            message: (await response.json()).error?.message,
          });
        }
      };
      const all = Promise.all([lane(), lane(), lane()]);
      const [health, plans] = await Promise.all([
        latencies('/healthz', undefined, all),
        latencies('/api/plans', viewer, all),
        all,
      ]);
      const figures = {
        healthz: {
          p99: Math.round(p99(health)),
          quietP99: Math.round(p99(quietHealth)),
          samples: health.length,
        },
        plans: { p99: Math.round(p99(plans)), quietP99: Math.round(p99(quietPlans)), samples: plans.length },
        children: runs.map((r) => ({
          outcome: r.outcome,
          code: r.code,
          peakRssMb: r.peakRssMb,
          wallMs: r.wallMs,
        })),
        answers: answers.map((a) => `${a.name} ${a.status}`),
      };
      console.info(`hostile parses: ${JSON.stringify(figures)}`);

      for (const answer of answers) {
        expect(answer.status, answer.name).toBeGreaterThanOrEqual(400);
        expect(answer.status, answer.name).toBeLessThan(500);
        expect(Object.values(READ_MESSAGES), answer.name).toContain(answer.message);
      }
      expect(answers.find((a) => a.name === 'bomb.pdf')?.status).toBe(413);
      expect(answers.find((a) => a.name === 'huge.txt')?.status).toBe(413);
      expect(runs).toHaveLength(hostile.length);
      for (const run of runs) expect(run.peakRssMb).toBeLessThan(MEMORY_CAP_MB);
      expect(health.length).toBeGreaterThan(20);
      expect(p99(health)).toBeLessThan(P99_MS + p99(quietHealth));
      expect(p99(plans)).toBeLessThan(P99_MS + p99(quietPlans));
    } finally {
      configureSandbox(previous);
    }
  }, 240_000);

  it('parses two at a time, queues two, and answers a fifth at once with 429 and Retry-After', async () => {
    const previous = configureSandbox({ concurrency: 2, queue: 2, seconds: 2, waitSeconds: 60 });
    try {
      const bytes = hostileDocx(49);
      const responses = await Promise.all(
        Array.from({ length: 5 }, () =>
          upload(supervisor, bytes, 'xml.docx').then(async (r) => ({
            status: r.status,
            retryAfter: r.headers.get('retry-after'),
            body: await r.json(),
          })),
        ),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([413, 413, 413, 413, 429]);
      const busy = responses.find((r) => r.status === 429);
      expect(busy?.body.error.message).toBe('解析任务繁忙，请稍后再试');
      expect(Number(busy?.retryAfter)).toBeGreaterThan(0);
    } finally {
      configureSandbox(previous);
    }
  }, 120_000);
});
