import { open, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { readBalanceSheet, writeBalanceTemplate } from '../domain/balance/balance-sheet.ts';
import { computeBalance } from '../domain/balance/compute-balance.ts';
import { CliError } from './cli-error.ts';
import { balanceJson, formatBalance, formatSheetErrors } from './format-balance.ts';

/** The largest sheet the command reads (the sheet reader refuses more than this too). */
const MAX_SHEET_BYTES = 20 * 1024 * 1024;

/** Adds `duban balance compute FILE.xlsx [--json]` and `duban balance template OUT.xlsx`. */
export function registerBalanceCommand(program: Command): void {
  const balance = program
    .command('balance')
    .description('义务教育优质均衡资源配置：按学校数据表计算差异系数（不读写数据库）');
  balance
    .command('compute')
    .description('读取学校数据表，计算各学段各指标的加权差异系数和每所学校的达标情况')
    .argument(
      '<file>',
      '学校数据表（.xlsx，列：学校、学段、学生数和七项原始数；可用 duban balance template 生成）',
    )
    .option('--json', '输出 JSON（供程序使用），不输出便于阅读的表格')
    .action(async (file: string, options: { json?: boolean }) => {
      const read = await readBalanceSheet(await readSheetBytes(file));
      if ('errors' in read) throw new CliError(formatSheetErrors(file, read.errors));
      const result = computeBalance(read.rows);
      process.stdout.write(options.json ? balanceJson(result) : formatBalance(result));
    });
  balance
    .command('template')
    .description('生成空白的学校数据表模板（含填写说明）')
    .argument('<out>', '要写入的 .xlsx 文件')
    .option('--force', '文件已存在时覆盖')
    .action(async (out: string, options: { force?: boolean }) => {
      try {
        await writeFile(out, await writeBalanceTemplate([]), { flag: options.force ? 'w' : 'wx' });
      } catch (error) {
        throw describeFsError(error, out, 'write');
      }
      process.stdout.write(`已生成学校数据表模板：${out}\n`);
    });
}

async function readSheetBytes(path: string): Promise<Uint8Array> {
  try {
    const file = await open(path, 'r');
    try {
      const info = await file.stat();
      if (info.isDirectory()) throw new CliError(`“${path}”是一个文件夹：请指定学校数据表（.xlsx）`);
      if (info.size > MAX_SHEET_BYTES)
        throw new CliError(`“${path}”超过 20 MB，不像学校数据表：请只保留学校数据后再计算`);
      return new Uint8Array(await file.readFile());
    } finally {
      await file.close();
    }
  } catch (error) {
    throw describeFsError(error, path, 'read');
  }
}

function describeFsError(error: unknown, path: string, doing: 'read' | 'write'): Error {
  if (error instanceof CliError) return error;
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return new CliError(
        doing === 'read' ? `找不到文件“${path}”：请检查文件名和路径` : `无法写入“${path}”：所在文件夹不存在`,
      );
    case 'EEXIST':
      return new CliError(`“${path}”已存在：请换一个文件名，或加 --force 覆盖`);
    case 'EISDIR':
      return new CliError(`“${path}”是一个文件夹：请指定 .xlsx 文件`);
    case 'EACCES':
    case 'EPERM':
      return new CliError(`没有权限${doing === 'read' ? '读取' : '写入'}“${path}”：请检查文件权限`);
    default:
      return new CliError(
        `无法${doing === 'read' ? '读取' : '写入'}“${path}”（${code || '未知原因'}）：请确认路径正确`,
      );
  }
}
