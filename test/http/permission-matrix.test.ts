import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBlob } from '../../src/db/queries/blobs.ts';
import { insertRow } from '../../src/db/queries/collection.ts';
import type { BulletinContent } from '../../src/shared/bulletins.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  type Browser,
  login,
  multipartBody,
  seedOrganization,
  seedUser,
  TEST_PASSWORD,
  TestClock,
  testApp,
} from '../support/http.ts';
import { yunxiText } from '../support/yunxi.ts';

// Every route × role × own/other unit, with the exact status each must answer. Rows run in order
// on one database, so the few successful writes come after the refusals of the same route and later
// rows see their effect (409). The last test fails, naming the route and role, when a route of the
// app has no row for one of the roles: adding a route means adding its rows here.

type Role =
  | 'admin'
  | 'supervisor'
  | 'leader'
  | 'office'
  | 'personnel'
  | 'viewer'
  | 'outsider'
  | 'otherAdmin'
  | 'otherDepartment'
  | 'anonymous'
  | 'security_admin'
  | 'auditor';
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const ROLES: readonly Role[] = [
  'anonymous',
  'outsider',
  'viewer',
  'personnel',
  'office',
  'leader',
  'admin',
  'supervisor',
  'security_admin',
  'auditor',
];

interface Fixture {
  planId: number;
  /** Item 1's task, led by 办公室; item 1 names 陈玲玲. */
  officeTask: number;
  /** Item 2's task, owned by 人事股 only. */
  personnelTask: number;
  /** Item 5's task, whose item does not name 陈玲玲. */
  item5Task: number;
  /** 办公室's report on officeTask, with one file. */
  officeReport: number;
  officeFile: number;
  /** Item 1 and an indicator of officeTask. */
  item1: number;
  officeIndicator: number;
  /** A second import of the notice, left a draft, and its first item. */
  draftPlan: number;
  draftItem: number;
  /** Units and a leader of the bureau; an account that only exists to be changed. */
  officeUnit: number;
  personnelUnit: number;
  leaderId: number;
  spareUser: number;
  /** 办公室's own API token. */
  officeToken: number;
  /** 人事股's extension request and completion request on personnelTask. */
  extension: number;
  completion: number;
  /** 办公室's occurrence on officeIndicator. */
  occurrence: number;
  /** A 督办单 to 办公室 on officeTask, and a finding 办公室 must rectify. */
  notice: number;
  finding: number;
  /** A notification 办公室 received. */
  notification: number;
  /** The supervisor's draft bulletin (工作通报) of March, and its edit form at version 1. */
  bulletin: number;
  bulletinEdit: Record<string, unknown>;
  /** The built-in seven-indicator form, an open round on it and one submitted row (with a file). */
  balanceForm: number;
  balanceRound: number;
  balanceRow: number;
}

interface Row {
  method: Method;
  url: (f: Fixture) => string;
  as: Role;
  status: number;
  body?: Record<string, unknown> | ((f: Fixture) => Record<string, unknown>);
  /** A multipart form instead of a JSON body. */
  form?: Record<string, string>;
}

const report = { period: '2024-04', status: 'on_track', percent: 30, narrative: '已召开会议' };
const all = (url: (f: Fixture) => string, statuses: Partial<Record<Role, number>>): Row[] =>
  Object.entries(statuses).map(([as, status]) => ({ method: 'GET', url, as: as as Role, status }));
const post = (
  url: (f: Fixture) => string,
  as: Role,
  status: number,
  body?: Record<string, unknown>,
): Row => ({
  method: 'POST',
  url,
  as,
  status,
  body,
});
// 三员分立: the three administrators see no business data; a plan, its dashboard or a file does not
// exist for them (404), a list is empty (200).
const readers = {
  admin: 404,
  supervisor: 200,
  leader: 200,
  office: 200,
  personnel: 200,
  viewer: 200,
  security_admin: 404,
  auditor: 404,
};
const lists = { admin: 200, security_admin: 200, auditor: 200 };
/**
 * One route for every role: `statuses` lists the answers in ROLES order (anonymous outsider viewer
 * personnel office leader admin supervisor security_admin auditor), and the rows run in that order.
 */
const call = (
  method: Method,
  url: (f: Fixture) => string,
  statuses: string,
  input: Pick<Row, 'body' | 'form'> = {},
): Row[] => {
  const codes = statuses.trim().split(/\s+/).map(Number);
  if (codes.length !== ROLES.length) throw new Error(`${method} ${url.toString()}: ${statuses}`);
  return ROLES.map((as, i) => ({ method, url, as, status: codes[i] ?? 0, ...input }));
};
const notificationSettings = {
  daysBeforeDue: 3,
  leaderAfterDays: 2,
  supervisorAfterDays: 5,
  quietStart: '',
  quietEnd: '',
  emailEnabled: false,
  smtpHost: '',
  smtpPort: 465,
  smtpSecure: true,
  smtpUser: '',
  smtpFrom: '',
  wecomEnabled: false,
  dingtalkEnabled: false,
};

