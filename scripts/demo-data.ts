// The demonstration data of `npm run demo` and the web benchmark: the Yunxi 2024 plan imported and
// published, an administrator (also supervisor), the 办公室 clerk, the leader 陈玲玲, and April
// reports on a few of 办公室's tasks. Password of every account: DEMO_PASSWORD.
import { readFileSync } from 'node:fs';
import type { Database } from '../src/db/connect.ts';
import { listPlanTasks } from '../src/db/queries/plan-tasks.ts';
import { addUser } from '../src/domain/accounts/add-user.ts';
import { loadActor } from '../src/domain/accounts/load-actor.ts';
import { setupFirstAdmin } from '../src/domain/accounts/setup-first-admin.ts';
import type { Context } from '../src/domain/context.ts';
import { cliContext } from '../src/domain/ensure-organization.ts';
import { importNotice } from '../src/domain/import-notice.ts';
import { publishPlan } from '../src/domain/publish-plan.ts';
import { submitReport } from '../src/domain/submit-report.ts';

/** The password of every demonstration account. */
export const DEMO_PASSWORD = 'demo-pass-2024';

/** Fills an empty, migrated database with the demonstration data; returns the plan's id. */
export async function seedDemo(database: Database): Promise<{ planId: number }> {
  const PASSWORD = DEMO_PASSWORD;
  const at = (iso: string) => () => new Date(iso);
  await setupFirstAdmin(
    { ...database, now: at('2024-02-20T01:00:00Z') },
    {
      username: 'admin',
      password: PASSWORD,
      displayName: '系统管理员',
      organization: '岳阳市云溪区教育体育局',
    },
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
  return { planId: imported.planId };
}
