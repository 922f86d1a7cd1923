import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ParsePreview } from '../../src/shared/import.ts';
import { textLines, yunxiText } from '../readers/notice-builders.ts';
import { buildOfd } from '../readers/ofd-writer.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  type Browser,
  login,
  multipartBody,
  seedOrganization,
  seedUser,
  TestClock,
  testApp,
} from '../support/http.ts';

// The API takes the new formats as it takes a .docx: an OFD previewed (POST /api/notices/parse) and
// imported (POST /api/plans) gives the 23 items and says its format; an OLE file that is no Word
// document and a broken OFD are refused with their Chinese message and write nothing.

const OLE_NOT_WORD = (() => {
  // An OLE compound file's header with nothing in it: what an empty .xls saved badly looks like.
  const bytes = new Uint8Array(1536);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return bytes;
})();

describeEachDatabase('uploading notices in the new formats', (current) => {
  let app: FastifyInstance;
  let supervisor: Browser;
  beforeEach(async () => {
    const { organizationId } = await seedOrganization(current());
    await seedUser(current(), organizationId, 'duban', ['supervisor']);
    app = await testApp(current(), { now: new TestClock(new Date('2024-02-26T02:00:00Z')).now });
    supervisor = await login(app, 'duban');
  });
  afterEach(() => app.close());

  const upload = (url: string, name: string, bytes: Uint8Array, fields: Record<string, string> = {}) => {
    const { payload, type } = multipartBody(fields, [{ name, bytes: Buffer.from(bytes) }], 'file');
    return app.inject({
      method: 'POST',
      url,
      headers: { ...supervisor.headers, 'content-type': type },
      payload,
    });
  };
  const plans = async () =>
    (await app.inject({ method: 'GET', url: '/api/plans', headers: supervisor.headers })).json<{
      plans: unknown[];
    }>().plans;

  it('previews and imports an OFD', async () => {
    const ofd = buildOfd(textLines(yunxiText()));
    const preview = await upload('/api/notices/parse', '云溪区工作要点.ofd', ofd);
    expect(preview.statusCode, preview.body.slice(0, 300)).toBe(200);
    const parsed = preview.json<ParsePreview>();
    expect(parsed.source).toMatchObject({ format: 'ofd', reader: 'ofd' });
    expect(parsed.sections.flatMap((s) => s.items)).toHaveLength(23);
    expect(parsed.names.leaders.map((l) => l.name)).toContain('陈玲玲');

    const imported = await upload('/api/plans', '云溪区工作要点.ofd', ofd, { createUnits: 'true' });
    expect(imported.statusCode, imported.body.slice(0, 300)).toBe(201);
    expect(await plans()).toHaveLength(1);
  });

  it('refuses an OLE file that is no Word document, and a broken OFD, writing nothing', async () => {
    const ole = await upload('/api/plans', '通知.doc', OLE_NOT_WORD, { createUnits: 'true' });
    expect(ole.statusCode).toBeGreaterThanOrEqual(400);
    expect(ole.statusCode).toBeLessThan(500);
    expect(ole.json<{ error: { message: string } }>().error.message).toMatch(/Word|WPS/);

    const broken = buildOfd(['一、总体要求']).slice(0, 200);
    const ofd = await upload('/api/plans', '通知.ofd', broken, { createUnits: 'true' });
    expect(ofd.statusCode).toBeGreaterThanOrEqual(400);
    expect(ofd.statusCode).toBeLessThan(500);
    expect(await plans()).toEqual([]);
  });
});
