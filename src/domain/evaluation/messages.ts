import { pointsText } from './rounding.ts';

/** Chinese words of the year-end evaluation: errors, calculation lines and the definitions. */
export const evaluationMessages = {
  planNotFound: '未找到该工作要点，或您无权查看。',
  planNotPublished: '工作要点尚未发布，发布后才能进行年终考核。',
  supervisorOnly: '只有本单位的督办人员可以修改考核规则、加减分或发布考核。',
  notAllowed: '您无权查看年终考核结果。',
  exportNotAllowed: '只有督办人员、管理员、局领导和查看人员可以导出考核结果。',
  locked: (at: string) => `考核已于 ${at} 发布并锁定，不能再修改。`,
  alreadyLocked: '考核已发布并锁定，无需重复发布。',
  unitNotFound: '未找到该单位，请重新选择。',
  unitHasNoTasks: (name: string) => `${name}在本工作要点中无考核任务，不参加考核，不能加减分。`,
  adjustmentNotFound: '未找到该加减分记录，可能已被删除，请刷新后重试。',
  rubricChanged: '考核规则已被他人修改，请刷新后重试。',
  noUnits: '本工作要点尚无承担任务的单位，无法发布考核。',
  nothingToLock:
    '截至考核日各单位均无考核数据（无应完成的指标、无应报送的报告），无法发布考核，请在有考核数据后再发布。',

  completion: (achieved: number, expected: number, percent: string, weight: number, points: number) =>
    `完成情况：已验收 ${achieved} / 应完成 ${expected} = ${percent} × ${weight} = ${pointsText(points)}`,
  completionNone: '完成情况：截至考核日无应完成的指标，本项暂不考核，不计入总分',
  timeliness: (onTime: number, due: number, percent: string, weight: number, points: number) =>
    `及时性：按时报送 ${onTime} / 应报送 ${due} = ${percent} × ${weight} = ${pointsText(points)}`,
  timelinessNone: '及时性：截至考核日无应报送的报告，本项暂不考核，不计入总分',
  quality: (accepted: number, reviewed: number, percent: string, weight: number, points: number) =>
    `审核质量：审核通过 ${accepted} / 审核 ${reviewed} 次 = ${percent} × ${weight} = ${pointsText(points)}`,
  qualityNone: (filed: number, due: number) =>
    filed > 0
      ? `审核质量：已报送 ${filed} 份，截至考核日尚无审核结果，本项暂不考核，不计入总分`
      : due > 0
        ? `审核质量：应报送 ${due} 份而一份未报送，无可审核的报告，本项不考核，不计入总分（排名见排名规则）`
        : '审核质量：截至考核日尚无报送的报告，本项暂不考核，不计入总分',
  bonus: (reason: string, points: number, author: string) =>
    `加分：${reason}（+${pointsText(points)}，${author}）`,
  penalty: (reason: string, points: number, author: string) =>
    `减分：${reason}（-${pointsText(points)}，${author}）`,
  capped: (label: string, sum: number, cap: number) =>
    `${label}合计 ${pointsText(sum)}，超过上限 ${cap}，按 ${pointsText(cap * 100)} 计`,
  total: (parts: string, total: number, floored: boolean) =>
    `总分：${parts} = ${pointsText(total)}${floored ? '（总分不低于 0）' : ''}`,
  /** e.g. 总分：按可考核项折算 (60.00 + 18.75) / (60 + 25) × 100 = 92.65；92.65 - 10.00 = 82.65 */
  scaledTotal: (t: {
    parts: string;
    weights: string;
    fullWeight: number;
    base: number;
    adjusted: string;
    total: number;
    floored: boolean;
  }) =>
    `总分：按可考核项折算 ${t.parts} / ${t.weights} × ${t.fullWeight} = ${pointsText(t.base)}` +
    (t.adjusted ? `；${pointsText(t.base)}${t.adjusted} = ${pointsText(t.total)}` : '') +
    (t.floored ? '（总分不低于 0）' : ''),
  silentRule: (due: number, filed: number) =>
    `排名规则：应报送 ${due} 份进展报告，${filed > 0 ? `已报送的 ${filed} 份均被退回且未重新报送` : '一份未报送'}，截至考核日没有有效报告，排在所有有有效报告的单位之后（不论总分高低）`,
  noData: (hasAdjustments: boolean) =>
    `无考核数据：截至考核日没有可以考核的项目，不计总分，不参加排名${hasAdjustments ? '；加减分待有考核数据后计入' : ''}`,
  noTasks: '无考核任务，不参加排名',
  docTitle: (year: number) => `${year}年度工作要点落实情况年终考核结果`,
  fileName: (year: number, ext: string) => `${year}年度年终考核结果.${ext}`,
} as const;

