// `npm run demo`: a throw-away database with the Yunxi 2024 plan imported and published, a few
// accounts and some reports, served with the clock set to 2024-05-20 so the lights mean something.
// PORT, DEMO_DB (default data/demo.db) and WEB_DIST (a build folder under web/) may be set.
// Accounts (password demo-pass-2024): admin (管理员+督办), bangongshi (办公室), chenlingling (局领导).
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { openDatabase } from '../src/db/connect.ts';
import { listPlanTasks } from '../src/db/queries/plan-tasks.ts';
import { addUser } from '../src/domain/accounts/add-user.ts';
import { loadActor } from '../src/domain/accounts/load-actor.ts';
import { setupFirstAdmin } from '../src/domain/accounts/setup-first-admin.ts';
import type { Context } from '../src/domain/context.ts';
import { cliContext } from '../src/domain/ensure-organization.ts';
import { importNotice } from '../src/domain/import-notice.ts';
import { publishPlan } from '../src/domain/publish-plan.ts';
import { submitReport } from '../src/domain/submit-report.ts';
import { closeOnSignals, startServer } from '../src/http/serve.ts';

const PASSWORD = 'demo-pass-2024';
const clock = process.env.DUBAN_CLOCK ?? '2024-05-20T02:00:00Z';
const file = process.env.DEMO_DB ?? 'data/demo.db';
const databaseUrl = `sqlite:${file}`;

mkdirSync('data', { recursive: true });
for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });

const database = await openDatabase({ url: databaseUrl });
const at = (iso: string) => () => new Date(iso);
await setupFirstAdmin(
  { ...database, now: at('2024-02-20T01:00:00Z') },
  { username: 'admin', password: PASSWORD, displayName: '系统管理员', organization: '郧西县教育和体育局' },
);
const system = await cliContext(database, at('2024-02-23T02:00:00Z'));
const text = readFileSync(
  new URL('../test/fixtures/notices/yunxi-2024-jiaoti-gongzuo-yaodian.txt', import.meta.url),
  'utf8',
);
const imported = await importNotice(
  system,
  { text, fileName: '郧西县2024年教育体育工作要点.txt' },
  { createUnits: true },
);
await publishPlan(system, { planId: imported.planId });
const office = await addUser(system, {
  username: 'bangongshi',
  displayName: '办公室 王晓',
  password: PASSWORD,
  roles: ['department'],
  unit: '办公室',
});
await addUser(system, {
  username: 'chenlingling',
  displayName: '陈玲玲',
  password: PASSWORD,
  roles: ['leader'],
  leader: '陈玲玲',
});
const officeActor = await loadActor(database.db, office.id);
if (!officeActor) throw new Error('demo: office user not loaded');
const tasks = await listPlanTasks(database.db, imported.planId);
const officeTasks = tasks.filter((task) => task.lead_unit_id === officeActor.unitId).slice(0, 3);
for (const [index, task] of officeTasks.entries()) {
  const ctx: Context = { ...system, actor: officeActor, now: at(`2024-04-2${index}T03:00:00Z`) };
  await submitReport(ctx, {
    taskId: task.id,
    period: '2024-04',
    selfStatus: 'on_track',
    percent: 30 + index * 10,
    narrative: `4月按计划推进：${task.title.slice(0, 30)}。`,
  });
}
await database.close();

process.env.DUBAN_CLOCK = clock;
const webRoot = process.env.WEB_DIST
  ? new URL(`../web/${process.env.WEB_DIST}`, import.meta.url).pathname
  : undefined;
const server = await startServer({ databaseUrl, clockStart: new Date(clock), webRoot });
closeOnSignals(server);
console.log(
  `演示数据已就绪：${server.url}  账号 admin / bangongshi / chenlingling，密码 ${PASSWORD}（时钟 ${clock}）`,
);
