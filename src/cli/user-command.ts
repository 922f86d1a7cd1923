import type { Command } from 'commander';
import { type Database, openDatabase } from '../db/connect.ts';
import { findUserByUsername, listUserSummaries } from '../db/queries/users.ts';
import { addUser } from '../domain/accounts/add-user.ts';
import { createApiToken } from '../domain/accounts/api-tokens.ts';
import { unlockLogin } from '../domain/accounts/security-admin.ts';
import { type Context, systemActor } from '../domain/context.ts';
import { ensureOrganization } from '../domain/ensure-organization.ts';
import { isAppError } from '../domain/errors.ts';
import { loadServerConfig } from '../http/config.ts';
import { ROLES, roleSchema, usernameSchema } from '../shared/accounts.ts';
import { installChineseZodMessages } from '../shared/zod-chinese.ts';
import { CliError } from './cli-error.ts';
import { promptNewPassword, readPasswordFromStdin } from './read-password.ts';

type Role = (typeof ROLES)[number];

async function withDatabase<T>(run: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ url: loadServerConfig().databaseUrl });
  try {
    return await run(database);
  } catch (error) {
    // Domain errors already carry a Chinese message that says what to do.
    if (isAppError(error)) throw new CliError(error.message);
    throw error;
  } finally {
    await database.close();
  }
}

function cliContext(database: Database, organizationId: number): Context {
  return {
    db: database.db,
    dialect: database.dialect,
    actor: systemActor(organizationId),
    now: () => new Date(),
  };
}

function parseRoles(values: string[]): Role[] {
  const roles = values
    .flatMap((v) => v.split(/[,，]/))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const role of roles) {
    if (!roleSchema.safeParse(role).success)
      throw new CliError(`未知角色“${role}”，可用：${ROLES.join('、')}`);
  }
  return roles as Role[];
}

/** Adds `duban user add|token|unlock|list`: accounts from the command line, through the same use cases as the API. */
export function registerUserCommand(program: Command): void {
  installChineseZodMessages();
  const user = program.command('user').description('管理账号：添加、创建令牌、解锁、列出');
  user
    .command('add')
    .description('添加账号；不带 --password-stdin 时在终端输入两次密码（不回显）')
    .argument('<name>', '用户名')
    .requiredOption('-r, --role <role...>', `角色（可多个）：${ROLES.join('、')}`)
    .option('-u, --unit <unit>', '所属股室或学校（目录中的名称或别名）')
    .option('-l, --leader <leader>', '对应的局领导姓名（领导账号）')
    .option('-d, --display-name <name>', '显示的姓名（默认同用户名）')
    .option('--password-stdin', '从标准输入读取密码（第一行）')
    .action(
      async (
        name: string,
        options: {
          role: string[];
          unit?: string;
          leader?: string;
          displayName?: string;
          passwordStdin?: boolean;
        },
      ) => {
        const username = usernameSchema.safeParse(name);
        if (!username.success) throw new CliError(`用户名无效：${username.error.issues[0]?.message ?? name}`);
        const roles = parseRoles(options.role);
        const password = options.passwordStdin ? await readPasswordFromStdin() : await promptNewPassword();
        await withDatabase(async (database) => {
          const organization = await ensureOrganization(database, undefined, loadServerConfig().organization);
          const { id } = await addUser(cliContext(database, organization.id), {
            username: username.data,
            password,
            roles,
            unit: options.unit,
            leader: options.leader,
            displayName: options.displayName,
          });
          process.stdout.write(`已添加账号 ${username.data}（id ${id}，角色：${roles.join('、')}）\n`);
        });
      },
    );
  user
    .command('token')
    .description('为账号创建 API 令牌；令牌明文是输出的最后一行，只显示这一次')
    .argument('<name>', '用户名')
    .option('-n, --name <label>', '令牌用途说明', '命令行创建')
    .action(async (name: string, options: { name: string }) => {
      await withDatabase(async (database) => {
        const row = await findUserByUsername(database.db, name);
        if (!row) throw new CliError(`没有用户名为“${name}”的账号`);
        const { token } = await createApiToken(
          cliContext(database, row.organization_id),
          row.id,
          options.name,
        );
        process.stderr.write(`已为 ${name} 创建令牌（请妥善保存，之后无法再查看）：\n`);
        process.stdout.write(`${token}\n`);
      });
    });
  user
    .command('unlock')
    .description('解除账号的登录锁定和失败记录（安全管理员的“解锁”，记入操作记录）')
    .argument('<name>', '用户名')
    .action(async (name: string) => {
      await withDatabase(async (database) => {
        const row = await findUserByUsername(database.db, name);
        if (!row) throw new CliError(`没有用户名为“${name}”的账号`);
        // The command line acts as the security administrator of the account's organization.
        const actor = { ...systemActor(row.organization_id), roles: ['security_admin' as const] };
        await unlockLogin(
          { ...cliContext(database, row.organization_id), actor },
          { kind: 'account', value: name },
        );
        process.stdout.write(`已解锁账号 ${name}\n`);
      });
    });
  user
    .command('list')
    .description('列出账号')
    .action(async () => {
      await withDatabase(async (database) => {
        const organizations = await database.db
          .selectFrom('organizations')
          .select(['id', 'name'])
          .orderBy('id')
          .execute();
        for (const org of organizations) {
          for (const u of await listUserSummaries(database.db, org.id)) {
            const where = u.unitName ?? u.leaderName ?? '';
            const state = u.disabled ? '（已停用）' : '';
            process.stdout.write(
              `${u.username}\t${u.displayName}\t${u.roles.join(',')}\t${where}\t${org.name}${state}\n`,
            );
          }
        }
      });
    });
}
