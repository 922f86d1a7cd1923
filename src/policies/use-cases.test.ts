import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { yunxiText } from '../../test/support/yunxi.ts';
import { type Context, systemActor } from '../domain/context.ts';
import { cliContext } from '../domain/ensure-organization.ts';
import { AppError } from '../domain/errors.ts';
import { importNotice } from '../domain/import-notice.ts';
import { publishPlan } from '../domain/publish-plan.ts';
import { SYSTEM_ROLES } from './roles.ts';

// The use cases call the policies themselves, so the command line and jobs are guarded like HTTP:
// an actor without the supervisor role may neither import nor publish, whatever calls the use case;
// the command line's system actor holds admin + supervisor explicitly.

const refusal = (error: unknown) => (error instanceof AppError ? error.code : String(error));

describeEachDatabase('use cases check the policies themselves', (current) => {
  it('refuses importing and publishing to a lone system administrator, allows the CLI actor', async () => {
    const cli = await cliContext(current(), () => new Date('2024-04-20T02:00:00Z'));
    expect(cli.actor.roles).toEqual([...SYSTEM_ROLES]);
    const admin: Context = { ...cli, actor: { ...systemActor(cli.actor.organizationId), roles: ['admin'] } };
    expect(
      refusal(await importNotice(admin, { text: yunxiText }, { createUnits: true }).catch((e) => e)),
    ).toBe('FORBIDDEN');
    const { planId } = await importNotice(cli, { text: yunxiText }, { createUnits: true });
    for (const roles of [['admin'], ['security_admin'], ['auditor'], ['viewer']] as const) {
      const actor = { ...admin.actor, roles: [...roles] };
      expect(refusal(await publishPlan({ ...cli, actor }, { planId }).catch((e) => e))).toBe('FORBIDDEN');
    }
    const published = await publishPlan(cli, { planId });
    expect(published.tasks).toBeGreaterThan(0);
  });
});
