import {
  type FormRecord,
  findFormByCode,
  insertForm,
  listForms,
  nameTaken,
} from '../../db/queries/collection.ts';
import { requireRoundManager } from '../../policies/balance.ts';
import { can, requirePermission } from '../../policies/index.ts';
import { BALANCE_FORM_CODE, type CollectionFormView, type NewForm } from '../../shared/balance.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { write } from '../write.ts';
import { ensureBalanceForm } from './balance-form.ts';
import { balanceMessages as M } from './messages.ts';
import { toFormView } from './round-views.ts';

/** The organization's forms, the built-in seven-indicator form first (created on first use). */
export async function listCollectionForms(ctx: Context): Promise<CollectionFormView[]> {
  if (!usesRounds(ctx)) requirePermission(ctx.actor, 'balance.read');
  const organizationId = ctx.actor.organizationId;
  if (!(await findFormByCode(ctx.db, organizationId, BALANCE_FORM_CODE))) {
    await write(ctx, async (trx, at) => {
      const form = await ensureBalanceForm(trx, organizationId, at);
      return {
        result: form,
        audit: [
          { action: 'collection_form.create', entityType: 'collection_form', entityId: form.id, after: form },
        ],
      };
    });
  }
  return (await listForms(ctx.db, organizationId)).map(toFormView);
}

/** A supervisor defines a form of the bureau's own (fields, units, ranges). */
export async function createCollectionForm(ctx: Context, input: NewForm): Promise<CollectionFormView> {
  requireRoundManager(ctx.actor);
  const organizationId = ctx.actor.organizationId;
  return write(ctx, async (trx, at) => {
    if (await nameTaken(trx, 'collection_forms', organizationId, input.name))
      throw new AppError('CONFLICT', M.formNameTaken(input.name), { field: 'name' });
    const form: Omit<FormRecord, 'id'> = {
      organizationId,
      code: null,
      name: input.name,
      staged: input.staged,
      fields: input.fields,
    };
    const id = await insertForm(trx, { ...form, createdBy: ctx.actor.userId, createdAt: at });
    return {
      result: toFormView({ id, ...form }),
      audit: [{ action: 'collection_form.create', entityType: 'collection_form', entityId: id, after: form }],
    };
  });
}

/** Whether the actor works with collection rounds at all (reads, manages or fills). */
export function usesRounds(ctx: Context): boolean {
  return can(ctx.actor, 'balance.read') || can(ctx.actor, 'balance.manage') || can(ctx.actor, 'balance.fill');
}
