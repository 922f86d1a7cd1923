import type { Kysely } from 'kysely';
import { type BulletinRow, findBulletin } from '../db/queries/bulletins.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../domain/context.ts';
import { AppError } from '../domain/errors.ts';
import { policyMessages as M } from './messages.ts';
import {
  type AbilityRule,
  isLeader,
  isSupervisor,
  isViewer,
  readsWholeOrganization,
  supervises,
} from './roles.ts';

// Bulletins (工作通报): the organization's supervisors write and read all of its bulletins; leaders
// and viewers read issued ones; departments and schools do not read them here (the bulletin reaches
// them as the issued document). A parent bureau's supervisors and viewers read its districts' issued
// bulletins and change none of them.

/** Whether the actor writes bulletins (generate, edit, issue) in their organization. */
export function writesBulletins(actor: Actor): boolean {
  return isSupervisor(actor);
}

/** Whether the actor reads bulletins at all. */
export function readsBulletins(actor: Actor): boolean {
  return writesBulletins(actor) || isLeader(actor) || isViewer(actor);
}

/** The abilities of bulletins. */
export const bulletinAbilities = {
  'bulletins.read': readsBulletins,
  'bulletins.write': writesBulletins,
} satisfies Record<string, AbilityRule>;

/** Whether the actor may change this bulletin: a supervisor of its organization, while a draft. */
export function mayEditBulletin(actor: Actor, row: Pick<BulletinRow, 'organizationId' | 'state'>): boolean {
  return row.state === 'draft' && supervises(actor, row.organizationId);
}

/** Throws FORBIDDEN unless the actor writes bulletins. */
export function requireBulletinWriter(actor: Actor): void {
  if (!writesBulletins(actor)) throw new AppError('FORBIDDEN', M.bulletinWritersOnly);
}

/** Throws FORBIDDEN unless the actor reads bulletins at all; says whether they read drafts and child bureaus' too. */
export function requireBulletinReader(actor: Actor): { drafts: boolean; childrenIssued: boolean } {
  if (!readsBulletins(actor)) throw new AppError('FORBIDDEN', M.bulletinReadersOnly);
  return { drafts: writesBulletins(actor), childrenIssued: readsWholeOrganization(actor) };
}

/** Loads a bulletin the actor may read; a draft does not exist for a reader of issued ones. */
export async function requireReadableBulletin(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
): Promise<BulletinRow> {
  const { drafts, childrenIssued } = requireBulletinReader(actor);
  const row = await findBulletin(db, actor.organizationId, id, childrenIssued);
  if (!row || (!drafts && row.state !== 'issued'))
    throw new AppError('NOT_FOUND', M.bulletinNotFound, { bulletinId: id });
  return row;
}

/**
 * Loads a bulletin the actor may change: FORBIDDEN for one who does not write bulletins or for a
 * child bureau's bulletin (readable, never writable); the state (draft or issued) is the use case's.
 */
export async function requireWritableBulletin(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
): Promise<BulletinRow> {
  requireBulletinWriter(actor);
  const row = await requireReadableBulletin(db, actor, id);
  if (!supervises(actor, row.organizationId)) throw new AppError('FORBIDDEN', M.bulletinWritersOnly);
  return row;
}
