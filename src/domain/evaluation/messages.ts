import { pointsText } from './rounding.ts';

/** Chinese words of the year-end evaluation: errors, calculation lines and the definitions. */
export const evaluationMessages = {
  planNotFound: '未找到该工作要点，或您无权查看。',
  planNotPublished: '工作要点尚未发布，发布后才能进行年终考核。',
  supervisorOnly: '只有督办人员或管理员可以修改考核规则、加减分或发布考核。',
  notAllowed: '您无权查看年终考核结果。',
  exportNotAllowed: '只有督办人员、管理员、局领导和查看人员可以导出考核结果。',
  locked: (at: string) => `考核已于 ${at} 发布并锁定，不能再修改。`,
  alreadyLocked: '考核已发布并锁定，无需重复发布。',
  unitNotFound: '未找到该单位，请重新选择。',
  unitHasNoTasks: (name: string) => `${name}在本工作要点中无考核任务，不参加考核，不能加减分。`,
  adjustmentNotFound: '未找到该加减分记录，可能已被删除，请刷新后重试。',
  rubricChanged: '考核规则已被他人修改，请刷新后重试。',
  noUnits: '本工作要点尚无承担任务的单位，无法发布考核。',

  completion: (achieved: number, expected: number, percent: string, weight: number, points: number) =>
    expected === 0
      ? `完成情况：截至考核日无应完成指标，按满分计 ${weight} = ${pointsText(points)}`
      : `完成情况：已验收 ${achieved} / 应完成 ${expected} = ${percent} × ${weight} = ${pointsText(points)}`,
  timeliness: (onTime: number, due: number, percent: string, weight: number, points: number) =>
    due === 0
      ? `及时性：截至考核日无应报送的报告，按满分计 ${weight} = ${pointsText(points)}`
      : `及时性：按时报送 ${onTime} / 应报送 ${due} = ${percent} × ${weight} = ${pointsText(points)}`,
  quality: (clean: number, filed: number, due: number, percent: string, weight: number, points: number) =>
    filed === 0
      ? due > 0
        ? `审核质量：应报送 ${due} 份而未报送，不得分 = ${pointsText(points)}`
        : `审核质量：尚无应报送的报告，按满分计 ${weight} = ${pointsText(points)}`
      : `审核质量：未被退回 ${clean} / 已报送 ${filed} = ${percent} × ${weight} = ${pointsText(points)}`,
  bonus: (reason: string, points: number, author: string) =>
    `加分：${reason}（+${pointsText(points)}，${author}）`,
  penalty: (reason: string, points: number, author: string) =>
    `减分：${reason}（-${pointsText(points)}，${author}）`,
  capped: (label: string, sum: number, cap: number) =>
    `${label}合计 ${pointsText(sum)}，超过上限 ${cap}，按 ${pointsText(cap * 100)} 计`,
  total: (parts: string, total: number, floored: boolean) =>
    `总分：${parts} = ${pointsText(total)}${floored ? '（总分不低于 0）' : ''}`,
  noTasks: '无考核任务，不参加排名',
  docTitle: (year: number) => `${year}年度工作要点落实情况年终考核结果`,
  fileName: (year: number, ext: string) => `${year}年度年终考核结果.${ext}`,
} as const;

/** What the three measures and the rounding mean; shown on the page and in both exports (说明). */
export function evaluationDefinitions(asOf: string): string[] {
  return [
    `考核日期：${asOf}。只计算到期日在考核日当天或之前的应完成、应报送的工作，已完成的工作计至考核日当天。`,
    '完成情况 = 已验收 / 应完成：本单位承担（牵头或配合）的每项任务的每项指标，按亮灯规则计算截至考核日应完成的次数（按月、按季等周期指标计已结束的周期，全年计数指标按已过时间折算，一次性指标计已到期的），已验收的完成记录计入已完成（每期不超过应完成数）；任务已办结的按全部完成计；无指标的任务以截止日前办结为准。',
    '及时性 = 按时报送 / 应报送：本单位（牵头或配合）每项任务每个填报周期的进展报告，截止日为填报规则规定的日期（遇节假日顺延至下一工作日），截止日在考核日当天或之前的为应报送；在截止日当天或之前报送且当前未处于退回状态的为按时报送。',
    '审核质量 = 未被退回 / 已报送：本单位截至考核日已报送的进展报告中，从未被退回的份数占比（被退回后重新报送的仍计为被退回）；有应报送的报告却一份未报送的，本项不得分。',
    '各项得分 = 比例 × 权重；某项应计数为 0 时按满分计。加分、减分按条目累计，分别不超过规则规定的上限；总分 = 三项得分 + 加分 − 减分，不低于 0。',
    '舍入规则：各项得分保留两位小数、比例保留一位小数，均四舍五入（由精确分数计算，不受浮点误差影响）；总分为各行得分之和。',
    '排名：股室与学校分别排名，总分相同者名次相同；无考核任务的单位不参加排名。',
  ];
}
