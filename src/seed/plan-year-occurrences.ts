import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { IndicatorTable, TaskTable } from '../db/schema.ts';
import {
  auditRow,
  dayBetween,
  type Ids,
  type PlanYearData,
  RETURN_REASONS,
  type RowBatch,
  reviewerFor,
  workingDaysAfter,
  workMoment,
} from './plan-year-model.ts';
import type { SeededRandom } from './random.ts';
import { addDays, earlierOf, laterOf } from './seed-dates.ts';

/** Minutes and sign-in sheets attached to occurrences: a few shared files, stored once as blobs. */
export const EVIDENCE_FILES = [
  {
    name: '会议纪要.txt',
    text: '会议纪要\n时间：见登记日期\n参会人员：相关股室负责人\n议定事项：按计划推进。',
  },
  { name: '签到表.txt', text: '签到表\n序号 姓名 单位 签名\n1 …\n2 …' },
  { name: '工作简报.txt', text: '工作简报\n本次活动按方案组织实施，参与人员覆盖全部对象，达到预期效果。' },
  { name: '活动照片说明.txt', text: '活动照片说明：现场照片三张，已存档备查。' },
].map((file) => {
  const bytes = new TextEncoder().encode(file.text);
  return { ...file, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
});

/** Dates on which an indicator's promise is kept in the simulated year (before `through`). */
function plannedDates(
  data: PlanYearData,
  task: Selectable<TaskTable>,
  indicator: Selectable<IndicatorTable>,
  random: SeededRandom,
): string[] {
  const yearEnd = `${data.year}-12-31`;
  const start = task.start_on;
  const due = earlierOf(indicator.due_on ?? task.due_on, yearEnd);
  const dates: string[] = [];
  if (indicator.kind === 'percent') return dates;
  if (indicator.kind === 'recurring') {
    const need = Math.max(1, Math.round(indicator.target_min ?? 1));
    for (const slot of data.slots.get(indicator.id) ?? []) {
      if (!random.chance(0.86)) continue;
      for (let k = 0; k < need; k++) {
        const day = dayBetween(random, laterOf(slot.starts_on, start), earlierOf(slot.ends_on, yearEnd));
        if (day) dates.push(day);
      }
    }
    return dates;
  }
  if (indicator.kind === 'count') {
    const min = Math.max(1, Math.round(indicator.target_min ?? 1));
    const max = Math.max(min, Math.round(indicator.target_max ?? min));
    const n = random.int(min, max);
    const span = Math.max(1, Math.round((Date.parse(due) - Date.parse(start)) / 86_400_000));
    for (let k = 0; k < n; k++) {
      if (!random.chance(0.85)) continue;
      const from = addDays(start, Math.floor((span * k) / n));
      const day = dayBetween(random, from, addDays(start, Math.floor((span * (k + 1)) / n)));
      if (day) dates.push(day);
    }
    return dates;
  }
  // One thing, or n events, by a date: most on time, some late, some not done.
  const n = indicator.kind === 'event' ? Math.max(1, Math.round(indicator.target_min ?? 1)) : 1;
  for (let k = 0; k < n; k++) {
    const roll = random.next();
    if (roll < 0.12) continue;
    const day =
      roll < 0.2
        ? dayBetween(random, addDays(due, 1), earlierOf(addDays(due, 30), yearEnd))
        : dayBetween(random, addDays(start, 10), addDays(due, -5));
    if (day) dates.push(day);
  }
  return dates;
}

/** What the occurrences of a task came to: the day all its promises were accepted, if they were. */
export interface TaskOccurrenceOutcome {
  /** The last accepted review day, when every indicator reached its target; else undefined. */
  fulfilledOn: string | undefined;
}

/**
 * Generates the occurrences of a plan's indicators up to `through`, as logOccurrence and
 * reviewOccurrence write them: the occurrence, its evidence, the reviews and the audit entries.
 */
export function generateOccurrences(
  data: PlanYearData,
  batch: RowBatch,
  ids: Ids,
  random: SeededRandom,
): Map<number, TaskOccurrenceOutcome> {
  const tasks = new Map(data.tasks.map((t) => [t.id, t]));
  const facts = new Map<number, { allMet: boolean; lastOn: string }>();
  for (const indicator of data.indicators) {
    const task = tasks.get(indicator.task_id);
    const owners = data.owners.get(indicator.task_id) ?? [];
    if (!task || owners.length === 0) continue;
    const r = random.fork(`occ${indicator.id}`);
    const dates = plannedDates(data, task, indicator, r).sort();
    let count = 0;
    let lastOn = '';
    for (const [index, occurredOn] of dates.entries()) {
      if (occurredOn > data.through) continue;
      // Mostly the lead logs; a co-owner sometimes does.
      const unitId = owners.length > 1 && r.chance(0.2) ? (owners[1] as number) : (owners[0] as number);
      const userId = data.accounts.unitUser.get(unitId);
      if (userId === undefined) continue;
      const note = `${occurredOn} ${(indicator.name ?? indicator.text).slice(0, 40)}（第${index + 1}次）`;
      const logOn = laterOf(workingDaysAfter(data.work, occurredOn, r.int(0, 2)), data.publishedOn);
      if (logOn > data.through) continue;
      const result = logAndReview(data, batch, ids, r, {
        task,
        indicatorId: indicator.id,
        unitId,
        userId,
        occurredOn,
        note,
        logOn,
      });
      if (result) {
        count++;
        lastOn = laterOf(lastOn, result);
      }
    }
    const target =
      indicator.kind === 'recurring' || indicator.kind === 'percent'
        ? Number.POSITIVE_INFINITY
        : Math.max(1, Math.round(indicator.target_min ?? 1));
    const previous = facts.get(indicator.task_id) ?? { allMet: true, lastOn: '' };
    facts.set(indicator.task_id, {
      allMet: previous.allMet && count >= target,
      lastOn: laterOf(previous.lastOn, lastOn),
    });
  }
  const outcomes = new Map<number, TaskOccurrenceOutcome>();
  for (const [taskId, fact] of facts) {
    outcomes.set(taskId, { fulfilledOn: fact.allMet && fact.lastOn ? fact.lastOn : undefined });
  }
  return outcomes;
}

interface Logging {
  task: Selectable<TaskTable>;
  indicatorId: number;
  unitId: number;
  userId: number;
  occurredOn: string;
  note: string;
  logOn: string;
}

// Logs one occurrence and reviews it; a returned one is logged again with its minutes. Returns the
// day it was accepted, if it was by `through`.
function logAndReview(
  data: PlanYearData,
  batch: RowBatch,
  ids: Ids,
  r: SeededRandom,
  logging: Logging,
): string | undefined {
  let logOn = logging.logOn;
  for (let attempt = 0; attempt < 2; attempt++) {
    const id = ids.occurrences.take();
    const createdAt = workMoment(r, logOn);
    const evidence = [];
    if (r.chance(0.7)) {
      const file = r.pick(EVIDENCE_FILES);
      const ref = {
        id: ids.evidence.take(),
        fileName: file.name,
        mediaType: 'text/plain',
        size: file.bytes.byteLength,
        sha256: file.sha256,
      };
      batch.add('evidence', [
        ref.id,
        data.organizationId,
        'occurrence',
        id,
        ref.fileName,
        ref.mediaType,
        ref.size,
        ref.sha256,
        logging.userId,
        createdAt,
      ]);
      evidence.push(ref);
    }
    const values = {
      indicatorId: logging.indicatorId,
      unitId: logging.unitId,
      occurredOn: logging.occurredOn,
      note: logging.note,
      createdBy: logging.userId,
      createdAt,
    };
    batch.add(
      'audit_log',
      auditRow(
        data,
        ids,
        logging.userId,
        {
          action: 'occurrence.log',
          entityType: 'occurrence',
          entityId: id,
          after: { ...values, taskId: logging.task.id, state: 'submitted', version: 1, evidence },
        },
        createdAt,
      ),
    );
    const reviewOn = workingDaysAfter(data.work, logOn, r.int(1, 5));
    let state: 'submitted' | 'accepted' | 'returned' = 'submitted';
    let version = 1;
    if (reviewOn <= data.through) {
      const decision = attempt === 0 && r.chance(0.06) ? 'return' : 'accept';
      const comment = decision === 'return' ? r.pick(RETURN_REASONS) : '';
      const reviewer = reviewerFor(data, logging.task.item_id, r);
      const reviewedAt = laterOf(workMoment(r, reviewOn), createdAt);
      const reviewId = ids.reviews.take();
      state = decision === 'accept' ? 'accepted' : 'returned';
      version = 2;
      batch.add('reviews', [reviewId, 'occurrence', id, decision, comment, reviewer, reviewedAt]);
      batch.add(
        'audit_log',
        auditRow(
          data,
          ids,
          reviewer,
          {
            action: `occurrence.${decision}`,
            entityType: 'occurrence',
            entityId: id,
            before: { state: 'submitted', version: 1 },
            after: { state, version, reviewId, comment },
          },
          reviewedAt,
        ),
      );
    }
    batch.add('occurrences', [
      id,
      logging.indicatorId,
      logging.unitId,
      logging.occurredOn,
      logging.note,
      state,
      logging.userId,
      createdAt,
      version,
    ]);
    if (state === 'accepted') return reviewOn;
    if (state !== 'returned') return undefined;
    logOn = workingDaysAfter(data.work, reviewOn, r.int(2, 8));
    if (logOn > data.through) return undefined;
  }
  return undefined;
}

/** Columns of generated occurrence rows. */
export const OCCURRENCE_COLUMNS = [
  'id',
  'indicator_id',
  'unit_id',
  'occurred_on',
  'note',
  'state',
  'created_by',
  'created_at',
  'version',
];

/** Columns of generated evidence rows. */
export const EVIDENCE_COLUMNS = [
  'id',
  'organization_id',
  'owner_type',
  'owner_id',
  'file_name',
  'media_type',
  'size',
  'sha256',
  'created_by',
  'created_at',
];
