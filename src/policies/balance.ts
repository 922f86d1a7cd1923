import type { Actor } from '../domain/context.ts';
import { AppError } from '../domain/errors.ts';
import { type AbilityRule, holds, isLeader, isSupervisor, readsWholeOrganization } from './roles.ts';

// School data collection (一表通) and the balance monitor (差异系数). The bureau's supervisors open
// rounds, import sheets, review, return and lock; each school fills only its own rows; leaders and
// viewers read the rounds and the monitor. A round of another organization does not exist (404).

/** The abilities of collection rounds and the monitor. */
export const balanceAbilities = {
  'balance.read': (actor) => readsWholeOrganization(actor) || isLeader(actor),
  'balance.manage': isSupervisor,
  'balance.fill': (actor) => isSchoolUser(actor),
} satisfies Record<string, AbilityRule>;

/** A 学校 user bound to a school: fills that school's rows. */
export function isSchoolUser(actor: Pick<Actor, 'roles' | 'unitId'>): boolean {
  return actor.unitId !== null && holds(actor, 'school');
}

/** Whether the actor reads every school's rows and the monitor of its organization. */
export function readsRounds(actor: Actor): boolean {
  return readsWholeOrganization(actor) || isLeader(actor);
}

/** Throws FORBIDDEN unless the actor runs rounds (opens, imports, reviews, locks). */
export function requireRoundManager(actor: Actor): void {
  if (!isSupervisor(actor)) throw new AppError('FORBIDDEN', '只有督办人员可以管理数据填报轮次');
}

/** Throws FORBIDDEN unless the actor reads the whole round and its monitor. */
export function requireRoundReader(actor: Actor): void {
  if (!readsRounds(actor)) throw new AppError('FORBIDDEN', '无权查看各校填报数据和均衡监测结果');
}

/** Throws FORBIDDEN unless the actor fills a school's rows; returns the school. */
export function requireFillingSchool(actor: Actor): number {
  if (!isSchoolUser(actor) || actor.unitId === null)
    throw new AppError('FORBIDDEN', '只有学校账号可以填报本校数据');
  return actor.unitId;
}