/** What the three measures, the scaling, the ranking and the rounding mean; shown on the page and in both exports (说明). */
export function evaluationDefinitions(asOf: string, wholeYear: boolean): string[] {
  return [
    wholeYear
      ? `考核日期：${asOf}（全年）。计算全年应完成、应报送的工作（含到期日为年底的），已完成的工作和审核结果计至考核日当天。`
      : `考核日期：${asOf}（试算）。与当天的要点看板、统计看板口径一致：只计算到期日在考核日之前的应完成、应报送的工作（当天到期的次日起计入），已完成的工作和审核结果计至考核日当天；提前报送的报告和提前完成的事项同时计入应完成和已完成。`,
    '完成情况 = 已验收 / 应完成：本单位承担（牵头或配合）的每项任务的每项指标，按亮灯规则计算截至考核日应完成的次数（按月、按季等周期指标计已结束的周期，全年计数指标按已过时间折算，一次性指标计已到期的），已验收的完成记录计入已完成（每期不超过应完成数）；任务已办结的按全部完成计；无指标的任务以截止日前办结为准。',
    '及时性 = 按时报送 / 应报送：本单位（牵头或配合）每项任务每个填报周期的进展报告，截止日为填报规则规定的日期（遇节假日顺延至下一工作日），截止日在考核日之前（或已报送）的为应报送；在截止日当天或之前报送且当前未处于退回状态的为按时报送；任务办结后不再应报送。',
    '审核质量 = 审核通过 / 审核次数：截至考核日对本单位进展报告的每一次审核记一次，验收通过记为通过，退回记为未通过。一次退回只扣它所占的比例（如 9 次通过、1 次退回为 90%），不会使本项为零；报告被退回、重新报送后验收通过的，退回和通过各记一次（该报告按一半计，退回不被抹去，改正也不被忽略）；多次退回的，每次退回都计入。尚未审核的报告不计入。',
    '暂不考核：某项截至考核日没有可考核的内容——完成情况无应完成的指标、及时性无应报送的报告、审核质量无审核结果——时，该项暂不考核，既不按满分也不按零分计，总分按可考核项折算：总分 = 可考核项得分之和 ÷ 可考核项权重之和 × 三项权重之和，如 (36.00 + 15.63) ÷ (60 + 25) × 100。三项均无可考核内容的单位列为“无考核数据”，不计总分，不参加排名。',
    '加分、减分按条目累计，分别不超过规则规定的上限，在折算之后计入；总分不低于 0。',
    '排名：股室与学校分别排名，按总分从高到低；总分相同者名次并列（如 1、1、3），按单位名称排列，名称不决定名次。有应报送的进展报告、截至考核日却没有一份有效报告（有效报告指已报送且未处于退回状态的报告；一份未报送，或报送的均被退回且未重新报送）的单位，排在所有有有效报告的单位之后，不论总分高低，其计算过程中注明“排名规则”；截至考核日尚无应报送报告的单位不受此限。无考核任务、无考核数据的单位不参加排名。',
    '舍入规则：各项得分和折算后的总分保留两位小数、比例保留一位小数，均四舍五入（由精确分数计算，不受浮点误差影响）；折算按各项已舍入的得分计算，所以计算过程逐行可以验算。',
  ];
}
