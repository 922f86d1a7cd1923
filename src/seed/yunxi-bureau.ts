import type { Database } from '../db/connect.ts';
import { createSeedOrganization } from './directory.ts';
import { generatePlanYear, type PlanYearCounts } from './plan-year.ts';
import { SeededRandom } from './random.ts';
import { importYunxiBureau } from './yunxi-template.ts';

/**
 * The Yunxi bureau as the bureau scale seeds it (30 departments, 60 schools, the 2024 plan
 * published), its year generated through `through`: the data of the tests that need "the Yunxi
 * plan with a year of reports" (bulletin, evaluation, the generator's own checks).
 */
export async function seedYunxiYear(
  database: Database,
  options: { seed: number; through: string },
): Promise<{ organizationId: number; planId: number; counts: PlanYearCounts }> {
  const organizationId = await createSeedOrganization(
    database,
    '岳阳市云溪区教育体育局',
    null,
    '2024-02-20T01:00:00.000Z',
  );
  const { planId } = await importYunxiBureau(database, {
    organizationId,
    year: 2024,
    departments: 30,
    schools: 60,
    random: new SeededRandom(options.seed),
  });
  const counts = await generatePlanYear(database, { planId, through: options.through, seed: options.seed });
  return { organizationId, planId, counts };
}
