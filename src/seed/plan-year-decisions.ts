import type { Database } from '../db/connect.ts';
import { loadActor } from '../domain/accounts/load-actor.ts';
import type { Actor, Context } from '../domain/context.ts';
import { decideCompletion } from '../domain/decide-completion.ts';
import { decideExtension } from '../domain/decide-extension.ts';
import { requestCompletion } from '../domain/request-completion.ts';
import { requestExtension } from '../domain/request-extension.ts';
import {
  dayBetween,
  type PlanYearData,
  RETURN_REASONS,
  workingDaysAfter,
  workMoment,
} from './plan-year-model.ts';
import type { TaskOccurrenceOutcome } from './plan-year-occurrences.ts';
import type { SeededRandom } from './random.ts';
import { addDays, earlierOf, laterOf } from './seed-dates.ts';

const EXTENSION_REASONS = [
  '受项目资金拨付进度影响，需顺延完成时限',
  '涉及多部门协调，方案需再次征求意见',
  '施工受连续降雨影响，工期顺延',
];

/** What the decisions came to. */
export interface DecisionOutcome {
  /** task id → the day its completion was accepted (the task is done from then on). */
  doneOn: Map<number, string>;
  completions: number;
  extensions: number;
  reviews: number;
}

/**
 * The few decisions of a year — extensions (延期) and completions (办结) — made through the domain
 * use cases themselves with the clock set to the simulated day, so they write exactly what the
 * app writes. Completion is asked for only once every promise of the task was accepted.
 */
export async function makeDecisions(
  database: Database,
  data: PlanYearData,
  outcomes: ReadonlyMap<number, TaskOccurrenceOutcome>,
  random: SeededRandom,
): Promise<DecisionOutcome> {
  const actors = new Map<number, Actor>();
  const as = async (userId: number, at: string): Promise<Context> => {
    let actor = actors.get(userId);
    if (!actor) {
      actor = await loadActor(database.db, userId);
      if (!actor) throw new Error(`seed: user ${userId} not loadable`);
      actors.set(userId, actor);
    }
    return { db: database.db, dialect: database.dialect, actor, now: () => new Date(at) };
  };
  const result: DecisionOutcome = { doneOn: new Map(), completions: 0, extensions: 0, reviews: 0 };
  const yearEnd = `${data.year}-12-31`;
  for (const task of data.tasks) {
    if (task.parent_task_id !== null || task.lead_unit_id === null) continue;
    const owner = data.accounts.unitUser.get(task.lead_unit_id);
    if (owner === undefined) continue;
    const r = random.fork(`decide${task.id}`);
    const fulfilledOn = outcomes.get(task.id)?.fulfilledOn;
    if (fulfilledOn !== undefined && r.chance(0.65)) {
      const askOn = workingDaysAfter(data.work, fulfilledOn, r.int(1, 8));
      if (askOn > data.through) continue;
      const { requestId } = await requestCompletion(await as(owner, workMoment(r, askOn)), {
        taskId: task.id,
        note: `“${task.title.slice(0, 30)}”各项任务已完成，佐证材料已上传，申请办结。`,
      });
      result.completions++;
      const decideOn = workingDaysAfter(data.work, askOn, r.int(1, 5));
      if (decideOn > data.through) continue;
      const accept = r.chance(0.9);
      await decideCompletion(await as(data.accounts.supervisorId, workMoment(r, decideOn)), {
        requestId,
        decision: accept ? 'accept' : 'return',
        comment: accept ? '' : r.pick(RETURN_REASONS),
      });
      result.reviews++;
      // decide-completion stamps completed_at with the clock; the lights read its Shanghai day.
      if (accept) result.doneOn.set(task.id, decideOn);
      continue;
    }
    if (!r.chance(0.06)) continue;
    const askOn = dayBetween(
      r,
      laterOf(`${data.year}-09-01`, data.publishedOn),
      earlierOf(`${data.year}-11-30`, data.through),
    );
    if (askOn === undefined) continue;
    const askDay = data.work.nextWorkingDay(askOn);
    if (askDay > data.through) continue;
    const { extensionId } = await requestExtension(await as(owner, workMoment(r, askDay)), {
      taskId: task.id,
      reason: r.pick(EXTENSION_REASONS),
      newDueOn: addDays(earlierOf(task.due_on, yearEnd), r.int(30, 61)),
    });
    result.extensions++;
    const decideOn = workingDaysAfter(data.work, askDay, r.int(1, 5));
    if (decideOn > data.through) continue;
    const leader = data.itemLeaders.get(task.item_id)?.[0];
    const decider =
      (leader !== undefined && data.accounts.leaderUser.get(leader)) || data.accounts.supervisorId;
    const approve = r.chance(0.8);
    await decideExtension(await as(decider, workMoment(r, decideOn)), {
      extensionId,
      decision: approve ? 'approve' : 'refuse',
      comment: approve ? '同意延期，请抓紧推进' : '时限不宜顺延，请加快进度按期完成',
    });
  }
  return result;
}
