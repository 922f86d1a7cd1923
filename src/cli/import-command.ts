import type { Command } from 'commander';
import { type ImportNoticeResult, importNotice } from '../domain/import-notice.ts';
import { similarNamesHint } from './cli-hints.ts';
import { readInputBytes } from './read-input.ts';
import { print, printJson, withContext } from './with-context.ts';

/** Adds `duban import FILE [--json] [--no-create-units]`: a notice becomes a draft plan. */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('导入工作要点通知，生成工作要点草稿（同名同年的草稿会被更新）')
    .argument(
      '<file>',
      '通知文件（.docx、.doc、.wps、.ofd、.pdf、扫描件或照片、.txt）；用 - 表示从标准输入读取',
    )
    .option('--json', '输出 JSON（供程序使用）')
    .option('--no-create-units', '名录中没有的责任股室不自动创建，而是列出并中止导入')
    .action(async (file: string, options: { json?: boolean; createUnits: boolean }) => {
      const bytes = await readInputBytes(file);
      const fileName = file === '-' ? '标准输入.txt' : (file.split(/[\\/]/).pop() ?? file);
      const result = await withContext((ctx) =>
        importNotice(ctx, { bytes, fileName }, { createUnits: options.createUnits }),
      );
      if (options.json) printJson(result);
      else print(describeImport(result));
    });
}

/** The import's outcome in a few readable lines. */
export function describeImport(result: ImportNoticeResult): string {
  const { planId, counts } = result;
  const lines = [
    `${result.created ? '已导入' : '已更新'}工作要点草稿，编号 ${planId}：${counts.sections} 个部分，${counts.items} 项要点，${counts.indicators} 个指标`,
  ];
  if (result.createdUnits.length > 0) {
    lines.push(`新建责任股室 ${result.createdUnits.length} 个：${result.createdUnits.join('、')}`);
  }
  if (result.createdLeaders.length > 0) {
    lines.push(`新建责任领导 ${result.createdLeaders.length} 位：${result.createdLeaders.join('、')}`);
  }
  const suggested = result.unresolved.filter((r) => r.suggestion);
  for (const r of suggested) lines.push(`提示：${r.suggestion?.why}，可能是同一单位`);
  lines.push(`解析提示 ${result.warnings.length} 条${result.warnings.length > 0 ? '：' : ''}`);
  for (const w of result.warnings) lines.push(`  · ${w.message}`);
  if (result.warnings.some((w) => w.code === 'similar-unit-names')) lines.push(`  ${similarNamesHint}`);
  lines.push(`下一步：duban plan show ${planId} 查看，确认无误后 duban plan publish ${planId} 发布`);
  return lines.join('\n');
}
