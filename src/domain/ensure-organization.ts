import type { Database } from '../db/connect.ts';
import { recordAudit } from '../db/queries/audit.ts';
import { findFirstOrganization, insertOrganization, type Organization } from '../db/queries/organizations.ts';
import { type Context, systemActor } from './context.ts';
import { planMessages } from './plan-messages.ts';

/** The name a first organization gets when nobody named it; the first import replaces it with the issuer. */
export const placeholderOrganizationName = planMessages.defaultOrganizationName;

/**
 * Returns the deployment's first organization, creating it on first start: from the CLI, from the
 * first-admin setup, or from `duban user add`. Its name is the given one, else DUBAN_ORGANIZATION_NAME,
 * else the placeholder “本单位”; while it keeps the placeholder, the first import renames it to the
 * notice's issuer (see import-notice.ts), so a fresh install needs no setup.
 */
export async function ensureOrganization(
  database: Pick<Database, 'db'>,
  now: () => Date = () => new Date(),
  name?: string,
): Promise<Organization> {
  const existing = await findFirstOrganization(database.db);
  if (existing) return existing;
  const orgName = name?.trim() || process.env.DUBAN_ORGANIZATION_NAME?.trim() || placeholderOrganizationName;
  const at = now().toISOString();
  // Two processes starting at the same instant could both create one; the lowest id wins for both
  // afterwards because every caller reads the first organization by id.
  await database.db.transaction().execute(async (trx) => {
    const id = await insertOrganization(trx, { name: orgName, createdAt: at });
    await recordAudit(trx, systemActor(id), at, {
      action: 'organization.create',
      entityType: 'organization',
      entityId: id,
      after: { name: orgName },
    });
  });
  const created = await findFirstOrganization(database.db);
  if (!created) throw new Error('organization was not created');
  return created;
}

/** A Context for the command line: the first organization's system actor over an open database. */
export async function cliContext(
  database: Pick<Database, 'db' | 'dialect'>,
  now: () => Date = () => new Date(),
  name?: string,
): Promise<Context> {
  const organization = await ensureOrganization(database, now, name);
  return { db: database.db, dialect: database.dialect, actor: systemActor(organization.id), now };
}
