/** Strings of progress as every page shows it: the accepted share of what is owed so far. */
export const progress = {
  label: '进度',
  selfLabel: '自报进度',
  nothingOwed: '暂无到期',
  nothingOwedHint: '截至今日尚无应完成的事项，暂不计算进度。',
  /** Tasks and items: credited ÷ owed. */
  formula: (credited: number, owed: number, percent: number) =>
    `进度 = 已验收完成 ${credited} ÷ 截至今日应完成 ${owed} = ${percent}%（应完成数按指标的周期和期限计算，提前完成的计入两边）`,
  /** Sections and the plan: weighted mean of the items. */
  weightedFormula: (percent: number) =>
    `进度 = 各要点进度按权重加权平均 = ${percent}%（只计截至今日已有应完成事项的要点）`,
  selfHint: '责任单位在最近一次填报中自行估计的完成比例，仅供参考，不计入进度。',
  selfNone: '未填报',
} as const;
