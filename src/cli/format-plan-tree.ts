import type { Light } from '../domain/lights/light.ts';
import type { IndicatorNode, LightView, PlanTree, TaskNode } from '../shared/plan-tree.ts';

const LIGHT_NAMES: Record<Light, string> = {
  grey: '未开始',
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
  done: '已办结',
};
const STATUS_NAMES = { draft: '草稿', published: '已发布', closed: '已关闭' } as const;
const TASK_STATUS = {
  pending: '待签收',
  acknowledged: '已签收',
  completion_requested: '申请办结',
  done: '已办结',
} as const;
const KIND_NAMES: Record<IndicatorNode['kind'], string> = {
  recurring: '定期',
  count: '次数',
  deliverable: '文件',
  event: '活动',
  project: '项目',
  percent: '比例',
  deadline: '时限',
};
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** A plan status in Chinese. */
export function statusName(status: keyof typeof STATUS_NAMES): string {
  return STATUS_NAMES[status];
}

/** The plan tree as indented text for `duban plan show`. */
export function formatPlanTree(tree: PlanTree): string {
  const { plan } = tree;
  const lines = [
    `${plan.title}（编号 ${plan.id}，${statusName(plan.status)}${plan.publishedOn ? ` ${plan.publishedOn}` : ''}）`,
  ];
  const meta = [plan.docNumber, plan.issuer, plan.issuedOn].filter(Boolean).join(' · ');
  if (meta) lines.push(meta);
  if (tree.lights) lines.push(`亮灯（截至 ${tree.lights.asOf}）：${light(tree.lights, false)}`);
  if (plan.warnings.length > 0) lines.push(`导入提示 ${plan.warnings.length} 条`);
  for (const section of tree.sections) {
    lines.push(
      '',
      `${NUMERALS[section.no - 1] ?? section.no}、${section.title}${suffix(section.light, false)}`,
    );
    for (const item of section.items) {
      lines.push(`  ${item.no}. ${item.title}${suffix(item.light, false)}`);
      const departments = item.departments.map((d) => (d.isLead ? `${d.name}（牵头）` : d.name)).join('、');
      lines.push(`     责任领导：${item.leaders.join('、') || '—'}；责任股室：${departments || '—'}`);
      if (item.tasks.length === 0) {
        for (const indicator of item.draftIndicators) lines.push(`     · ${formatIndicator(indicator)}`);
      }
      for (const task of item.tasks) lines.push(...formatTask(task));
    }
  }
  return lines.join('\n');
}

function formatTask(task: TaskNode): string[] {
  const co = task.coOwners.length > 0 ? `，配合 ${task.coOwners.map((u) => u.name).join('、')}` : '';
  const lines = [
    `     任务 ${task.id}：牵头 ${task.lead?.name ?? '—'}${co}；${task.startOn} 至 ${task.dueOn}；${TASK_STATUS[task.status]}${suffix(task.light)}`,
  ];
  for (const indicator of task.indicators) lines.push(`       · ${formatIndicator(indicator)}`);
  if (task.schools.length > 0) {
    const schools = task.schools.map(
      (s) => `${s.lead?.name ?? '—'}${s.light ? `（${LIGHT_NAMES[s.light.light]}）` : ''}`,
    );
    lines.push(`       分派学校 ${task.schools.length} 所：${schools.join('、')}`);
  }
  return lines;
}

function formatIndicator(indicator: IndicatorNode): string {
  const slots =
    indicator.slots.length > 0 ? `，${indicator.slots.length} 期（${indicator.slots[0]!.label}起）` : '';
  const due = indicator.dueOn ? `，${indicator.dueOn} 前` : '';
  return `[${KIND_NAMES[indicator.kind]}] ${indicator.text}${slots}${due}${suffix(indicator.light)}`;
}

// Rolled-up reasons (section, item, plan) repeat every task's reason, so only tasks and
// indicators print theirs; the others show light and progress.
function suffix(view: LightView | undefined, withReason = true): string {
  return view ? `  【${light(view, withReason)}】` : '';
}

function light(view: LightView, withReason = true): string {
  const reason = withReason && view.reason ? ` ${shorten(view.reason)}` : '';
  const progress = view.progress === null ? '—' : `${Math.round(view.progress * 100)}%`;
  return `${LIGHT_NAMES[view.light]} ${progress}${reason}`;
}

// A task's reason lists every indicator and every late report; the first few say enough here
// (`plan show --json` keeps them all).
function shorten(reason: string, keep = 3): string {
  const parts = reason.split('；');
  return parts.length <= keep ? reason : `${parts.slice(0, keep).join('；')}；等 ${parts.length} 项`;
}
