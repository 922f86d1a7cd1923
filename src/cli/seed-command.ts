import type { Command } from 'commander';
import { openDatabase } from '../db/connect.ts';
import { sealAuditChains } from '../domain/audit/seal-chain.ts';
import { isAppError } from '../domain/errors.ts';
import { isPlanDate } from '../domain/workflow-input.ts';
import { formatDuration, progressBar } from '../seed/progress-bar.ts';
import { SEED_PASSWORD } from '../seed/seed-accounts.ts';
import { countOrganizations, SEED_SCALES, type SeedScale, seedScale } from '../seed/seed-scale.ts';
import { CliError } from './cli-error.ts';
import { print } from './with-context.ts';

const SCALE_NAMES: Record<SeedScale, string> = {
  bureau: '一个区县局',
  city: '一个市（12 个区县局）',
  province: '一个省（140 个区县局）',
};

const TABLES = [
  'organizations',
  'units',
  'leaders',
  'users',
  'plans',
  'items',
  'tasks',
  'task_units',
  'indicators',
  'indicator_slots',
  'reports',
  'occurrences',
  'reviews',
  'evidence',
  'completion_requests',
  'extensions',
  'audit_log',
] as const;

function positiveInteger(value: string, option: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new CliError(`${option} 应为 1 到 ${max} 之间的整数（当前为“${value}”）`);
  return n;
}

/** Adds `duban seed --scale bureau|city|province [--seed N] [--years N] [--force]`: generated data at scale. */
export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description(
      '向数据库写入生成的演示/压测数据（DATABASE_URL 指定数据库）：按云溪通知的结构生成单位、学校、工作要点和全年填报',
    )
    .requiredOption(
      '--scale <scale>',
      'bureau：1 个局、30 个股室、60 所学校、1 年；city：12 个局；province：140 个局、3000 所学校、5 年',
    )
    .option('--seed <n>', '随机种子：相同种子生成相同数据', '20240101')
    .option('--years <n>', '每个局生成几年的工作要点（截至 2024 年），默认 bureau/city 1 年、province 5 年')
    .option(
      '--through <date>',
      '模拟到最后一年的哪一天（YYYY-MM-DD，默认该年 12 月 31 日），例如演示时钟的“今天”',
    )
    .option('--force', '数据库已有数据时仍然追加写入')
    .action(
      async (options: { scale: string; seed: string; years?: string; through?: string; force?: boolean }) => {
        if (!Object.hasOwn(SEED_SCALES, options.scale)) {
          throw new CliError(`--scale 应为 bureau、city 或 province（当前为“${options.scale}”）`);
        }
        const scale = options.scale as SeedScale;
        const seed = positiveInteger(options.seed, '--seed', 2 ** 31 - 1);
        const years = options.years === undefined ? undefined : positiveInteger(options.years, '--years', 20);
        const through = options.through;
        if (
          through !== undefined &&
          (!isPlanDate(through) || through < '2001-01-01' || through > '2099-12-31')
        ) {
          throw new CliError(`--through 应为 YYYY-MM-DD 格式的日期（当前为“${through}”）`);
        }
        const database = await openDatabase();
        try {
          const existing = await countOrganizations(database);
          if (existing > 0 && !options.force) {
            throw new CliError(
              `${database.description} 已有数据（${existing} 个单位）。duban seed 只向空数据库写入；确需追加请加 --force，或换一个空数据库（DATABASE_URL）。`,
            );
          }
          const started = Date.now();
          process.stderr.write(
            `正在生成${SCALE_NAMES[scale]}的数据（种子 ${seed}）→ ${database.description}\n`,
          );
          const result = await seedScale(database, {
            scale,
            seed,
            ...(years === undefined ? {} : { years }),
            ...(through === undefined ? {} : { through }),
            onProgress: progressBar(process.stderr),
          });
          // Seeded audit entries join each organization's hash chain now, not a thousand per later write.
          await sealAuditChains(database.db, () => new Date());
          const lines = [
            `已生成 ${result.organizations} 个单位（局）、${result.plans} 个年度工作要点，用时 ${formatDuration((Date.now() - started) / 1000)}`,
            '各表行数：',
          ];
          for (const table of TABLES) {
            const row = await database.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow();
            lines.push(`  ${table.padEnd(20)} ${Number(row.n).toLocaleString('en-US').padStart(12)}`);
          }
          lines.push(`可登录的账号（密码均为 ${SEED_PASSWORD}）：`);
          for (const login of result.logins) lines.push(`  ${login.username.padEnd(14)} ${login.who}`);
          lines.push(
            '另：每个股室/学校有账号 unit-<单位编号>，每位局领导有账号 leader-<领导编号>，每个局的督办账号为 duban-<局编号>，密码相同。',
          );
          print(lines.join('\n'));
        } catch (error) {
          if (isAppError(error)) throw new CliError(error.message, 1);
          throw error;
        } finally {
          await database.close();
        }
      },
    );
}
