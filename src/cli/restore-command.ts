import type { Command } from 'commander';
import { BackupError } from '../db/backup/backup-error.ts';
import { restoreDatabase } from '../db/backup/restore-backup.ts';
import { openDatabase } from '../db/connect.ts';
import { recordCliEvent } from '../domain/audit/record-cli-event.ts';
import { CliError } from './cli-error.ts';
import { print } from './with-context.ts';

/** Adds `duban restore FILE`: loads a backup into an empty database, then upgrades it. */
export function registerRestoreCommand(program: Command): void {
  program
    .command('restore')
    .description(
      '把 duban backup 生成的备份恢复到一个空数据库（先完整校验文件；目标库已有数据时拒绝）。DATABASE_URL（及 DATABASE_SCHEMA）指定目标库',
    )
    .argument('<file>', 'duban backup 生成的备份文件')
    .action(async (file: string) => {
      // Not migrated on open: restore brings the schema to the backup's version itself.
      const database = await openDatabase({ migrate: false });
      try {
        const { header, rows, upgraded } = await restoreDatabase(database, file);
        await recordCliEvent(database.db, 'backup.restore', { file, rows, createdAt: header.createdAt });
        print(
          `已恢复到 ${database.description}：${rows} 行、${header.tables.blobs ?? 0} 个文件` +
            `（备份于 ${header.createdAt}，督办 ${header.dubanVersion}，${header.dialect}）` +
            (upgraded.length > 0 ? `；已升级数据库结构：${upgraded.join('、')}` : ''),
        );
      } catch (error) {
        if (error instanceof BackupError) throw new CliError(error.message);
        throw error;
      } finally {
        await database.close();
      }
    });
}
