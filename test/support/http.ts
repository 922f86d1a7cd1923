import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../src/db/connect.ts';
import { insertOrganization } from '../../src/db/queries/organizations.ts';
import { insertUnit } from '../../src/db/queries/units.ts';
import { addUser } from '../../src/domain/accounts/add-user.ts';
import { type Role, systemActor } from '../../src/domain/context.ts';
import { type AppOptions, buildApp } from '../../src/http/app.ts';

/** A password that satisfies the policy, shared by test accounts. */
export const TEST_PASSWORD = 'correct-horse-42';

/** A fixed clock the test can move forward. */
export class TestClock {
  constructor(public current = new Date('2024-04-15T02:00:00Z')) {}
  readonly now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** An organization with the departments 办公室 and 人事股 and a school, for account tests. */
export async function seedOrganization(database: Database, name = '郧西县教育局') {
  const at = '2024-01-01T00:00:00Z';
  const organizationId = await insertOrganization(database.db, { name, createdAt: at });
  const office = await insertUnit(database.db, {
    organizationId,
    kind: 'department',
    name: '办公室',
    createdAt: at,
  });
  const personnel = await insertUnit(database.db, {
    organizationId,
    kind: 'department',
    name: '人事股',
    createdAt: at,
  });
  const school = await insertUnit(database.db, {
    organizationId,
    kind: 'school',
    name: '城关小学',
    createdAt: at,
  });
  return { organizationId, office, personnel, school };
}

/** Creates an account through the use case the CLI uses. */
export async function seedUser(
  database: Database,
  organizationId: number,
  username: string,
  roles: Role[],
  unit?: string,
): Promise<number> {
  const ctx = {
    db: database.db,
    dialect: database.dialect,
    actor: systemActor(organizationId),
    now: () => new Date(),
  };
  const { id } = await addUser(ctx, { username, password: TEST_PASSWORD, roles, unit });
  return id;
}

/** The app over a test database, quiet and without the web app (tests of pages use a real server). */
export function testApp(database: Database, options: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  return buildApp({ database, logger: false, webRoot: false, ...options });
}

/** A logged-in browser: its cookie header and CSRF token. */
export interface Browser {
  cookie: string;
  csrf: string;
  headers: { cookie: string; 'x-csrf-token': string };
}

/** The name=value part of the session cookie a response set. */
export function sessionCookie(response: LightMyRequestResponse): string {
  const found = response.cookies.find((c) => c.name === 'duban_session');
  if (!found) throw new Error(`no session cookie (status ${response.statusCode}: ${response.body})`);
  return `duban_session=${found.value}`;
}

/** Logs in and returns the browser state; throws when the login fails. */
export async function login(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Browser> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = sessionCookie(response);
  const csrf = response.json<{ csrfToken: string }>().csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

/** A multipart/form-data body for app.inject: text fields, then files under the field "files" (or `fileField`). */
export function multipartBody(
  fields: Record<string, string>,
  files: ReadonlyArray<{ name: string; bytes: Buffer }>,
  fileField = 'files',
): { payload: Buffer; type: string } {
  const boundary = '----duban-test-form';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${file.name}"\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}
