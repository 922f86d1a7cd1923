import type { Database } from '../../src/db/connect.ts';
import type { Actor, Context } from '../../src/domain/context.ts';
import { AppError, type ErrorCode } from '../../src/domain/errors.ts';
import {
  addIndicator,
  addItem,
  addLeader,
  addOrganization,
  addPlan,
  addTask,
  addUnit,
  addUser,
  contextFor,
  countRows,
  type TestClock,
  testClock,
} from './factories.ts';

/** A small published plan with the people who work on it, for the workflow use-case tests. */
export interface WorkflowFixture {
  clock: TestClock;
  planId: number;
  itemId: number;
  /** Led by 办公室, co-owned by 行政审批股; item 1 names 陈玲玲 as leader. */
  taskId: number;
  /** 每月开展党委理论中心组学习 on taskId. */
  indicatorId: number;
  /** A task of another item, owned by 人事股 only, led by another leader. */
  otherTaskId: number;
  units: { office: number; approval: number; personnel: number };
  actors: {
    supervisor: Actor;
    admin: Actor;
    office: Actor;
    approval: Actor;
    personnel: Actor;
    leader: Actor;
    otherLeader: Actor;
    viewer: Actor;
  };
  /** A context for one of the actors on the fixture's clock. */
  as(actor: Actor): Context;
}

/** Seeds the fixture; the clock starts at 2024-05-10 10:00 Asia/Shanghai. */
export async function seedWorkflow(database: Database): Promise<WorkflowFixture> {
  const { db } = database;
  const org = await addOrganization(db);
  const office = await addUnit(db, org, '办公室');
  const approval = await addUnit(db, org, '行政审批股');
  const personnel = await addUnit(db, org, '人事股');
  const chen = await addLeader(db, org, '陈玲玲');
  const li = await addLeader(db, org, '李开军');
  const { planId, sectionId } = await addPlan(db, org);
  const itemId = await addItem(db, planId, sectionId, 1, '深入学习贯彻党的二十大精神', [chen]);
  const otherItem = await addItem(db, planId, sectionId, 2, '不断加强基层党建工作', [li]);
  const taskId = await addTask(db, planId, itemId, {
    title: '坚持每月开展党委理论中心组学习',
    leadUnitId: office,
    coUnitIds: [approval],
  });
  const indicatorId = await addIndicator(db, taskId, {
    kind: 'recurring',
    per: 'month',
    text: '每月开展党委理论中心组学习',
  });
  const otherTaskId = await addTask(db, planId, otherItem, {
    title: '建立党组织领导的校长负责制',
    leadUnitId: personnel,
  });
  const actors = {
    supervisor: await addUser(db, org, 'duban', ['supervisor']),
    // A system administrator who is also given the supervisor role (三员分立: admin alone sees no business data).
    admin: await addUser(db, org, 'admin', ['admin', 'supervisor']),
    office: await addUser(db, org, 'bgs', ['department'], { unitId: office }),
    approval: await addUser(db, org, 'xzsp', ['department'], { unitId: approval }),
    personnel: await addUser(db, org, 'rsg', ['department'], { unitId: personnel }),
    leader: await addUser(db, org, 'chenll', ['leader'], { leaderId: chen }),
    otherLeader: await addUser(db, org, 'likj', ['leader'], { leaderId: li }),
    viewer: await addUser(db, org, 'viewer', ['viewer']),
  };
  const clock = testClock('2024-05-10T02:00:00Z');
  return {
    clock,
    planId,
    itemId,
    taskId,
    indicatorId,
    otherTaskId,
    units: { office, approval, personnel },
    actors,
    as: (actor) => contextFor(database, actor, clock),
  };
}

/** Runs a write expected to be refused with a code, and checks it left no row, audit entry or blob behind. */
export async function expectRefused(
  database: Database,
  code: ErrorCode,
  attempt: () => Promise<unknown>,
): Promise<AppError> {
  const before = await countRows(database.db);
  let caught: unknown;
  try {
    await attempt();
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof AppError)) throw new Error(`expected AppError ${code}, got ${String(caught)}`);
  if (caught.code !== code) throw new Error(`expected ${code}, got ${caught.code}: ${caught.message}`);
  const after = await countRows(database.db);
  if (JSON.stringify(after) !== JSON.stringify(before)) {
    throw new Error(`refused write left rows behind: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
  }
  return caught;
}

/** A small text file as an upload. */
export function textFile(name: string, text: string) {
  return { fileName: name, mediaType: 'text/plain', bytes: new TextEncoder().encode(text) };
}