const matrix: Row[] = [
  ...all((f) => `/api/plans/${f.planId}`, { ...readers, outsider: 404, anonymous: 401 }),
  ...all((f) => `/api/plans/${f.planId}/dashboard`, { ...readers, outsider: 404, anonymous: 401 }),
  ...all(() => '/api/tasks', { ...readers, ...lists, outsider: 200, anonymous: 401 }),
  // Viewers read everything of their bureau (DESIGN.md), evidence included.
  ...all((f) => `/api/files/${f.officeFile}`, { ...readers, personnel: 404, outsider: 404, anonymous: 401 }),
  ...all(() => '/api/audit', {
    admin: 403,
    security_admin: 403,
    auditor: 200,
    supervisor: 403,
    leader: 403,
    office: 403,
    personnel: 403,
    viewer: 403,
    outsider: 403,
    anonymous: 401,
  }),
  // Only the 审计管理员 exports the audit trail (.xlsx, itself audited).
  ...all(() => '/api/audit/export.xlsx', {
    admin: 403,
    security_admin: 403,
    auditor: 200,
    supervisor: 403,
    leader: 403,
    office: 403,
    personnel: 403,
    viewer: 403,
    outsider: 403,
    anonymous: 401,
  }),
  ...(['personnel', 'outsider'] as const).map((as) =>
    post((f) => `/api/tasks/${f.officeTask}/acknowledge`, as, 404),
  ),
  ...(['leader', 'viewer', 'supervisor'] as const).map((as) =>
    post((f) => `/api/tasks/${f.officeTask}/acknowledge`, as, 403),
  ),
  ...(['admin', 'security_admin', 'auditor'] as const).map((as) =>
    post((f) => `/api/tasks/${f.officeTask}/acknowledge`, as, 404),
  ),
  post((f) => `/api/tasks/${f.officeTask}/acknowledge`, 'anonymous', 401),
  post((f) => `/api/tasks/${f.item5Task}/acknowledge`, 'leader', 404),
  post((f) => `/api/tasks/${f.personnelTask}/acknowledge`, 'office', 404),
  // 办公室 filed its report on the task in the fixture, which acknowledged it already.
  post((f) => `/api/tasks/${f.officeTask}/acknowledge`, 'office', 409),
  ...(['personnel', 'outsider'] as const).map((as) =>
    post((f) => `/api/tasks/${f.officeTask}/reports`, as, 404, report),
  ),
  ...(['leader', 'viewer', 'supervisor'] as const).map((as) =>
    post((f) => `/api/tasks/${f.officeTask}/reports`, as, 403, report),
  ),
  post((f) => `/api/tasks/${f.officeTask}/reports`, 'office', 409, report),
  post((f) => `/api/tasks/${f.officeTask}/reports`, 'anonymous', 401, report),
  ...(['admin', 'security_admin', 'auditor'] as const).map((as) =>
    post((f) => `/api/tasks/${f.officeTask}/reports`, as, 404, report),
  ),
  post((f) => `/api/tasks/${f.personnelTask}/reports`, 'office', 404, report),
  post((f) => `/api/tasks/${f.personnelTask}/reports`, 'personnel', 201, report),
  ...(['personnel', 'outsider'] as const).map((as) =>
    post((f) => `/api/reports/${f.officeReport}/review`, as, 404, { decision: 'accept' }),
  ),
  ...(['office', 'viewer'] as const).map((as) =>
    post((f) => `/api/reports/${f.officeReport}/review`, as, 403, { decision: 'accept' }),
  ),
  post((f) => `/api/reports/${f.officeReport}/review`, 'leader', 200, {
    decision: 'return',
    comment: '请补充',
  }),
  ...(['admin', 'security_admin', 'auditor'] as const).map((as) =>
    post((f) => `/api/reports/${f.officeReport}/review`, as, 404, { decision: 'accept' }),
  ),
  post((f) => `/api/reports/${f.officeReport}/review`, 'supervisor', 409, { decision: 'accept' }),
  post((f) => `/api/reports/${f.officeReport}/review`, 'anonymous', 401, { decision: 'accept' }),
  // Publishing is the supervisors' (src/policies/plans.ts); administrators manage accounts only.
  ...(['admin', 'security_admin', 'auditor', 'leader', 'office', 'personnel', 'viewer'] as const).map((as) =>
    post((f) => `/api/plans/${f.planId}/publish`, as, 403),
  ),
  post((f) => `/api/plans/${f.planId}/publish`, 'outsider', 404),
  post((f) => `/api/plans/${f.planId}/publish`, 'anonymous', 401),
  post((f) => `/api/plans/${f.planId}/publish`, 'supervisor', 409),
];

