import type { Command } from 'commander';
import { AppError, isAppError } from '../domain/errors.ts';
import { getPlanTree } from '../domain/get-plan-tree.ts';
import { listPlans } from '../domain/list-plans.ts';
import { planMessages } from '../domain/plan-messages.ts';
import { publishPlan } from '../domain/publish-plan.ts';
import { formatPlanTree, statusName } from './format-plan-tree.ts';
import { parseId, print, printJson, withContext } from './with-context.ts';

/** Adds `duban plan list|show|publish`: the stored plans. */
export function registerPlanCommand(program: Command): void {
  const plan = program.command('plan').description('工作要点：列出、查看、发布');
  plan
    .command('list')
    .description('列出工作要点')
    .option('--json', '输出 JSON')
    .action(async (options: { json?: boolean }) => {
      const plans = await withContext((ctx) => listPlans(ctx));
      if (options.json) return printJson(plans);
      if (plans.length === 0) return print('还没有工作要点。用 duban import 文件 导入通知。');
      for (const p of plans) {
        const published = p.publishedOn ? ` ${p.publishedOn}` : '';
        print(
          `${String(p.id).padStart(4)}  ${p.year}  ${p.title}  [${statusName(p.status)}${published}]  ${p.items} 项要点，${p.tasks} 个任务`,
        );
      }
    });
  plan
    .command('show')
    .description('查看工作要点：部分、要点、责任领导和股室、任务、指标、亮灯和进度')
    .argument('<id>', '工作要点编号')
    .option('--json', '输出 JSON')
    .option('--as-of <date>', '按哪一天计算亮灯（YYYY-MM-DD，默认今天）')
    .action(async (id: string, options: { json?: boolean; asOf?: string }) => {
      const planId = parseId(id, '工作要点编号');
      const tree = await withContext((ctx) => getPlanTree(ctx, { planId, asOf: options.asOf }));
      if (options.json) printJson(tree);
      else print(formatPlanTree(tree));
    });
  plan
    .command('publish')
    .description('发布工作要点草稿：按要点生成任务、指标和填报期次，并分派到学校')
    .argument('<id>', '工作要点编号')
    .option('--replace', '已发布过同一文号（无文号时同名同年度）的工作要点时，关闭原工作要点并发布本草稿')
    .action(async (id: string, options: { replace?: boolean }) => {
      const planId = parseId(id, '工作要点编号');
      const result = await withContext((ctx) =>
        publishPlan(ctx, { planId, replace: options.replace ?? false }).catch((error: unknown) => {
          throw withReplaceHint(error, planId);
        }),
      );
      const schools = result.schoolTasks > 0 ? `（其中分派到学校 ${result.schoolTasks} 个）` : '';
      print(`已发布工作要点 ${planId}：生成任务 ${result.tasks} 个${schools}，指标 ${result.indicators} 个`);
      for (const closed of result.replacedPlanIds) print(planMessages.replacedPlanClosed(closed));
    });
}

// The refusal of a duplicate publish asks to confirm; on the command line confirming is --replace.
function withReplaceHint(error: unknown, planId: number): unknown {
  if (!isAppError(error, 'CONFLICT') || !error.details.existingPlan) return error;
  return new AppError(
    'CONFLICT',
    `${error.message}${planMessages.duplicateReplaceCli(planId)}`,
    error.details,
  );
}
