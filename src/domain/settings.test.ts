import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { expectRefused, seedWorkflow } from '../../test/support/workflow-fixture.ts';
import { writeSetting } from '../db/queries/settings.ts';
import { defaultLightSettings } from './lights/index.ts';
import { lightSettingsKey, loadLightSettings, updateLightSettings } from './settings.ts';

describeEachDatabase('light settings', (current) => {
  it('falls back to the defaults, field by field, when nothing or nonsense is stored', async () => {
    const f = await seedWorkflow(current());
    const org = f.actors.admin.organizationId;
    expect(await loadLightSettings(current().db, org)).toEqual(defaultLightSettings);
    await writeSetting(
      current().db,
      org,
      lightSettingsKey,
      '{"reportGraceDays": 3, "dueSoonDays": -1, "redBelowShare": "x"}',
    );
    expect(await loadLightSettings(current().db, org)).toEqual({
      ...defaultLightSettings,
      reportGraceDays: 3,
    });
    await writeSetting(current().db, org, lightSettingsKey, 'not json');
    expect(await loadLightSettings(current().db, org)).toEqual(defaultLightSettings);
  });

  it('lets an admin change thresholds, audited, and refuses others and bad values', async () => {
    const f = await seedWorkflow(current());
    const saved = await updateLightSettings(f.as(f.actors.admin), { dueSoonDays: 10 });
    expect(saved).toEqual({ ...defaultLightSettings, dueSoonDays: 10 });
    expect(await loadLightSettings(current().db, f.actors.admin.organizationId)).toEqual(saved);
    await expectRefused(current(), 'FORBIDDEN', () =>
      updateLightSettings(f.as(f.actors.supervisor), { dueSoonDays: 3 }),
    );
    await expectRefused(current(), 'INVALID_INPUT', () =>
      updateLightSettings(f.as(f.actors.admin), { redBelowShare: 2 }),
    );
    await expectRefused(current(), 'INVALID_INPUT', () =>
      updateLightSettings(f.as(f.actors.admin), { dueSoonDays: 1.5 }),
    );
    const audit = await current().db.selectFrom('audit_log').select('action').execute();
    expect(audit.map((a) => a.action)).toEqual(['settings.lights']);
  });
});
