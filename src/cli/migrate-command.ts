import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { print } from './with-context.ts';

/** Adds `duban migrate`: bring the database DATABASE_URL names up to the latest schema. */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('升级数据库结构到最新版本（DATABASE_URL 指定数据库，默认 sqlite:./data/duban.db）')
    .action(async () => {
      const database = await openDatabase({ migrate: false });
      try {
        const applied = await migrateToLatest(database.db as Kysely<unknown>);
        print(
          applied.length > 0
            ? `${database.description}：已执行迁移 ${applied.join('、')}`
            : `${database.description}：数据库结构已是最新`,
        );
      } finally {
        await database.close();
      }
    });
}