// Every other route, one line per route, statuses in ROLES order (anonymous outsider viewer
// personnel office leader admin supervisor security_admin auditor). The three administrators
// (三员分立: admin, security_admin, auditor) hold no business rights (src/policies).
const routes: Row[] = [
  ...call('GET', () => '/healthz', '200 200 200 200 200 200 200 200 200 200'),
  ...call('GET', () => '/api/openapi.json', '200 200 200 200 200 200 200 200 200 200'),
  ...call('GET', () => '/api/docs', '200 200 200 200 200 200 200 200 200 200'),
  ...call('GET', () => '/api/setup', '200 200 200 200 200 200 200 200 200 200'),
  ...call('POST', () => '/api/setup', '404 404 404 404 404 404 404 404 404 404', {
    body: { token: 'not-the-token', username: 'matrix-admin', password: TEST_PASSWORD },
  }),
  // After the third failure the name waits (429, growing delays), whoever sends it.
  ...call('POST', () => '/api/session', '401 401 401 429 429 429 429 429 429 429', {
    body: { username: 'nobody', password: 'wrong-password' },
  }),
  ...call('GET', () => '/api/me', '401 200 200 200 200 200 200 200 200 200'),
  ...call('POST', () => '/api/me/password', '401 400 400 400 400 400 400 400 400 400', {
    body: { current: 'wrong-password', next: 'another-horse-43' },
  }),
  // Only a session waiting for its second step may send a code; a complete one has none to send.
  ...call('POST', () => '/api/session/two-factor', '401 409 409 409 409 409 409 409 409 409', {
    body: { code: '123456' },
  }),
  ...call('GET', () => '/api/me/two-factor', '401 200 200 200 200 200 200 200 200 200'),
  ...call('POST', () => '/api/me/two-factor/setup', '401 200 200 200 200 200 200 200 200 200'),
  ...call('POST', () => '/api/me/two-factor', '401 400 400 400 400 400 400 400 400 400', {
    body: { code: '000000' },
  }),
  // The security administrator's pages (password, session and 2FA policy; locks): nobody else's.
  ...call('GET', () => '/api/security/policy', '401 403 403 403 403 403 403 403 200 403'),
  ...call('PUT', () => '/api/security/policy', '401 403 403 403 403 403 403 403 200 403', {
    body: {
      passwordComplexity: true,
      passwordMaxAgeDays: 0,
      idleMinutes: 30,
      absoluteHours: 12,
      twoFactorRoles: [],
    },
  }),
  ...call('GET', () => '/api/security/locks', '401 403 403 403 403 403 403 403 200 403'),
  ...call('POST', () => '/api/security/unlock', '401 403 403 403 403 403 403 403 404 403', {
    body: { kind: 'account', value: 'nobody' },
  }),
  ...call('GET', () => '/api/security/users', '401 403 403 403 403 403 403 403 200 403'),
  ...call(
    'DELETE',
    (f) => `/api/security/users/${f.spareUser}/two-factor`,
    '401 403 403 403 403 403 403 403 204 403',
  ),
  ...call('GET', () => '/api/users', '401 403 403 403 403 403 200 403 403 403'),
  ...call('POST', () => '/api/users', '401 403 403 403 403 403 201 403 403 403', {
    body: { username: 'matrix-new', password: TEST_PASSWORD, roles: ['viewer'] },
  }),
  ...call('PATCH', (f) => `/api/users/${f.spareUser}`, '401 403 403 403 403 403 204 403 403 403', {
    body: { displayName: '备用' },
  }),
  ...call('POST', (f) => `/api/users/${f.spareUser}/password`, '401 403 403 403 403 403 204 403 403 403', {
    body: { password: 'another-horse-43' },
  }),
  ...call('POST', (f) => `/api/users/${f.spareUser}/disable`, '401 403 403 403 403 403 204 403 403 403'),
  ...call('POST', (f) => `/api/users/${f.spareUser}/enable`, '401 403 403 403 403 403 204 403 403 403'),
  ...call('PUT', (f) => `/api/users/${f.spareUser}/roles`, '401 403 403 403 403 403 200 403 403 403', {
    body: { roles: ['viewer'] },
  }),
  ...call('GET', () => '/api/tokens', '401 200 200 200 200 200 200 200 200 200'),
  ...call('POST', () => '/api/tokens', '401 201 201 201 201 201 201 201 201 201', { body: { name: '矩阵' } }),
  ...call('DELETE', (f) => `/api/tokens/${f.officeToken}`, '401 404 404 404 204 404 204 404 404 404'),
  ...call('GET', (f) => `/api/users/${f.spareUser}/tokens`, '401 404 404 404 404 404 200 404 404 404'),
  ...call('POST', (f) => `/api/users/${f.spareUser}/tokens`, '401 404 404 404 404 404 201 404 404 404', {
    body: { name: '矩阵' },
  }),
  ...call('POST', () => '/api/notices/parse', '401 200 403 403 403 403 403 200 403 403', {
    form: { text: yunxiText },
  }),
  ...call('GET', () => '/api/plans', '401 200 200 200 200 200 200 200 200 200'),
  ...call('GET', (f) => `/api/items/${f.item1}`, '401 404 200 200 200 200 404 200 404 404'),
  ...call('GET', (f) => `/api/plans/${f.draftPlan}/edit-choices`, '401 404 403 403 403 403 403 200 403 403'),
  ...call(
    'PATCH',
    (f) => `/api/plans/${f.draftPlan}/items/${f.draftItem}`,
    '401 404 403 403 403 403 403 200 403 403',
    {
      body: { version: 1, title: '矩阵要点' },
    },
  ),
  // Plan comparison and carry-over (年度对比), against the draft plan before it is deleted below.
  // Everyone of the bureau compares; only supervisors and admins link plans and carry tasks over.
  ...call(
    'GET',
    (f) => `/api/plans/${f.planId}/comparison?base=${f.draftPlan}`,
    '401 404 200 200 200 200 404 200 404 404',
  ),
  ...call('PUT', (f) => `/api/plans/${f.planId}/previous-plan`, '401 404 403 403 403 403 404 200 404 404', {
    body: { previousPlanId: null },
  }),
  ...call(
    'GET',
    (f) => `/api/plans/${f.planId}/carry-over?base=${f.draftPlan}`,
    '401 404 403 403 403 403 404 200 404 404',
  ),
  // officeTask belongs to this year's plan, not to the base: refused after the permission checks.
  ...call('POST', (f) => `/api/plans/${f.planId}/carry-over`, '401 404 403 403 403 403 404 400 404 404', {
    body: (f) => ({ base: f.draftPlan, tasks: [{ taskId: f.officeTask }] }),
  }),
  ...call('DELETE', (f) => `/api/plans/${f.draftPlan}`, '401 404 403 403 403 403 403 200 403 403'),
  ...call('PATCH', (f) => `/api/tasks/${f.officeTask}`, '401 404 403 404 403 403 404 409 404 404', {
    body: { version: 99, dueOn: '2024-12-30' },
  }),
  ...call(
    'POST',
    (f) => `/api/indicators/${f.officeIndicator}/occurrences`,
    '401 404 403 404 201 403 404 403 404 404',
    {
      form: { date: '2024-04-18', note: '矩阵' },
    },
  ),
  // What a period owes: whoever may see the task (a unit sees only its own tasks).
  ...call(
    'GET',
    (f) => `/api/tasks/${f.officeTask}/obligations?period=2024-04`,
    '401 404 200 404 200 200 404 200 404 404',
  ),
  ...call('POST', (f) => `/api/tasks/${f.officeTask}/extensions`, '401 404 403 404 201 403 404 403 404 404', {
    body: { newDueOn: '2025-01-15', reason: '矩阵' },
  }),
  ...call('POST', (f) => `/api/tasks/${f.officeTask}/completion`, '401 404 403 404 201 403 404 403 404 404', {
    form: { note: '矩阵' },
  }),
  ...call('GET', () => '/api/workbench', '401 200 200 200 200 200 200 200 200 200'),
  ...call('GET', () => '/api/badges', '401 200 200 200 200 200 200 200 200 200'),
  ...call('GET', () => '/api/reviews', '401 200 200 200 200 200 200 200 200 200'),
  ...call('POST', () => '/api/reviews/bulk', '401 200 200 200 200 200 200 200 200 200', {
    body: (f) => ({ decision: 'accept', reports: [{ id: f.officeReport, version: 99 }] }),
  }),
  ...call(
    'POST',
    (f) => `/api/occurrences/${f.occurrence}/review`,
    '401 404 403 404 403 200 404 409 404 404',
    {
      body: { decision: 'return', comment: '矩阵' },
    },
  ),
  ...call(
    'POST',
    (f) => `/api/extensions/${f.extension}/decision`,
    '401 404 403 403 404 200 404 409 404 404',
    {
      body: { decision: 'refuse', comment: '矩阵' },
    },
  ),
  ...call(
    'POST',
    (f) => `/api/completions/${f.completion}/decision`,
    '401 404 403 403 404 403 404 200 404 404',
    {
      body: { decision: 'return', comment: '矩阵' },
    },
  ),
  ...call('GET', () => '/api/units', '401 200 200 200 200 200 200 200 200 200'),
  ...call('POST', () => '/api/units', '401 201 403 403 403 403 201 409 403 403', {
    body: { name: '矩阵股', kind: 'department' },
  }),
  ...call('PATCH', (f) => `/api/units/${f.personnelUnit}`, '401 404 403 403 403 403 204 204 403 403', {
    body: { name: '人事股' },
  }),
  ...call('POST', (f) => `/api/units/${f.personnelUnit}/aliases`, '401 404 403 403 403 403 201 201 403 403', {
    body: { alias: '人事' },
  }),
  ...call(
    'DELETE',
    (f) => `/api/units/${f.personnelUnit}/aliases/999999`,
    '401 404 403 403 403 403 404 404 403 403',
  ),
  ...call('GET', () => '/api/leaders', '401 200 200 200 200 200 200 200 200 200'),
  ...call('POST', () => '/api/leaders', '401 201 403 403 403 403 201 409 403 403', {
    body: { name: '矩阵领导' },
  }),
  ...call('PATCH', (f) => `/api/leaders/${f.leaderId}`, '401 404 403 403 403 403 204 204 403 403', {
    body: { title: '副局长' },
  }),
  ...call('GET', () => '/api/settings', '401 200 200 200 200 200 200 200 200 200'),
  ...call('PUT', () => '/api/settings/lights', '401 403 403 403 403 403 200 403 403 403', {
    body: { reportGraceDays: 3, dueSoonDays: 7, redBelowShare: 0.5 },
  }),
  ...call('PUT', () => '/api/settings/reporting', '401 403 403 403 403 403 200 403 403 403', {
    body: { cycle: 'month', dueDay: 25 },
  }),
  ...call('GET', () => '/api/calendar?year=2024', '401 200 200 200 200 200 200 200 200 200'),
  ...call('PUT', () => '/api/calendar/days/2024-10-08', '401 403 403 403 403 403 200 403 403 403', {
    body: { kind: 'holiday', name: '矩阵' },
  }),
  ...call('DELETE', () => '/api/calendar/days/2024-10-08', '401 403 403 403 403 403 204 403 403 403'),
  ...call('PUT', () => '/api/school-calendar/2024', '401 200 403 403 403 403 200 200 403 403', {
    body: { terms: [] },
  }),
  ...call('GET', (f) => `/api/plans/${f.planId}/reporting`, '401 404 200 200 200 200 404 200 404 404'),
  ...call('PUT', (f) => `/api/plans/${f.planId}/reporting`, '401 404 403 403 403 403 403 200 403 403', {
    body: { cycle: null, dueDay: null },
  }),
  ...call('GET', (f) => `/api/tasks/${f.officeTask}/reporting`, '401 404 200 404 200 200 404 200 404 404'),
  ...call('PUT', (f) => `/api/tasks/${f.officeTask}/reporting`, '401 404 403 403 403 403 403 200 403 403', {
    body: { cycle: null, dueDay: null },
  }),
  ...call('GET', () => '/api/jobs', '401 403 403 403 403 403 200 403 403 403'),
  ...call('POST', () => '/api/jobs/no-such-job/retry', '401 403 403 403 403 403 404 403 403 403'),
  ...call('GET', () => '/api/notifications', '401 200 200 200 200 200 200 200 200 200'),
  ...call('GET', () => '/api/notifications/unread-count', '401 200 200 200 200 200 200 200 200 200'),
  ...call(
    'POST',
    (f) => `/api/notifications/${f.notification}/read`,
    '401 404 404 404 204 404 404 404 404 404',
  ),
  ...call('POST', () => '/api/notifications/read-all', '401 200 200 200 200 200 200 200 200 200'),
  ...call('GET', () => '/api/reminders', '401 200 403 403 403 403 403 200 403 403'),
  ...call('POST', (f) => `/api/tasks/${f.officeTask}/urge`, '401 404 403 404 403 403 404 400 404 404', {
    body: { message: '矩阵' },
  }),
  ...call('POST', (f) => `/api/items/${f.item1}/urge`, '401 404 403 403 403 403 403 400 403 403', {
    body: {},
  }),
  ...call('GET', () => '/api/settings/notifications', '401 403 403 403 403 403 200 403 403 403'),
  ...call('PUT', () => '/api/settings/notifications', '401 403 403 403 403 403 200 403 403 403', {
    body: notificationSettings,
  }),
  ...call('POST', () => '/api/settings/notifications/test', '401 403 403 403 403 403 400 403 403 403', {
    body: { channel: 'wecom' },
  }),
  ...call('POST', () => '/api/supervision-notices', '401 404 403 403 403 403 404 201 404 404', {
    body: (f) => ({
      taskId: f.officeTask,
      problem: '进度滞后',
      requirement: '请说明',
      replyDueOn: '2024-05-10',
    }),
  }),
  ...call('GET', () => '/api/supervision-notices', '401 200 200 200 200 200 200 200 200 200'),
  ...call('GET', (f) => `/api/supervision-notices/${f.notice}`, '401 404 200 404 200 200 404 200 404 404'),
  ...call(
    'GET',
    (f) => `/api/supervision-notices/${f.notice}/docx`,
    '401 404 200 404 200 200 404 200 404 404',
  ),
  ...call(
    'POST',
    (f) => `/api/supervision-notices/${f.notice}/reply`,
    '401 404 403 404 200 403 404 403 404 404',
    {
      body: { reply: '已整改', version: 1 },
    },
  ),
  ...call(
    'POST',
    (f) => `/api/supervision-notices/${f.notice}/return`,
    '401 404 403 404 403 403 404 200 404 404',
    {
      body: { comment: '请补充', version: 2 },
    },
  ),
  ...call(
    'POST',
    (f) => `/api/supervision-notices/${f.notice}/accept`,
    '401 404 403 404 403 403 404 409 404 404',
    {
      body: { version: 3 },
    },
  ),
  ...call(
    'GET',
    (f) => `/api/supervision/overview?planId=${f.planId}`,
    '401 404 403 403 403 200 403 200 403 403',
  ),
  ...call('GET', () => '/api/me/ical', '401 200 200 200 200 200 200 200 200 200'),
  ...call('POST', () => '/api/me/ical', '401 201 201 201 201 201 201 201 201 201'),
  ...call('DELETE', () => '/api/me/ical', '401 204 204 204 204 204 204 204 204 204'),
  ...call('GET', () => '/ical/ical_notatoken0000.ics', '404 404 404 404 404 404 404 404 404 404'),
  ...call('POST', () => '/api/findings', '401 400 403 403 201 403 403 201 403 403', {
    body: (f) => ({
      title: '灭火器过期',
      severity: 'low',
      dueOn: '2024-06-30',
      source: '专项检查',
      unitId: f.officeUnit,
    }),
  }),
  ...call('GET', () => '/api/findings', '401 200 200 200 200 200 200 200 200 200'),
  ...call('GET', (f) => `/api/findings/${f.finding}`, '401 404 200 404 200 404 404 200 404 404'),
  ...call('POST', (f) => `/api/findings/${f.finding}/rectify`, '401 404 403 404 200 404 404 403 404 404', {
    form: { note: '已整改' },
  }),
  ...call('POST', (f) => `/api/findings/${f.finding}/verify`, '401 404 403 404 403 404 404 200 404 404', {
    body: { decision: 'return', comment: '请补充' },
  }),
  ...call('POST', (f) => `/api/findings/${f.finding}/escalate`, '401 404 403 404 403 404 404 403 404 404', {
    body: { reason: '无力整改' },
  }),
  ...call('POST', (f) => `/api/findings/${f.finding}/assign`, '401 404 403 404 403 404 404 409 404 404', {
    body: (f) => ({ unitId: f.officeUnit }),
  }),
  ...call('POST', () => '/api/inspections', '401 403 403 201 201 403 403 403 403 403', {
    body: { period: '2024-04', findings: [] },
  }),
  ...call('GET', () => '/api/inspections', '401 200 200 200 200 200 200 200 200 200'),
  // School data collection (一表通) and the balance monitor: supervisors run rounds, leaders and viewers
  // read them, only a school fills its own rows (no role here is a school: 403 for all); another
  // bureau's supervisor finds nothing of this one (404) but reads its own lists.
  ...call('GET', () => '/api/balance/forms', '401 200 200 403 403 200 403 200 403 403'),
  ...call('POST', () => '/api/balance/forms', '401 201 403 403 403 403 403 201 403 403', {
    body: { name: '矩阵表', fields: [{ key: 'count', label: '数量' }] },
  }),
  ...call('GET', () => '/api/balance/rounds', '401 200 200 403 403 200 403 200 403 403'),
  ...call('POST', () => '/api/balance/rounds', '401 404 403 403 403 403 403 201 403 403', {
    body: (f) => ({ formId: f.balanceForm, name: '矩阵轮次', dueOn: '2024-06-30' }),
  }),
  ...call('GET', (f) => `/api/balance/rounds/${f.balanceRound}`, '401 404 200 403 403 200 403 200 403 403'),
  ...call(
    'POST',
    (f) => `/api/balance/rounds/${f.balanceRound}/rows`,
    '401 403 403 403 403 403 403 403 403 403',
    {
      form: { data: JSON.stringify({ rows: [{ stage: 'primary', values: {} }] }) },
    },
  ),
  ...call('GET', (f) => `/api/balance/rows/${f.balanceRow}/file`, '401 404 200 404 404 200 404 200 404 404'),
  ...call(
    'POST',
    (f) => `/api/balance/rows/${f.balanceRow}/review`,
    '401 404 403 403 403 403 403 200 403 403',
    {
      body: { decision: 'return', reason: '矩阵', version: 1 },
    },
  ),
  // The only row was returned: nothing accepted to lock (409), nothing to try a change on (400).
  ...call(
    'POST',
    (f) => `/api/balance/rounds/${f.balanceRound}/lock`,
    '401 404 403 403 403 403 403 409 403 403',
    {
      body: { force: true },
    },
  ),
  ...call(
    'GET',
    (f) => `/api/balance/rounds/${f.balanceRound}/template.xlsx`,
    '401 404 403 403 403 403 403 200 403 403',
  ),
  ...call(
    'POST',
    (f) => `/api/balance/rounds/${f.balanceRound}/import`,
    '401 404 403 403 403 403 403 400 403 403',
    {
      form: {},
    },
  ),
  ...call(
    'GET',
    (f) => `/api/balance/rounds/${f.balanceRound}/monitor`,
    '401 404 200 403 403 200 403 200 403 403',
  ),
  ...call(
    'POST',
    (f) => `/api/balance/rounds/${f.balanceRound}/what-if`,
    '401 404 400 403 403 400 403 400 403 403',
    {
      body: { changes: [{ name: '城关小学', stage: 'primary', key: 'pupils', delta: 1 }] },
    },
  ),
  ...call(
    'GET',
    (f) => `/api/balance/rounds/${f.balanceRound}/export.xlsx`,
    '401 404 200 403 403 200 403 200 403 403',
  ),
  ...call('GET', () => '/api/balance/trend', '401 200 200 403 403 200 403 200 403 403'),
  ...call('GET', () => '/api/balance/task-suggestion', '401 200 403 403 403 403 403 200 403 403'),
  // Monthly bulletins (工作通报): supervisors and admins write and read drafts; leaders and viewers
  // read issued ones only (a draft does not exist for them); departments and schools do not read
  // them here. The fixture's March draft is at version 1: the admin's writes succeed first, so the
  // supervisor's same request meets a stale version (409), then the admin issues it.
  ...call('POST', () => '/api/bulletins', '401 404 403 403 403 403 403 201 403 403', {
    body: (f) => ({ planId: f.planId, month: '2024-04' }),
  }),
  ...call('GET', () => '/api/bulletins', '401 200 200 403 403 200 403 200 403 403'),
  ...call('GET', (f) => `/api/bulletins/${f.bulletin}`, '401 404 404 403 403 404 403 200 403 403'),
  ...call('GET', (f) => `/api/bulletins/${f.bulletin}/docx`, '401 404 404 403 403 404 403 200 403 403'),
  ...call('PUT', (f) => `/api/bulletins/${f.bulletin}`, '401 404 403 403 403 403 403 200 403 403', {
    body: (f) => f.bulletinEdit,
  }),
  ...call(
    'POST',
    (f) => `/api/bulletins/${f.bulletin}/regenerate`,
    '401 404 403 403 403 403 403 200 403 403',
    {
      body: { version: 2 },
    },
  ),
  ...call('POST', (f) => `/api/bulletins/${f.bulletin}/issue`, '401 404 403 403 403 403 403 200 403 403', {
    body: { version: 3 },
  }),
  // Issued: leaders and viewers now read it and its stored file; nobody changes it any more.
  ...call('GET', (f) => `/api/bulletins/${f.bulletin}`, '401 404 200 403 403 200 403 200 403 403'),
  ...call('GET', (f) => `/api/bulletins/${f.bulletin}/docx`, '401 404 200 403 403 200 403 200 403 403'),
  ...call('PUT', (f) => `/api/bulletins/${f.bulletin}`, '401 404 403 403 403 403 403 409 403 403', {
    body: (f) => ({ ...f.bulletinEdit, version: 4 }),
  }),
  // Ledgers (台账): everyone of the bureau exports the tasks they see; the decomposition import
  // goes with publishing (supervisors, not admins) and refuses a form without its .xlsx (400).
  ...call('GET', (f) => `/api/plans/${f.planId}/ledger.xlsx`, '401 404 200 200 200 200 403 200 403 403'),
  ...call(
    'POST',
    (f) => `/api/plans/${f.planId}/decomposition/preview`,
    '401 404 403 403 403 403 403 400 403 403',
    {
      form: {},
    },
  ),
  ...call('POST', (f) => `/api/plans/${f.planId}/decomposition`, '401 404 403 403 403 403 403 400 403 403', {
    form: { digest: 'a'.repeat(64) },
  }),
  // Year-end evaluation (年终考核): everyone of the bureau reads it (departments and schools their own
  // line); only those who read every score export it; supervisors and admins edit it. The admin saves
  // the first rubric, so the supervisor's save without a version is stale (409). Locked last: after
  // the lock nothing changes.
  ...call('GET', (f) => `/api/plans/${f.planId}/evaluation`, '401 404 200 200 200 200 404 200 404 404'),
  ...call(
    'PUT',
    (f) => `/api/plans/${f.planId}/evaluation/rubric`,
    '401 404 403 403 403 403 404 200 404 404',
    {
      body: { completion: 60, timeliness: 25, quality: 15, bonusCap: 5, penaltyCap: 10 },
    },
  ),
  ...call(
    'POST',
    (f) => `/api/plans/${f.planId}/evaluation/adjustments`,
    '401 404 403 403 403 403 404 201 404 404',
    {
      body: (f) => ({ unitId: f.officeUnit, kind: 'bonus', points: 1, reason: '承办现场会' }),
    },
  ),
  ...call(
    'DELETE',
    (f) => `/api/plans/${f.planId}/evaluation/adjustments/999999`,
    '401 404 403 403 403 403 404 404 404 404',
  ),
  ...call('GET', (f) => `/api/plans/${f.planId}/evaluation/xlsx`, '401 404 200 403 403 200 403 200 403 403'),
  ...call('GET', (f) => `/api/plans/${f.planId}/evaluation/docx`, '401 404 200 403 403 200 403 200 403 403'),
  ...call(
    'POST',
    (f) => `/api/plans/${f.planId}/evaluation/lock`,
    '401 404 403 403 403 403 404 200 404 404',
    {
      body: { confirm: true },
    },
  ),
  ...call(
    'PUT',
    (f) => `/api/plans/${f.planId}/evaluation/rubric`,
    '401 404 403 403 403 403 404 409 404 404',
    {
      body: { completion: 50, timeliness: 30, quality: 20, bonusCap: 5, penaltyCap: 10, version: 1 },
    },
  ),
  ...call('POST', () => '/api/plans', '401 201 403 403 403 403 403 201 403 403', {
    form: { text: yunxiText, createUnits: 'true' },
  }),
  // Last: logging out ends each role's session.
  ...call('DELETE', () => '/api/session', '401 204 204 204 204 204 204 204 204 204'),
];

