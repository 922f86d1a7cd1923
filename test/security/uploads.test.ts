import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
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
import { yunxiText } from '../support/yunxi.ts';
import { databaseFingerprint } from './support/snapshot.ts';

// Uploads an attacker would try: polyglots (GIF/HTML, PDF/JS), HTML named .png, SVG with script,
// path traversal, double extensions, NUL and bidi characters in names, header injection, files
// over the limit. Each is refused with a Chinese message and nothing stored, or stored under a
// sanitized name and served as a download with its sniffed type and nosniff, never as a page.

const HAN = /[\u4e00-\u9fff]/;
const report = { period: '2024-04', status: 'on_track', percent: '30', narrative: '已召开会议' };
const bytes = (text: string) => Buffer.from(text, 'latin1');
const pdf = (extra = '') => bytes(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n${extra}\n%%EOF`);

interface Evidence {
  id: number;
  fileName: string;
}

describeEachDatabase(
  'uploads',
  (current) => {
    let app: FastifyInstance;
    let database: Database;
    let clerk: Browser;
    let taskId = 0;

    const submit = (files: ReadonlyArray<{ name: string; bytes: Buffer }>, fields = report) => {
      const { payload, type } = multipartBody(fields, files);
      return app.inject({
        method: 'POST',
        url: `/api/tasks/${taskId}/reports`,
        headers: { ...clerk.headers, 'content-type': type },
        payload,
      });
    };
    const download = (id: number, inline = false) =>
      app.inject({
        method: 'GET',
        url: `/api/files/${id}${inline ? '?inline=1' : ''}`,
        headers: clerk.headers,
      });

    beforeAll(async () => {
      database = current();
      const { organizationId } = await seedOrganization(database);
      await seedUser(database, organizationId, 'duban', ['supervisor']);
      await seedUser(database, organizationId, 'bgs', ['department'], '办公室');
      app = await testApp(database, {
        now: new TestClock(new Date('2024-04-20T02:00:00Z')).now,
        maxUploadMb: 1,
      });
      const supervisor = await login(app, 'duban');
      const imported = await app.inject({
        method: 'POST',
        url: '/api/plans',
        headers: supervisor.headers,
        payload: { text: yunxiText, createUnits: true },
      });
      const planId = imported.json<{ id: number }>().id;
      await app.inject({ method: 'POST', url: `/api/plans/${planId}/publish`, headers: supervisor.headers });
      type Tree = {
        sections: Array<{ items: Array<{ tasks: Array<{ id: number; lead: { name: string } | null }> }> }>;
      };
      const tree = (
        await app.inject({ method: 'GET', url: `/api/plans/${planId}`, headers: supervisor.headers })
      ).json<Tree>();
      taskId =
        tree.sections
          .flatMap((s) => s.items)
          .flatMap((i) => i.tasks)
          .find((t) => t.lead?.name === '办公室')?.id ?? 0;
      clerk = await login(app, 'bgs');
    });
    afterAll(() => app?.close());

    it('refuses, with a Chinese message and nothing stored, an executable, an empty file and a file over the limit', async () => {
      const before = await databaseFingerprint(database);
      const exe = Buffer.concat([bytes('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(200, 0)]);
      const cases: Array<[string, Array<{ name: string; bytes: Buffer }>, number]> = [
        ['an .exe named a.pdf.exe', [{ name: 'a.pdf.exe', bytes: exe }], 415],
        ['an .exe renamed 报告.pdf', [{ name: '报告.pdf', bytes: exe }], 415],
        [
          'an ELF binary named .png',
          [{ name: 'x.png', bytes: Buffer.concat([bytes('\x7fELF\x02\x01\x01'), Buffer.alloc(100, 0)]) }],
          415,
        ],
        ['an empty file', [{ name: '空.pdf', bytes: Buffer.alloc(0) }], 400],
        [
          'a file over the 1 MB limit',
          [{ name: '大.pdf', bytes: Buffer.concat([pdf(), Buffer.alloc(1_200_000, 0x20)]) }],
          413,
        ],
        // A good file first and a bad one after: the good one must not be stored on its own.
        [
          'a good file followed by an executable',
          [
            { name: '好.pdf', bytes: pdf() },
            { name: 'b.exe', bytes: exe },
          ],
          415,
        ],
      ];
      for (const [what, files, status] of cases) {
        const response = await submit(files);
        expect(response.statusCode, `${what}: ${response.body}`).toBe(status);
        expect(response.json<{ error: { message: string } }>().error.message, what).toMatch(HAN);
      }
      expect(await databaseFingerprint(database)).toEqual(before);
    });

    it('refuses a NUL character in a form field, which PostgreSQL could not store', async () => {
      const before = await databaseFingerprint(database);
      const response = await submit([], { ...report, narrative: '已召开\u0000会议' });
      expect(response.statusCode, response.body).toBe(400);
      expect(await databaseFingerprint(database)).toEqual(before);
    });

    it('stores hostile files under sanitized names and serves each as a download of its sniffed type', async () => {
      const files = [
        {
          name: 'polyglot.pdf',
          bytes: bytes('GIF89a\x01\x00\x01\x00<html><script>window.__xss=1</script></html>'),
        },
        { name: 'pdf-js.pdf', bytes: pdf('<script>window.__xss=1</script> /JS (app.alert(1))') },
        { name: 'page.png', bytes: bytes('<!doctype html><html><script>window.__xss=1</script></html>') },
        {
          name: 'logo.svg',
          bytes: bytes(
            '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"><script>alert(1)</script></svg>',
          ),
        },
        { name: '../../etc/passwd', bytes: bytes('root:x:0:0') },
        { name: '..\\..\\x.pdf', bytes: pdf() },
        { name: 'a.pdf.exe', bytes: pdf() },
        { name: 'evil\u0000.pdf', bytes: pdf() },
        { name: '\u202egpj.exe', bytes: bytes('plain text') },
        { name: 'x"; filename=evil.html\r\nX-Injected: 1', bytes: bytes('plain text') },
        { name: '<img src=x onerror="window.__xss=1">.txt', bytes: bytes('plain text') },
      ];
      const response = await submit(files);
      expect(response.statusCode, response.body).toBe(201);
      const evidence = response.json<{ evidence: Evidence[] }>().evidence;
      expect(evidence).toHaveLength(files.length);
      const names = evidence.map((e) => e.fileName);
      expect(names).toEqual([
        'polyglot.pdf',
        'pdf-js.pdf',
        'page.png',
        'logo.svg',
        'passwd',
        'x.pdf',
        'a.pdf.exe',
        'evil.pdf',
        'gpj.exe',
        // A raw quote ends the multipart file name (browsers send it as %22); < and > are removed.
        'x',
        'img src=x onerror=',
      ]);
      for (const name of names) {
        expect(name).not.toMatch(/[\u0000-\u001f\u007f"<>\\/\u202a-\u202e]/);
        expect(name.startsWith('.')).toBe(false);
      }
      const types: Record<string, string> = {};
      for (const { id, fileName } of evidence) {
        for (const inline of [false, true]) {
          const file = await download(id, inline);
          expect(file.statusCode).toBe(200);
          const type = String(file.headers['content-type']);
          types[fileName] = type;
          expect(file.headers['x-content-type-options']).toBe('nosniff');
          expect(String(file.headers['content-security-policy'])).toContain("default-src 'self'");
          // Only images and PDFs may ever be shown inline; nothing is served as HTML or SVG.
          expect(type).not.toMatch(/html|svg|javascript|xml/);
          const disposition = String(file.headers['content-disposition']);
          expect(disposition).not.toMatch(/[\r\n]/);
          expect(file.headers['x-injected']).toBeUndefined();
          if (!inline || !/^(image\/(png|jpeg|gif|webp)|application\/pdf)$/.test(type))
            expect(disposition.startsWith('attachment;'), `${fileName} ${type}`).toBe(true);
        }
      }
      expect(types).toMatchObject({
        'polyglot.pdf': 'image/gif',
        'pdf-js.pdf': 'application/pdf',
        'page.png': 'text/plain; charset=utf-8',
        'logo.svg': 'text/plain; charset=utf-8',
        'a.pdf.exe': 'application/pdf',
      });
    });
  },
  { fresh: 'all' },
);
