import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { defaultUploadLimitMb } from '../../src/http/app.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { type Browser, login, seedOrganization, seedUser, TestClock, testApp } from '../support/http.ts';
import { type HugeNotice, hugeNotice, noticeOfBytes, oneItemNotice } from './huge-notice-text.ts';

// Notices far beyond any bureau's (a real one has 30–100 items) go through the whole path — parse
// preview, import, publish, plan tree, board — over HTTP and answer 2xx with every item counted:
// nothing may overflow the stack or a statement's bind-parameter limit (SQLite 32,766; PostgreSQL
// 65,535), however big the notice. Timings go to the console for docs/BENCHMARKS.md.

const tenThousandItems = hugeNotice({ sections: 20, itemsPerSection: 500 });
// 50,000 lines, about 6.7 MB of UTF-8: 5,000 items of ten hard-wrapped lines each.
const fiftyThousandLines = hugeNotice({ sections: 50, itemsPerSection: 100, bodyLines: 8, lineChars: 49 });

const timings: string[] = [];
afterAll(() => {
  if (timings.length > 0) console.info(`大通知耗时：\n${timings.join('\n')}`);
});

interface TreeNode {
  items?: TreeNode[];
  tasks?: Array<{ id: number; schools?: unknown[] }>;
}

describeEachDatabase('notices of any size', (current, dialect) => {
  let app: FastifyInstance;
  let supervisor: Browser;
  beforeEach(async () => {
    const { organizationId } = await seedOrganization(current());
    await seedUser(current(), organizationId, 'duban', ['supervisor']);
    app = await testApp(current(), { now: new TestClock(new Date('2024-04-20T02:00:00Z')).now });
    supervisor = await login(app, 'duban');
  });
  afterEach(() => app.close());

  async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await run();
    timings.push(`  [${dialect}] ${label}: ${Math.round(performance.now() - started)} ms`);
    return result;
  }

  // The import routes read the file from the field "file" (multipartBody names its files "files").
  async function upload(url: string, notice: HugeNotice, fields: Record<string, string> = {}) {
    const boundary = '----duban-scale';
    const parts = Object.entries(fields).map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    );
    const payload = Buffer.concat([
      Buffer.from(parts.join('')),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="notice.txt"\r\n\r\n`,
      ),
      Buffer.from(notice.text),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return app.inject({
      method: 'POST',
      url,
      headers: { ...supervisor.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
  }

  interface Preview {
    sections: Array<{ items: Array<{ body: string; indicators: Array<{ kind: string }> }> }>;
    spans: unknown[];
  }

  async function importPublishAndRead(notice: HugeNotice, label: string): Promise<Preview> {
    const size = `${notice.lines} 行、${(Buffer.byteLength(notice.text) / 1e6).toFixed(1)} MB、${notice.items} 项`;
    const preview = await timed(`${label}（${size}）解析预览`, () => upload('/api/notices/parse', notice));
    expect(preview.statusCode, preview.body.slice(0, 300)).toBe(200);
    const parsed = preview.json<Preview>();
    const items = parsed.sections.flatMap((s) => s.items);
    expect(parsed.sections).toHaveLength(notice.sections);
    expect(items).toHaveLength(notice.items);
    const indicators = items.reduce((n, i) => n + i.indicators.length, 0);

    const imported = await timed(`${label} 导入`, () =>
      upload('/api/plans', notice, { createUnits: 'true' }),
    );
    expect(imported.statusCode, imported.body.slice(0, 300)).toBe(201);
    const { id: planId, counts } = imported.json<{
      id: number;
      counts: { sections: number; items: number; indicators: number };
    }>();
    expect(counts).toEqual({ sections: notice.sections, items: notice.items, indicators });

    const published = await timed(`${label} 发布`, () =>
      app.inject({ method: 'POST', url: `/api/plans/${planId}/publish`, headers: supervisor.headers }),
    );
    expect(published.statusCode, published.body.slice(0, 300)).toBe(200);
    // One school (城关小学) takes a copy of every item addressed to 各学校, with its recurring promises.
    const copied = items
      .filter((i) => i.body.includes('各学校'))
      .reduce((n, i) => n + i.indicators.filter((x) => x.kind === 'recurring').length, 0);
    expect(published.json()).toMatchObject({
      tasks: notice.items + notice.schoolItems,
      schoolTasks: notice.schoolItems,
      indicators: indicators + copied,
    });

    const tree = await timed(`${label} 工作要点树`, () =>
      app.inject({ method: 'GET', url: `/api/plans/${planId}`, headers: supervisor.headers }),
    );
    expect(tree.statusCode, tree.body.slice(0, 300)).toBe(200);
    const treeItems = tree.json<{ sections: TreeNode[] }>().sections.flatMap((s) => s.items ?? []);
    expect(treeItems).toHaveLength(notice.items);
    const tasks = treeItems.flatMap((i) => i.tasks ?? []);
    expect(tasks).toHaveLength(notice.items);
    expect(tasks.flatMap((t) => t.schools ?? [])).toHaveLength(notice.schoolItems);

    const board = await timed(`${label} 统计看板`, () =>
      app.inject({ method: 'GET', url: `/api/plans/${planId}/dashboard`, headers: supervisor.headers }),
    );
    expect(board.statusCode, board.body.slice(0, 300)).toBe(200);
    return parsed;
  }

  it('imports, publishes and shows a notice of 10,000 items', async () => {
    await importPublishAndRead(tenThousandItems, '一万项通知');
  }, 240_000);

  it('imports, publishes and shows a notice of 50,000 lines (about 6.7 MB)', async () => {
    await importPublishAndRead(fiftyThousandLines, '五万行通知');
  }, 240_000);

  it('highlights, imports and publishes one item of 50,000 lines', async () => {
    const preview = await importPublishAndRead(oneItemNotice(50_000), '一项五万行');
    // The leader and both departments on every line: more places than a call takes arguments.
    expect(preview.spans.length).toBeGreaterThan(150_000);
  }, 240_000);

  it('takes a notice just under the upload limit and refuses one just over it with 413', async () => {
    const limit = defaultUploadLimitMb() * 1024 * 1024;
    const under = noticeOfBytes(limit - 64 * 1024);
    expect(Buffer.byteLength(under.text)).toBeGreaterThan(limit - 1024 * 1024);
    const label = `上传上限 ${defaultUploadLimitMb()} MB 以内的通知（${under.lines} 行、${under.items} 项）`;
    const imported = await timed(`${label} 导入`, () => upload('/api/plans', under, { createUnits: 'true' }));
    expect(imported.statusCode, imported.body.slice(0, 300)).toBe(201);
    expect(imported.json().counts.items).toBe(under.items);
    const published = await timed(`${label} 发布`, () =>
      app.inject({
        method: 'POST',
        url: `/api/plans/${imported.json().id}/publish`,
        headers: supervisor.headers,
      }),
    );
    expect(published.statusCode, published.body.slice(0, 300)).toBe(200);

    const over = {
      ...under,
      text: under.text + '。'.repeat(Math.ceil((limit + 1 - Buffer.byteLength(under.text)) / 3)),
    };
    const refused = await upload('/api/plans', over, { createUnits: 'true' });
    expect(refused.statusCode, refused.body.slice(0, 300)).toBe(413);
    expect(refused.json().error.message).toContain(`${defaultUploadLimitMb()}`);
  }, 240_000);

  it('takes pasted text just under the request body limit and refuses more with 413', async () => {
    // JSON bodies stop at 5 MB (app.ts); a bigger notice goes as a file.
    const pasted = noticeOfBytes(5 * 1024 * 1024 - 128 * 1024);
    const imported = await timed(`粘贴文本（${pasted.lines} 行、${pasted.items} 项）导入`, () =>
      app.inject({
        method: 'POST',
        url: '/api/plans',
        headers: supervisor.headers,
        payload: { text: pasted.text, createUnits: true },
      }),
    );
    expect(imported.statusCode, imported.body.slice(0, 300)).toBe(201);
    expect(imported.json().counts.items).toBe(pasted.items);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: supervisor.headers,
      payload: { text: pasted.text.repeat(2), createUnits: true },
    });
    expect(refused.statusCode, refused.body.slice(0, 300)).toBe(413);
  }, 120_000);
});