// Users of ANOTHER bureau on the same server besides 'outsider' (its supervisor): its administrator
// and a department user (its own 办公室). Each gets a row wherever 'outsider' has one, run right
// after it: a route naming anything of this bureau (in its address or its body) answers 404 as if
// it did not exist; a route naming nothing answers what the same role gets in its own bureau. The
// exceptions are listed below: mostly 403 where the use case refuses the role before looking the
// thing up (the answer is the same whether it exists or not, so it reveals nothing).
const OTHER_ROLES = ['otherAdmin', 'otherDepartment'] as const;
type OtherRole = (typeof OTHER_ROLES)[number];
const ownCounterpart: Record<OtherRole, Role> = { otherAdmin: 'admin', otherDepartment: 'office' };
const otherExceptions: Record<
  string,
  Partial<Record<OtherRole, number>> & { body?: Record<string, unknown> }
> = {
  // Another account name, so this bureau's rows still meet the lock at their fifth failure.
  'POST /api/session': {
    otherAdmin: 401,
    otherDepartment: 401,
    body: { username: 'nobody-else', password: 'wrong-password' },
  },
  // Names of their own, so this bureau's creations still succeed (user names are unique server-wide)
  // and the other bureau's do not meet the outsider's.
  'POST /api/users': { body: { username: 'matrix-other', password: TEST_PASSWORD, roles: ['viewer'] } },
  'POST /api/units': { body: { name: '他局矩阵股', kind: 'department' } },
  'POST /api/leaders': { body: { name: '他局矩阵领导' } },
  // Refused by role before any lookup, for the role in every bureau.
  'POST /api/plans/:id/publish': { otherAdmin: 403, otherDepartment: 403 },
  'GET /api/plans/:id/edit-choices': { otherAdmin: 403, otherDepartment: 403 },
  'PATCH /api/plans/:id/items/:id': { otherAdmin: 403, otherDepartment: 403 },
  'DELETE /api/plans/:id': { otherAdmin: 403, otherDepartment: 403 },
  'PUT /api/plans/:id/reporting': { otherAdmin: 403, otherDepartment: 403 },
  'PUT /api/tasks/:id/reporting': { otherAdmin: 403, otherDepartment: 403 },
  'POST /api/plans/:id/decomposition/preview': { otherAdmin: 403, otherDepartment: 403 },
  'POST /api/plans/:id/decomposition': { otherAdmin: 403, otherDepartment: 403 },
  // Business data: the three administrators are refused by ability before any lookup (三员分立).
  'GET /api/supervision/overview?planId=:id': { otherAdmin: 403, otherDepartment: 403 },
  'POST /api/bulletins': { otherAdmin: 403, otherDepartment: 403 },
  'GET /api/bulletins/:id': { otherAdmin: 403, otherDepartment: 403 },
  'GET /api/bulletins/:id/docx': { otherAdmin: 403, otherDepartment: 403 },
  'PUT /api/bulletins/:id': { otherAdmin: 403, otherDepartment: 403 },
  'POST /api/bulletins/:id/regenerate': { otherAdmin: 403, otherDepartment: 403 },
  'POST /api/bulletins/:id/issue': { otherAdmin: 403, otherDepartment: 403 },
  'GET /api/plans/:id/ledger.xlsx': { otherAdmin: 403 },
  'GET /api/plans/:id/evaluation/xlsx': { otherAdmin: 403, otherDepartment: 403 },
  'GET /api/plans/:id/evaluation/docx': { otherAdmin: 403, otherDepartment: 403 },
  // Collection rounds: the other bureau's administrator and department user hold no balance ability.
  ...Object.fromEntries(
    [
      'GET /api/balance/forms',
      'POST /api/balance/forms',
      'GET /api/balance/rounds',
      'POST /api/balance/rounds',
      'GET /api/balance/rounds/:id',
      'POST /api/balance/rounds/:id/rows',
      'POST /api/balance/rows/:id/review',
      'POST /api/balance/rounds/:id/lock',
      'GET /api/balance/rounds/:id/template.xlsx',
      'POST /api/balance/rounds/:id/import',
      'GET /api/balance/rounds/:id/monitor',
      'POST /api/balance/rounds/:id/what-if',
      'GET /api/balance/rounds/:id/export.xlsx',
      'GET /api/balance/trend',
      'GET /api/balance/task-suggestion',
    ].map((route) => [route, { otherAdmin: 403, otherDepartment: 403 }]),
  ),
  // Findings are recorded by supervisors, or by a unit for itself only.
  'POST /api/findings': { otherAdmin: 403, otherDepartment: 403 },
  'PATCH /api/users/:id': { otherDepartment: 403 },
  'POST /api/users/:id/password': { otherDepartment: 403 },
  'POST /api/users/:id/disable': { otherDepartment: 403 },
  'POST /api/users/:id/enable': { otherDepartment: 403 },
  'PUT /api/users/:id/roles': { otherDepartment: 403 },
  'PATCH /api/units/:id': { otherDepartment: 403 },
  'POST /api/units/:id/aliases': { otherDepartment: 403 },
  'DELETE /api/units/:id/aliases/999999': { otherDepartment: 403 },
  'PATCH /api/leaders/:id': { otherDepartment: 403 },
  // Only a security administrator reaches the lookup; everyone else is refused first.
  'DELETE /api/security/users/:id/two-factor': { otherAdmin: 403, otherDepartment: 403 },
  // The bulk review answers per report; each of this bureau's reports is "not found" (as for outsider).
  'POST /api/reviews/bulk': { otherAdmin: 200, otherDepartment: 200 },
};
const routeKey = (row: Row) =>
  `${row.method} ${row
    .url(placeholders)
    .replace(/\/0(?=\/|$)/g, '/:id')
    .replace(/=0(?=&|$)/g, '=:id')}`;
