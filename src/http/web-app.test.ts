import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testApp } from '../../test/support/http.ts';
import { type Database, openDatabase } from '../db/connect.ts';

// The web app is served from a build folder; a tiny hand-made build stands in for web/dist.
describe('serving the web app', () => {
  let root: string;
  let database: Database;
  let app: FastifyInstance;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'duban-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>督办</title><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeEach(async () => {
    database = await openDatabase({ url: 'sqlite::memory:' });
    app = await testApp(database, { webRoot: root });
  });
  afterEach(async () => {
    await app.close();
    await database.close();
  });

  it('answers every page address with index.html, never cached', async () => {
    for (const url of ['/', '/plans/3', '/import?step=2', '/login']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<div id="root">');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    }
  });

  it('serves hashed assets with a year of caching and leaves unknown files and API paths as 404', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const missing = await app.inject({ method: 'GET', url: '/assets/missing-1.js' });
    expect(missing.statusCode).toBe(404);
    const api = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
    const post = await app.inject({ method: 'POST', url: '/plans' });
    expect(post.statusCode).toBe(404);
  });

  it('says in Chinese how to build the pages when there is no build', async () => {
    const bare = await testApp(database, { webRoot: join(root, 'no-such-folder') });
    const response = await bare.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('npm run build:web');
    await bare.close();
  });
});
