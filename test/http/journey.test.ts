import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { skipsPostgres, testPostgresUrl } from '../support/databases.ts';
import { startServerProcess } from '../support/server-process.ts';

// The whole year in one walk, against the real server process over HTTP: first administrator,
// import, publish, accounts, a report with a file, another unit locked out, return, re-submit,
// accept, and the light following along. Runs on SQLite and on PostgreSQL.

const notice = readFileSync(
  new URL('../fixtures/notices/yunxi-2024-jiaoti-gongzuo-yaodian.txt', import.meta.url),
);
const PASSWORD = 'journey-pass-2024';

/** A logged-in user of the running server. */
interface Session {
  headers: Record<string, string>;
}

class Client {
  constructor(readonly url: string) {}

  async login(username: string, password = PASSWORD): Promise<Session> {
    const response = await fetch(`${this.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0] ?? '')
      .find((c) => c.startsWith('duban_session='));
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return { headers: { cookie: cookie ?? '', 'x-csrf-token': csrfToken } };
  }

  async call(session: Session, method: string, path: string, body?: unknown) {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        ...session.headers,
        ...(body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
      },
      body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, json: () => JSON.parse(text) };
  }
}

interface TreeTask {
  id: number;
  lead: { name: string } | null;
  light?: { light: string; progress: number; reason: string };
}
interface Tree {
  sections: Array<{ items: Array<{ no: number; tasks: TreeTask[] }> }>;
}

function reportForm(narrative: string): FormData {
  const form = new FormData();
  form.append('period', '2024-04');
  form.append('status', 'on_track');
  form.append('percent', '40');
  form.append('narrative', narrative);
  form.append('files', new Blob(['4月12日召开党委理论中心组学习，纪要附后。']), '会议纪要.txt');
  return form;
}

let dataDir: string | undefined;
let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

async function walk(env: Record<string, string>): Promise<void> {
  const { child: server, url, setupToken: token, exited } = await startServerProcess(env);
  child = server;
  const api = new Client(url);

  const created = await fetch(`${url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, username: 'root', password: PASSWORD }),
  });
  expect(created.status).toBe(201);
  const admin = await api.login('root');
  const addUser = async (body: Record<string, unknown>) => {
    const response = await api.call(admin, 'POST', '/api/users', { password: PASSWORD, ...body });
    expect(response.status, response.text).toBe(201);
  };
  await addUser({ username: 'duban', roles: ['supervisor'] });
  const supervisor = await api.login('duban');

  const upload = new FormData();
  upload.append('file', new Blob([notice]), '云溪区2024年教体工作要点.txt');
  upload.append('createUnits', 'true');
  const imported = await api.call(supervisor, 'POST', '/api/plans', upload);
  expect(imported.status, imported.text).toBe(201);
  const planId = imported.json().id as number;
  expect((await api.call(supervisor, 'POST', `/api/plans/${planId}/publish`)).status).toBe(200);

  await addUser({ username: 'bgs', roles: ['department'], unit: '办公室' });
  await addUser({ username: 'rsg', roles: ['department'], unit: '人事股' });
  await addUser({ username: 'chenll', roles: ['leader'], leader: '陈玲玲' });
  const office = await api.login('bgs');
  const personnel = await api.login('rsg');
  const leader = await api.login('chenll');

  const taskOfItem1 = async () => {
    const tree = (await api.call(supervisor, 'GET', `/api/plans/${planId}`)).json() as Tree;
    const task = tree.sections
      .flatMap((s) => s.items)
      .find((i) => i.no === 1)
      ?.tasks.find((t) => t.lead?.name === '办公室');
    if (!task?.light) throw new Error('item 1 has no lit task of 办公室');
    return { id: task.id, ...task.light };
  };
  const before = await taskOfItem1();
  const taskId = before.id;
  const mine = (await api.call(office, 'GET', '/api/tasks?mine=true')).json() as {
    tasks: Array<{ id: number }>;
  };
  expect(mine.tasks.map((t) => t.id)).toContain(taskId);

  const filed = await api.call(office, 'POST', `/api/tasks/${taskId}/reports`, reportForm('已召开会议'));
  expect(filed.status, filed.text).toBe(201);
  const reportId = filed.json().id as number;
  const fileId = filed.json().evidence[0].id as number;
  const submitted = await taskOfItem1();

  const download = await fetch(`${url}/api/files/${fileId}`, { headers: office.headers });
  expect(download.status).toBe(200);
  expect(download.headers.get('content-disposition')).toContain(encodeURIComponent('会议纪要.txt'));

  // 人事股 may neither see nor touch 办公室's work: everything about it is 404.
  expect((await api.call(personnel, 'GET', `/api/files/${fileId}`)).status).toBe(404);
  expect(
    (await api.call(personnel, 'POST', `/api/reports/${reportId}/review`, { decision: 'accept' })).status,
  ).toBe(404);
  expect(
    (await api.call(personnel, 'POST', `/api/tasks/${taskId}/reports`, reportForm('冒名填报'))).status,
  ).toBe(404);
  const personnelTasks = (await api.call(personnel, 'GET', '/api/tasks')).json() as {
    tasks: Array<{ id: number }>;
  };
  expect(personnelTasks.tasks.map((t) => t.id)).not.toContain(taskId);

  const returned = await api.call(leader, 'POST', `/api/reports/${reportId}/review`, {
    decision: 'return',
    comment: '请补充会议签到表',
  });
  expect(returned.status, returned.text).toBe(200);
  const afterReturn = await taskOfItem1();
  const refiled = await api.call(office, 'POST', `/api/tasks/${taskId}/reports`, reportForm('已补充签到表'));
  expect(refiled.status, refiled.text).toBe(201);
  expect(refiled.json().id).toBe(reportId);
  const accepted = await api.call(leader, 'POST', `/api/reports/${reportId}/review`, { decision: 'accept' });
  expect(accepted.status, accepted.text).toBe(200);
  const afterAccept = await taskOfItem1();

  // The light is computed as of today, so a 2024 plan is long overdue; what moves is the reason:
  // the April report counts while handed in, stops counting when returned, counts again once accepted.
  const view = (l: { light: string; reason: string }) => `${l.light}：${l.reason}`;
  // Late reports are told per unit: 办公室 owes March to December, then all but April.
  expect(before.reason).toContain('办公室：3–12月报告未交');
  expect(submitted.reason).toContain('办公室：3月、5–12月报告未交');
  expect(view(submitted)).not.toBe(view(before));
  expect(view(afterReturn)).toBe(view(before));
  expect(view(afterAccept)).toBe(view(submitted));

  server.kill('SIGTERM');
  expect(await exited).toBe(0);
}

describe('journey through the real server', () => {
  it('walks the year on SQLite', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'duban-journey-'));
    await walk({ DATABASE_URL: `sqlite:${join(dataDir, 'duban.db')}` });
  }, 90_000);

  // The schema is dropped after the run by test/support/global-setup.ts, never here.
  it.skipIf(skipsPostgres())(
    'walks the year on PostgreSQL',
    async () => {
      const schema = `${process.env.DUBAN_TEST_RUN ?? 'tlocal'}_${randomBytes(5).toString('hex')}`;
      await walk({ DATABASE_URL: testPostgresUrl, DATABASE_SCHEMA: schema });
    },
    90_000,
  );
});