/** The rows with the other bureau's administrator and department user after each 'outsider' row. */
function withOtherOrganization(rows: readonly Row[]): Row[] {
  return rows.flatMap((row) => {
    if (row.as !== 'outsider') return [row];
    const exception = otherExceptions[routeKey(row)] ?? {};
    const namesOurs = typeof row.body === 'function' || /\bf\./.test(row.url.toString());
    return [
      row,
      ...OTHER_ROLES.map((as): Row => {
        const own = rows.find(
          (r) => r.url === row.url && r.method === row.method && r.as === ownCounterpart[as],
        );
        const status = exception[as] ?? (namesOurs ? 404 : own?.status);
        if (status === undefined)
          throw new Error(`permission matrix: add ${as} to otherExceptions['${routeKey(row)}']`);
        return { ...row, as, status, ...(exception.body ? { body: exception.body } : {}) };
      }),
    ];
  });
}
const placeholders: Fixture = {
  planId: 0,
  officeTask: 0,
  personnelTask: 0,
  item5Task: 0,
  officeReport: 0,
  officeFile: 0,
  item1: 0,
  officeIndicator: 0,
  draftPlan: 0,
  draftItem: 0,
  officeUnit: 0,
  personnelUnit: 0,
  leaderId: 0,
  spareUser: 0,
  officeToken: 0,
  extension: 0,
  completion: 0,
  occurrence: 0,
  notice: 0,
  finding: 0,
  notification: 0,
  bulletin: 0,
  bulletinEdit: {},
  balanceForm: 0,
  balanceRound: 0,
  balanceRow: 0,
};

