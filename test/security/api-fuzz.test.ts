import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  type Browser,
  login,
  seedOrganization,
  seedUser,
  TEST_PASSWORD,
  TestClock,
  testApp,
} from '../support/http.ts';
import { yunxiText } from '../support/yunxi.ts';
import {
  HOSTILE_STRINGS,
  invalidObject,
  invalidParameter,
  type JsonSchema,
} from './support/invalid-input.ts';
import { databaseFingerprint } from './support/snapshot.ts';

// Every route of the app, as its OpenAPI document lists it (so a new route is fuzzed without
// anyone adding it here), receives generated inputs its schema refuses: wrong types, broken
// lengths, ranges, enums and patterns, missing fields, repeated parameters, malformed JSON and
// multipart bodies. Each must get a 4xx with a Chinese message, never a 5xx, and the database must
// be exactly as before (every table's rows hashed, so an update is caught as well as an insert).
// DUBAN_LONG_TESTS=1 runs 200 cases per route instead of 8.

const LONG = process.env.DUBAN_LONG_TESTS === '1';
const RUNS_PER_ROUTE = LONG ? 200 : 8;
const HAN = /[\u4e00-\u9fff]/;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Operation {
  parameters?: Array<{ name: string; in: 'path' | 'query'; schema: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  security?: unknown[];
}
interface Endpoint {
  method: Method;
  /** The route as Fastify knows it, e.g. /api/plans/:id. */
  path: string;
  operation: Operation;
}

// A value each kind of path parameter accepts, so that a broken body or query is what is refused.
const VALID_PARAMETER: Record<string, string> = { date: '2024-10-08', year: '2024', file: 'x.ics' };

function fill(path: string, values: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(values[name] ?? VALID_PARAMETER[name] ?? '1'),
  );
}

function queryString(values: Record<string, string | string[]>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    for (const one of Array.isArray(value) ? value : [value]) search.append(name, one);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

interface FuzzRequest {
  method: Method;
  url: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
}

/** Generated requests that break one part of the endpoint's contract, or null when it takes no input. */
function invalidRequests(endpoint: Endpoint): fc.Arbitrary<FuzzRequest> | null {
  const { method, path, operation } = endpoint;
  const parameters = operation.parameters ?? [];
  const json = operation.requestBody?.content['application/json']?.schema;
  const multipart = operation.requestBody?.content['multipart/form-data'];
  const choices: fc.Arbitrary<FuzzRequest>[] = [];
  const withBody = (payload: string | Buffer, type = 'application/json') => ({
    payload,
    headers: { 'content-type': type },
  });

  for (const parameter of parameters) {
    const invalid = invalidParameter(parameter.schema);
    if (!invalid) continue;
    choices.push(
      invalid.map((value) => {
        if (parameter.in === 'query')
          return { method, url: fill(path, {}) + queryString({ [parameter.name]: value }) };
        const one = Array.isArray(value) ? value.join('/') : value;
        return { method, url: fill(path, { [parameter.name]: one }) };
      }),
    );
  }
  if (json) {
    const body = invalidObject(json);
    if (body)
      choices.push(
        body.map((value) => ({ method, url: fill(path, {}), ...withBody(JSON.stringify(value)) })),
      );
  }
  if (json || multipart) {
    // Bodies that are not a JSON object at all, or not JSON.
    const notAnObject = fc.oneof(
      fc.constantFrom('[]', '"text"', '42', 'true', '{', '{"a":', '{"__proto__":{"admin":true}}', '\u0000'),
      fc.array(fc.constantFrom(...HOSTILE_STRINGS)).map((values) => JSON.stringify(values)),
      fc.string({ minLength: 1 }).filter((s) => {
        try {
          const parsed: unknown = JSON.parse(s);
          return typeof parsed !== 'object' || parsed === null ? parsed !== null : Array.isArray(parsed);
        } catch {
          return true;
        }
      }),
    );
    choices.push(notAnObject.map((payload) => ({ method, url: fill(path, {}), ...withBody(payload) })));
  }
  if (multipart) {
    // Multipart bodies that are broken: random bytes, a truncated part, a missing boundary.
    const boundary = 'fuzz-boundary';
    const broken = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 400 }).map((bytes) => Buffer.from(bytes)),
      fc
        .string()
        .map((s) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n${s}`)),
      fc
        .string()
        .map((s) =>
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${s}"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 truncated`,
          ),
        ),
    );
    choices.push(
      broken.map((payload) => ({
        method,
        url: fill(path, {}),
        ...withBody(payload, `multipart/form-data; boundary=${boundary}`),
      })),
    );
  }
  return choices.length > 0 ? fc.oneof(...choices) : null;
}

