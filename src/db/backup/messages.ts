// Every message of backup and restore, in Chinese, saying what to do next.

/** Chinese messages of `duban backup` and `duban restore`. */
export const backupMessages = {
  notBackup: (file: string) => `${file} 不是督办备份文件（应为 duban backup 生成的 .jsonl.gz 文件）。`,
  unreadable: (file: string, detail: string) => `无法读取备份文件 ${file}：${detail}`,
  damaged: (file: string) =>
    `备份文件 ${file} 不完整或已损坏（校验和不符或内容被截断），未写入任何数据；请换用另一份备份。`,
  formatTooNew: (version: number) => `备份文件格式版本 ${version} 比本程序新，请先升级督办再恢复。`,
  migrationsTooNew: (names: string[]) =>
    `备份来自更新版本的督办（含本程序不认识的数据库迁移：${names.join('、')}），请先升级督办再恢复。`,
  migrationsMismatch: '备份中的数据库迁移列表与本程序不一致，无法恢复；请用生成备份的督办版本恢复。',
  notEmpty: (description: string, tables: string[]) =>
    `目标数据库 ${description} 不是空的（${tables.slice(0, 5).join('、')} 中已有数据），已拒绝恢复以免覆盖；请指定一个新的空数据库（新的 SQLite 文件或新的 PostgreSQL 数据库/模式）。`,
  targetNewer: (description: string) =>
    `目标数据库 ${description} 的结构比备份新，无法载入旧备份；请指定一个从未运行过督办的新数据库。`,
  fileExists: (file: string) => `文件 ${file} 已存在；换一个文件名，或加 --force 覆盖。`,
  cannotWrite: (file: string, detail: string) => `无法写入备份文件 ${file}：${detail}`,
  unknownTable: (table: string) =>
    `备份中的表 ${table} 在目标数据库中不存在，无法恢复；请用生成备份的督办版本恢复。`,
  unknownColumn: (table: string, column: string) =>
    `备份中的列 ${table}.${column} 在目标数据库中不存在，无法恢复；请用生成备份的督办版本恢复。`,
} as const;
