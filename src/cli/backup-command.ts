import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { BackupError } from '../db/backup/backup-error.ts';
import { backupDatabase } from '../db/backup/write-backup.ts';
import { defaultDatabaseUrl, openDatabase } from '../db/connect.ts';
import { recordCliEvent } from '../domain/audit/record-cli-event.ts';
import { CliError } from './cli-error.ts';
import { print } from './with-context.ts';

/** Adds `duban backup FILE`: a consistent backup of the live database, stored files included. */
export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description(
      '在线备份数据库（含所有上传的佐证材料）到一个文件；服务运行时也可执行。DATABASE_URL（及 DATABASE_SCHEMA）指定数据库',
    )
    .argument('<file>', '备份文件，例如 /var/backups/duban/duban-2024-05-20.jsonl.gz')
    .option('--force', '文件已存在时覆盖')
    .action(async (file: string, options: { force?: boolean }) => {
      const url = defaultDatabaseUrl();
      const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : undefined;
      // Opening a missing SQLite file would create an empty one and back that up.
      if (path && path !== ':memory:' && !existsSync(path))
        throw new CliError(`数据库文件 ${path} 不存在：请检查 DATABASE_URL（例如 sqlite:./data/duban.db）`);
      // Not migrated: a backup takes the database as it is.
      const database = await openDatabase({ migrate: false });
      try {
        const { header, bytes } = await backupDatabase(database, file, { force: options.force === true });
        const rows = Object.values(header.tables).reduce((a, b) => a + b, 0);
        // In the audit trail after the snapshot, so the backup holds the trail as it was when taken.
        await recordCliEvent(database.db, 'backup.create', { file, rows, sha256: header.bodySha256 });
        print(
          `已备份 ${database.description} → ${file}：${Object.keys(header.tables).length} 张表、${rows} 行、` +
            `${header.tables.blobs ?? 0} 个文件，${(bytes / 1024 / 1024).toFixed(1)} MB（SHA-256 ${header.bodySha256.slice(0, 12)}…）`,
        );
      } catch (error) {
        if (error instanceof BackupError) throw new CliError(error.message);
        throw error;
      } finally {
        await database.close();
      }
    });
}