function describeResponse(request: FuzzRequest, response: LightMyRequestResponse): string {
  const payload = request.payload === undefined ? '' : ` ${String(request.payload).slice(0, 300)}`;
  return `${request.method} ${request.url}${payload} → ${response.statusCode} ${response.body.slice(0, 300)}`;
}

describeEachDatabase(
  'every route refuses generated invalid input with a 4xx and writes nothing',
  (current) => {
    let app: FastifyInstance;
    let database: Database;
    let endpoints: Endpoint[] = [];
    const browsers: Record<'supervisor' | 'admin', Browser | undefined> = {
      supervisor: undefined,
      admin: undefined,
    };

    beforeAll(async () => {
      database = current();
      const { organizationId } = await seedOrganization(database);
      await seedUser(database, organizationId, 'duban', ['supervisor']);
      await seedUser(database, organizationId, 'admin', ['admin']);
      app = await testApp(database, { now: new TestClock(new Date('2024-04-20T02:00:00Z')).now });
      browsers.supervisor = await login(app, 'duban');
      browsers.admin = await login(app, 'admin');
      const imported = await app.inject({
        method: 'POST',
        url: '/api/plans',
        headers: browsers.supervisor.headers,
        payload: { text: yunxiText, createUnits: true },
      });
      expect(imported.statusCode, imported.body).toBe(201);
      const { id } = imported.json<{ id: number }>();
      const published = await app.inject({
        method: 'POST',
        url: `/api/plans/${id}/publish`,
        headers: browsers.supervisor.headers,
      });
      expect(published.statusCode, published.body).toBe(200);
      const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
        paths: Record<string, Record<string, Operation>>;
      }>();
      endpoints = Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, operation]) => ({
          method: method.toUpperCase() as Method,
          path: path.replace(/\{(\w+)\}/g, ':$1'),
          operation,
        })),
      );
    });
    afterAll(() => app?.close());

    it('fuzzes every route that takes input, as a user allowed to call it', async () => {
      expect(endpoints.length).toBeGreaterThan(50);
      const fuzzed: string[] = [];
      const before = await databaseFingerprint(database);
      for (const endpoint of endpoints) {
        const requests = invalidRequests(endpoint);
        if (!requests) continue;
        fuzzed.push(`${endpoint.method} ${endpoint.path}`);
        // Administrators' routes are fuzzed as the administrator, the rest as a supervisor: either
        // way the input is checked before anything else, so the answer is 400, 404, 413 or 415.
        const who = /\/(users|jobs|settings|calendar)/.test(endpoint.path)
          ? browsers.admin
          : browsers.supervisor;
        await fc.assert(
          fc.asyncProperty(requests, async (request) => {
            const response = await app.inject({
              method: request.method,
              url: request.url,
              headers: { ...who?.headers, ...request.headers },
              ...(request.payload === undefined ? {} : { payload: request.payload }),
            });
            const what = describeResponse(request, response);
            expect(response.statusCode, what).toBeGreaterThanOrEqual(400);
            expect(response.statusCode, what).toBeLessThan(500);
            const body = response.json<{ error?: { message?: string } }>();
            expect(body.error?.message ?? '', what).toMatch(HAN);
          }),
          { numRuns: RUNS_PER_ROUTE, seed: LONG ? undefined : 20240420 },
        );
        // Compared route by route, so a write is pinned on the route that made it.
        const after = await databaseFingerprint(database);
        expect(after, `${endpoint.method} ${endpoint.path} wrote`).toEqual(before);
      }
      // The prototype of every object is untouched by {"__proto__": …} bodies.
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
      expect(fuzzed.length).toBeGreaterThan(50);
    }, 240_000);

    it('answers 401 to anonymous callers of every route that needs a login, before reading their input', async () => {
      const before = await databaseFingerprint(database);
      for (const endpoint of endpoints) {
        if (endpoint.operation.security) continue;
        const requests = invalidRequests(endpoint);
        const samples = requests
          ? fc.sample(requests, { numRuns: 3, seed: 7 })
          : [{ method: endpoint.method, url: fill(endpoint.path, {}) }];
        for (const request of samples) {
          const response = await app.inject({
            method: request.method,
            url: request.url,
            ...(request.headers ? { headers: request.headers } : {}),
            ...(request.payload === undefined ? {} : { payload: request.payload }),
          });
          // A path broken so badly that no route matches is a 404, and a body that is not JSON at
          // all a 400, before any login is asked for; but no route's own rules are ever applied.
          const what = describeResponse(request, response);
          expect([400, 401, 404, 413, 415], what).toContain(response.statusCode);
          if (response.statusCode === 400) {
            expect(response.json<{ error: { details: object } }>().error.details, what).not.toHaveProperty(
              'issues',
            );
          }
        }
      }
      expect(await databaseFingerprint(database)).toEqual(before);
    });

    it('refuses a JSON body over the size limit with 413 and a Chinese message', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/plans',
        headers: { ...browsers.supervisor?.headers, 'content-type': 'application/json' },
        payload: JSON.stringify({ text: 'a'.repeat(6 * 1024 * 1024) }),
      });
      expect(response.statusCode).toBe(413);
      expect(response.json<{ error: { message: string } }>().error.message).toMatch(HAN);
    });

    it("answers the router's own refusals (overlong parameter, broken %-escape) in Chinese with the security headers", async () => {
      for (const url of [
        `/api/plans/${'9'.repeat(200)}`,
        '/api/plans/%E0%A4%A',
        `/ical/${'a'.repeat(300)}.ics`,
      ]) {
        const response = await app.inject({ method: 'GET', url, headers: browsers.supervisor?.headers });
        expect(response.statusCode, url).toBe(400);
        expect(response.json<{ error: { message: string } }>().error.message).toMatch(HAN);
        expect(response.headers['content-security-policy'], url).toContain("default-src 'self'");
        expect(response.headers['x-content-type-options']).toBe('nosniff');
      }
    });

    it('refuses a NUL character in any text, which PostgreSQL could not store, with 400 and writes nothing', async () => {
      const before = await databaseFingerprint(database);
      const response = await app.inject({
        method: 'POST',
        url: '/api/leaders',
        headers: browsers.admin?.headers,
        payload: { name: '陈\u0000玲玲' },
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json<{ error: { message: string } }>().error.message).toMatch(HAN);
      expect(await databaseFingerprint(database)).toEqual(before);
    });

    it('keeps the refused password of a fuzzed login out of every answer', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'duban', password: `${TEST_PASSWORD}x`.repeat(20) },
      });
      expect(response.statusCode).toBe(400);
      expect(response.body).not.toContain(TEST_PASSWORD);
    });
  },
  { fresh: 'all' },
);

describe('the invalid-input generator', () => {
  it('produces only values the schema refuses', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 5 },
        kind: { type: 'string', enum: ['a', 'b'] },
        count: { type: 'integer', minimum: 1, maximum: 9 },
      },
      required: ['name'],
    };
    const arbitrary = invalidObject(schema);
    if (!arbitrary) throw new Error('no generator');
    for (const value of fc.sample(arbitrary, { numRuns: 300, seed: 1 })) {
      const name = value.name;
      const valid =
        typeof name === 'string' &&
        name.length >= 1 &&
        name.length <= 5 &&
        (value.kind === undefined || value.kind === 'a' || value.kind === 'b') &&
        (value.count === undefined ||
          (typeof value.count === 'number' &&
            Number.isInteger(value.count) &&
            value.count >= 1 &&
            value.count <= 9));
      expect(valid, JSON.stringify(value)).toBe(false);
    }
  });
});
