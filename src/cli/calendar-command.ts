import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  importNationalCalendar,
  parseNationalCalendar,
} from '../domain/calendar/import-national-calendar.ts';
import { print, withContext } from './with-context.ts';

/** Adds `duban calendar import FILE`: the national holiday arrangement every bureau shares. */
export function registerCalendarCommand(program: Command): void {
  const calendar = program
    .command('calendar')
    .description('全国统一的节假日与调休安排（各单位可在网页端单独调整）');
  calendar
    .command('import')
    .description('导入国务院办公厅公布的放假安排，替换文件涉及年度的全国统一安排；各单位自己的调整保留不变')
    .argument('<file>', '文本文件，每行：开始日期 [结束日期] 放假|上班 节日名称；# 开头为注释')
    .action(async (file: string) => {
      const text = await readFile(file, 'utf8');
      const result = await withContext(async (ctx) =>
        importNationalCalendar(ctx, parseNationalCalendar(text)),
      );
      print(
        `已导入 ${result.years.join('、')} 年的全国统一安排，共 ${result.days} 天；各单位的调整保留不变。`,
      );
    });
}
