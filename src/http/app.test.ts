import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { login, seedOrganization, seedUser, testApp } from '../../test/support/http.ts';
import { defineRoute } from './route.ts';
import { readMultipart } from './uploads.ts';

// A route only this test mounts, so upload limits are exercised through the real multipart setup.
const echoUpload = defineRoute({
  method: 'POST',
  url: '/api/test-upload',
  summary: '测试上传',
  tag: '测试',
  auth: true,
  multipart: { files: '文件' },
  handler: async ({ request }) => {
    const { fields, files } = await readMultipart(request);
    return {
      fields,
      files: files.map((f) => ({ name: f.fileName, type: f.mediaType, size: f.bytes.length })),
    };
  },
});

function multipartBody(files: Array<{ name: string; bytes: Buffer }>, fields: Record<string, string> = {}) {
  const boundary = '----duban-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describeEachDatabase('app', (current) => {
  let app: FastifyInstance;
  beforeEach(async () => {
    app = await testApp(current(), {
      maxUploadMb: 1,
      extraRoutes: [echoUpload],
      setupToken: 'setup-secret-token',
    });
  });
  afterEach(() => app.close());

  it('answers /healthz after checking the database', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: current().dialect });
  });

  it('sends the security headers and a request id on every response, errors included', async () => {
    for (const url of ['/healthz', '/api/me', '/api/nothing-here']) {
      const response = await app.inject({ method: 'GET', url, headers: { 'x-request-id': 'trace-42' } });
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-request-id']).toBe('trace-42');
    }
  });

  it('uses one error shape in Chinese: 404 for unknown routes, 400 naming the field, 415 for odd bodies', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      error: { code: 'NOT_FOUND', message: expect.stringContaining('没有这个接口'), details: {} },
    });
    const invalid = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: '', password: 3 },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('INVALID_INPUT');
    expect(invalid.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual([
      'username',
      'password',
    ]);
    expect(invalid.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    const badJson = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(badJson.statusCode).toBe(400);
    const xml = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: '<login/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error.code).toBe('UNSUPPORTED_TYPE');
  });

  it('refuses a file over the upload limit with 413 and a Chinese message, and sniffs types from bytes', async () => {
    const { organizationId } = await seedOrganization(current());
    await seedUser(current(), organizationId, 'zhangsan', ['department'], '办公室');
    const browser = await login(app, 'zhangsan');
    const big = multipartBody([
      {
        name: '会议纪要.pdf',
        bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024 * 1024 + 10, 0x20)]),
      },
    ]);
    const tooLarge = await app.inject({
      method: 'POST',
      url: '/api/test-upload',
      headers: { ...browser.headers, 'content-type': big.contentType },
      payload: big.payload,
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error).toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringContaining('1 MB'),
    });

    const ok = multipartBody(
      [
        {
          name: '../../etc/照片.pdf',
          bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
        },
        { name: '纪要.txt', bytes: Buffer.from('2024年4月12日 意识形态风险研判') },
      ],
      { period: '2024-04' },
    );
    const accepted = await app.inject({
      method: 'POST',
      url: '/api/test-upload',
      headers: { ...browser.headers, 'content-type': ok.contentType },
      payload: ok.payload,
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({
      fields: { period: '2024-04' },
      files: [
        { name: '照片.pdf', type: 'image/png', size: 12 },
        { name: '纪要.txt', type: 'text/plain', size: Buffer.byteLength('2024年4月12日 意识形态风险研判') },
      ],
    });

    const exe = multipartBody([
      { name: 'report.pdf', bytes: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0]) },
    ]);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/test-upload',
      headers: { ...browser.headers, 'content-type': exe.contentType },
      payload: exe.payload,
    });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error.message).toContain('report.pdf');
  });

  it('creates the first administrator once with the setup token, then closes setup', async () => {
    const open = await app.inject({ method: 'GET', url: '/api/setup' });
    expect(open.json()).toEqual({ open: true });
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { token: 'guess', username: 'root', password: 'first-admin-2024' },
    });
    expect(wrong.statusCode).toBe(403);
    const created = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { token: 'setup-secret-token', username: 'root', password: 'first-admin-2024' },
    });
    expect(created.statusCode).toBe(201);
    const root = await login(app, 'root', 'first-admin-2024');
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: root.headers });
    expect(me.json().roles).toEqual(['admin', 'supervisor']);
    const again = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { token: 'setup-secret-token', username: 'root2', password: 'first-admin-2024' },
    });
    expect(again.statusCode).toBe(404);
    const closed = await app.inject({ method: 'GET', url: '/api/setup' });
    expect(closed.json()).toEqual({ open: false });
  });

  it('publishes an OpenAPI document generated from the zod schemas and a CSP-safe API page', async () => {
    const openapi = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(openapi.statusCode).toBe(200);
    const doc = openapi.json();
    expect(doc.openapi).toBe('3.1.0');
    const login = doc.paths['/api/session'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
    expect(doc.paths['/api/users/{id}/roles'].put.parameters[0]).toMatchObject({ name: 'id', in: 'path' });
    expect(doc.paths['/api/audit'].get.parameters.map((p: { name: string }) => p.name)).toContain(
      'entityType',
    );
    const page = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('/api/session');
    expect(page.body).not.toMatch(/<script|style=|<style|(src|href)="https?:/);
  });
});