interface TreeTask {
  id: number;
  lead: { name: string } | null;
  indicators: Array<{ id: number }>;
}
interface Tree {
  sections: Array<{ items: Array<{ id: number; no: number; tasks: TreeTask[] }> }>;
}

const taskIds = (tree: Tree, itemNo?: number) =>
  tree.sections
    .flatMap((s) => s.items)
    .filter((i) => itemNo === undefined || i.no === itemNo)
    .flatMap((i) => i.tasks.map((t) => t.id));

function multipartReport(fileName: string, text: string) {
  const boundary = '----duban-matrix';
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const payload = Buffer.concat([
    Buffer.from(
      Object.entries(report)
        .map(([k, v]) => field(k, String(v)))
        .join(''),
    ),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\n\r\n`,
    ),
    Buffer.from(text),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

describeEachDatabase(
  'permission matrix',
  (current) => {
    let app: FastifyInstance;
    const browsers = new Map<Role, Browser>();
    let f: Fixture;
    const headers = (as: Role) => browsers.get(as)?.headers ?? {};
    const get = async <T>(as: Role, url: string) => {
      const response = await app.inject({ method: 'GET', url, headers: headers(as) });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<T>();
    };

    beforeAll(async () => {
      const database = current();
      const { organizationId, office, personnel } = await seedOrganization(database);
      const other = await seedOrganization(database, '另一教育局');
      await seedUser(database, organizationId, 'admin', ['admin']);
      await seedUser(database, organizationId, 'secadmin', ['security_admin']);
      await seedUser(database, organizationId, 'auditor', ['auditor']);
      await seedUser(database, organizationId, 'duban', ['supervisor']);
      await seedUser(database, organizationId, 'bgs', ['department'], '办公室');
      await seedUser(database, organizationId, 'rsg', ['department'], '人事股');
      await seedUser(database, organizationId, 'viewer', ['viewer']);
      await seedUser(database, other.organizationId, 'outsider', ['supervisor']);
      await seedUser(database, other.organizationId, 'other-admin', ['admin']);
      await seedUser(database, other.organizationId, 'other-bgs', ['department'], '办公室');
      const spareUser = await seedUser(database, organizationId, 'spare', ['viewer']);
      app = await testApp(database, { now: new TestClock(new Date('2024-04-20T02:00:00Z')).now });
      app.addHook('onRequest', async (request) => {
        if (request.routeOptions.url)
          reached.set(request.id, `${request.method} ${request.routeOptions.url}`);
      });
      const logins: Array<[Role, string]> = [
        ['admin', 'admin'],
        ['security_admin', 'secadmin'],
        ['auditor', 'auditor'],
        ['supervisor', 'duban'],
        ['office', 'bgs'],
        ['personnel', 'rsg'],
        ['viewer', 'viewer'],
        ['outsider', 'outsider'],
        ['otherAdmin', 'other-admin'],
        ['otherDepartment', 'other-bgs'],
      ];
      for (const [role, username] of logins) browsers.set(role, await login(app, username));

      const imported = await app.inject({
        method: 'POST',
        url: '/api/plans',
        headers: headers('supervisor'),
        payload: { text: yunxiText, createUnits: true },
      });
      const planId = imported.json<{ id: number }>().id;
      await app.inject({
        method: 'POST',
        url: `/api/plans/${planId}/publish`,
        headers: headers('supervisor'),
      });
      const leader = await app.inject({
        method: 'POST',
        url: '/api/users',
        headers: headers('admin'),
        payload: { username: 'chenll', password: TEST_PASSWORD, roles: ['leader'], leader: '陈玲玲' },
      });
      expect(leader.statusCode, leader.body).toBe(201);
      browsers.set('leader', await login(app, 'chenll'));

      const tree = await get<Tree>('supervisor', `/api/plans/${planId}`);
      const leadOf = (no: number, unit?: string) =>
        tree.sections
          .flatMap((s) => s.items)
          .find((i) => i.no === no)
          ?.tasks.find((t) => unit === undefined || t.lead?.name === unit)?.id;
      const officeTask = leadOf(1, '办公室');
      const personnelTask = leadOf(2, '人事股');
      const item5Task = leadOf(5);
      if (!officeTask || !personnelTask || !item5Task) throw new Error('Yunxi tasks not found');
      const { payload, contentType } = multipartReport('会议纪要.txt', '4月12日召开党委理论中心组学习');
      const filed = await app.inject({
        method: 'POST',
        url: `/api/tasks/${officeTask}/reports`,
        headers: { ...headers('office'), 'content-type': contentType },
        payload,
      });
      expect(filed.statusCode, filed.body).toBe(201);
      const { id, evidence } = filed.json<{ id: number; evidence: Array<{ id: number }> }>();
      const created = async (as: Role, url: string, body: Record<string, unknown>) => {
        const response = await app.inject({ method: 'POST', url, headers: headers(as), payload: body });
        expect(response.statusCode, `${url}: ${response.body}`).toBe(201);
        return response.json<{ id: number }>().id;
      };
      const item1 = tree.sections.flatMap((s) => s.items).find((i) => i.no === 1);
      const officeIndicator = item1?.tasks.find((t) => t.id === officeTask)?.indicators[0]?.id;
      if (!item1 || !officeIndicator) throw new Error('Yunxi item 1 not found');
      const draftPlan = await created('supervisor', '/api/plans', { text: yunxiText, createUnits: true });
      const draftTree = await get<Tree>('supervisor', `/api/plans/${draftPlan}`);
      const leaders = await get<{ leaders: Array<{ id: number; name: string }> }>('admin', '/api/leaders');
      const notice = await created('supervisor', '/api/supervision-notices', {
        taskId: officeTask,
        problem: '进度滞后',
        requirement: '请说明原因',
        replyDueOn: '2024-05-10',
      });
      const inbox = await get<{ notifications: Array<{ id: number }> }>('office', '/api/notifications');
      const bulletin = await created('supervisor', '/api/bulletins', { planId, month: '2024-03' });
      const { content } = await get<{ content: BulletinContent }>('supervisor', `/api/bulletins/${bulletin}`);
      const forms = await get<{ forms: Array<{ id: number; builtin: boolean }> }>(
        'supervisor',
        '/api/balance/forms',
      );
      const balanceForm = forms.forms.find((form) => form.builtin)?.id ?? 0;
      const balanceRound = await created('supervisor', '/api/balance/rounds', {
        formId: balanceForm,
        name: '2024年春季学期',
        dueOn: '2024-05-31',
      });
      const school = await database.db
        .selectFrom('units')
        .select('id')
        .where('organization_id', '=', organizationId)
        .where('name', '=', '城关小学')
        .executeTakeFirstOrThrow();
      const stamped = new TextEncoder().encode('矩阵：城关小学盖章表');
      const sha256 = createHash('sha256').update(stamped).digest('hex');
      await storeBlob(database.db, { sha256, size: stamped.length, content: stamped });
      const balanceRow = await insertRow(
        database.db,
        { roundId: balanceRound, unitId: school.id, stage: 'primary' },
        {
          values: { pupils: 600 },
          status: 'submitted',
          file: { sha256, name: '盖章表.txt', type: 'text/plain' },
          by: null,
          at: '2024-04-19T02:00:00Z',
          submittedAt: '2024-04-19T02:00:00Z',
        },
      );
      f = {
        planId,
        balanceForm,
        balanceRound,
        balanceRow,
        officeTask,
        personnelTask,
        item5Task,
        officeReport: id,
        officeFile: evidence[0]?.id ?? 0,
        item1: item1.id,
        officeIndicator,
        draftPlan,
        draftItem: draftTree.sections[0]?.items[0]?.id ?? 0,
        officeUnit: office,
        personnelUnit: personnel,
        leaderId: leaders.leaders.find((l) => l.name === '陈玲玲')?.id ?? 0,
        spareUser,
        officeToken: await created('office', '/api/tokens', { name: '办公室脚本' }),
        extension: await created('personnel', `/api/tasks/${personnelTask}/extensions`, {
          newDueOn: '2025-01-15',
          reason: '等待上级文件',
        }),
        completion: await created('personnel', `/api/tasks/${personnelTask}/completion`, { note: '已完成' }),
        occurrence: await created('office', `/api/indicators/${officeIndicator}/occurrences`, {
          date: '2024-04-12',
          note: '召开学习会',
        }),
        notice,
        finding: await created('supervisor', '/api/findings', {
          title: '消防通道堵塞',
          severity: 'high',
          dueOn: '2024-05-30',
          source: '专项检查',
          unitId: office,
        }),
        notification: inbox.notifications[0]?.id ?? 0,
        bulletin,
        bulletinEdit: {
          version: 1,
          title: content.title,
          subtitle: content.subtitle,
          intro: '矩阵：本月工作总体平稳。',
          sections: content.sections.map((s) => ({
            key: s.key,
            text: s.text,
            parts: s.parts.map((part) => part.text),
            after: s.after,
          })),
          closing: content.closing,
          issuer: content.issuer,
        },
      };
    });
    afterAll(() => app.close());

    // The route each request reached, as Fastify's router matched it, by request id.
    const reached = new Map<string, string>();
    const seen = new Map<string, Set<Role>>();
    let sequence = 0;
    const run = async (row: Row) => {
      const requestId = `matrix-${++sequence}`;
      const body = typeof row.body === 'function' ? row.body(f) : row.body;
      const form = row.form && multipartBody(row.form, []);
      const response = await app.inject({
        method: row.method,
        url: row.url(f),
        headers: {
          ...headers(row.as),
          'x-request-id': requestId,
          ...(form ? { 'content-type': form.type } : {}),
        },
        ...(form ? { payload: form.payload } : body ? { payload: body } : {}),
      });
      const route = reached.get(requestId);
      if (route) {
        const roles = seen.get(route) ?? new Set<Role>();
        roles.add(row.as);
        seen.set(route, roles);
      }
      return response;
    };
    const title = (row: Row) =>
      `${row.method} ${row
        .url(placeholders)
        .replace(/\/0(?=\/|$)/g, '/:id')
        .replace(/=0(?=&|$)/g, '=:id')} as ${row.as} → ${row.status}`;
    const check = (row: Row) =>
      it(title(row), async () => {
        const response = await run(row);
        expect(response.statusCode, response.body).toBe(row.status);
        if (row.status === 404) expect(response.body).not.toContain('会议纪要');
      });

    describe('route × role', () => {
      for (const row of withOtherOrganization(matrix)) check(row);
    });

    it('limits the trees and task lists of department users and leaders to their own work', async () => {
      const personnelTree = await get<Tree>('personnel', `/api/plans/${f.planId}`);
      expect(taskIds(personnelTree)).toContain(f.personnelTask);
      expect(taskIds(personnelTree)).not.toContain(f.officeTask);
      const officeTree = await get<Tree>('office', `/api/plans/${f.planId}`);
      expect(taskIds(officeTree)).toContain(f.officeTask);
      expect(taskIds(officeTree)).not.toContain(f.personnelTask);
      const leaderTree = await get<Tree>('leader', `/api/plans/${f.planId}`);
      expect(taskIds(leaderTree)).toContain(f.officeTask);
      expect(taskIds(leaderTree, 5)).toEqual([]);

      type List = { tasks: Array<{ id: number; light: string; reason: string }> };
      const ids = (list: List) => list.tasks.map((t) => t.id);
      const personnelAll = await get<List>('personnel', '/api/tasks');
      expect(ids(personnelAll)).not.toContain(f.officeTask);
      expect(ids(personnelAll)).toContain(f.personnelTask);
      const officeUnit = officeTree.sections
        .flatMap((s) => s.items)
        .flatMap((i) => i.tasks)
        .find((t) => t.id === f.officeTask) as TreeTask & { lead: { id: number } };
      expect(ids(await get<List>('personnel', `/api/tasks?department=${officeUnit.lead.id}`))).toEqual([]);
      const officeMine = await get<List>('office', '/api/tasks?mine=true');
      expect(ids(officeMine)).toContain(f.officeTask);
      expect(officeMine.tasks.every((t) => t.reason.length > 0)).toBe(true);
      const leaderMine = await get<List>('leader', '/api/tasks?mine=true');
      expect(ids(leaderMine)).toContain(f.officeTask);
      expect(ids(leaderMine)).not.toContain(f.item5Task);
      expect(ids(await get<List>('outsider', '/api/tasks'))).toEqual([]);
      expect(ids(await get<List>('supervisor', '/api/tasks?mine=true'))).toEqual([]);
    });

    it('downloads a visible file with its Chinese name, stored type and nosniff', async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/files/${f.officeFile}`,
        headers: headers('leader'),
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(response.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('会议纪要.txt')}`,
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.body).toBe('4月12日召开党委理论中心组学习');
    });

    it("gives the audit administrator their own bureau's audit trail and none of another bureau's", async () => {
      type Audit = { entries: Array<{ entityType: string; entityId: number | null; actorLabel: string }> };
      const own = await get<Audit>('auditor', '/api/audit?limit=200');
      expect(own.entries.some((e) => e.entityType === 'report' && e.entityId === f.officeReport)).toBe(true);
      expect(own.entries.some((e) => ['outsider', 'other-admin', 'other-bgs'].includes(e.actorLabel))).toBe(
        false,
      );
    });

    // Last, because its final rows log every role out.
    describe('every other route × role', () => {
      for (const row of withOtherOrganization(routes)) check(row);
    });

    it('has a row for every route of the app and every role', async () => {
      const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
        paths: Record<string, Record<string, unknown>>;
      }>();
      const missing: string[] = [];
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const method of Object.keys(operations)) {
          const route = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
          const lacking = [...ROLES, ...OTHER_ROLES].filter((role) => !seen.get(route)?.has(role));
          if (lacking.length > 0) missing.push(`${route} (no row as: ${lacking.join(', ')})`);
        }
      }
      expect(
        missing,
        `test/http/permission-matrix.test.ts has no row for these routes; add one per role:\n${missing.join('\n')}`,
      ).toEqual([]);
    });
  },
  { fresh: 'all' },
);
