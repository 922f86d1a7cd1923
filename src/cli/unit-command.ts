import type { Command } from 'commander';
import { addUnit } from '../domain/directory/add-unit.ts';
import { aliasUnit } from '../domain/directory/alias-unit.ts';
import { listUnitsWithAliases } from '../domain/directory/list-units.ts';
import { print, printJson, withContext } from './with-context.ts';

/** Adds `duban unit list|add|alias`: the directory of departments and schools. */
export function registerUnitCommand(program: Command): void {
  const unit = program.command('unit').description('单位名录：股室和学校，及其别名');
  unit
    .command('list')
    .description('列出股室和学校及其别名')
    .option('--json', '输出 JSON')
    .action(async (options: { json?: boolean }) => {
      const units = await withContext((ctx) => listUnitsWithAliases(ctx));
      if (options.json) return printJson(units);
      if (units.length === 0)
        return print('单位名录为空。导入工作要点时会自动创建责任股室，也可用 duban unit add 添加。');
      for (const u of units) {
        const kind = u.kind === 'school' ? `学校${u.schoolKind ? `·${u.schoolKind}` : ''}` : '股室';
        const aliases = u.aliases.length > 0 ? `  别名：${u.aliases.join('、')}` : '';
        print(`${String(u.id).padStart(4)}  ${u.name}（${kind}）${aliases}`);
      }
    });
  unit
    .command('add')
    .description('添加股室或学校')
    .argument('<name>', '单位名称')
    .option('--school [kind]', '添加的是学校，可注明类别（小学、初中、高中、幼儿园…）')
    .action(async (name: string, options: { school?: string | boolean }) => {
      const school = options.school !== undefined;
      const schoolKind = typeof options.school === 'string' ? options.school : null;
      const { unitId } = await withContext((ctx) =>
        addUnit(ctx, { name, kind: school ? 'school' : 'department', schoolKind }),
      );
      print(`已添加${school ? '学校' : '股室'}“${name}”（编号 ${unitId}）`);
    });
  unit
    .command('alias')
    .description('把 ALIAS 设为单位 NAME 的别名（如 duban unit alias 纪检监察室 纪监室）')
    .argument('<name>', '单位的正式名称')
    .argument('<alias>', '别名（简称或旧称）')
    .action(async (name: string, alias: string) => {
      const result = await withContext((ctx) => aliasUnit(ctx, { name, alias }));
      if (result.unchanged) return print(`“${alias}”已是“${name}”的别名，无需修改。`);
      const merged = result.merged ? `；原单位“${alias}”已并入“${name}”，草稿中的责任股室已随之更新` : '';
      print(`已将“${alias}”设为“${name}”的别名${merged}。`);
    });
}
