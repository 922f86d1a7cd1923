import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { fixedContext, yunxiText } from '../../test/support/yunxi.ts';
import { findFirstOrganization } from '../db/queries/organizations.ts';
import { setupFirstAdmin } from './accounts/setup-first-admin.ts';
import { ensureOrganization, placeholderOrganizationName } from './ensure-organization.ts';
import { importNotice } from './import-notice.ts';

const yunxi = { bytes: new TextEncoder().encode(yunxiText), fileName: 'yunxi.txt' };
const issuer = '岳阳市云溪区教育体育局';
const now = () => new Date('2024-02-23T02:00:00Z');

describeEachDatabase('ensureOrganization', (current) => {
  it('creates the first organization once under the placeholder and returns it afterwards', async () => {
    const first = await ensureOrganization(current(), now);
    expect(first.name).toBe(placeholderOrganizationName);
    const again = await ensureOrganization(current(), now, '另一个名字');
    expect(again).toEqual(first);
  });

  it('lets the first-admin setup create the placeholder, which the first import renames to the issuer', async () => {
    await setupFirstAdmin({ ...current(), now }, { username: 'root', password: 'first-admin-2024' });
    expect((await findFirstOrganization(current().db))?.name).toBe(placeholderOrganizationName);
    await importNotice(await fixedContext(current()), yunxi, { createUnits: true });
    expect((await findFirstOrganization(current().db))?.name).toBe(issuer);
  });

  it('keeps a name given at setup instead of taking the issuer', async () => {
    await setupFirstAdmin(
      { ...current(), now },
      { username: 'root', password: 'first-admin-2024', organization: '郧西县教育局' },
    );
    await importNotice(await fixedContext(current()), yunxi, { createUnits: true });
    expect((await findFirstOrganization(current().db))?.name).toBe('郧西县教育局');
  });
});
