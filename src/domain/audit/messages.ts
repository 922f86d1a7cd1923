// Every user-visible string of the audit trail (操作审计): verify, purge, export, denied entries.

export const auditMessages = {
  beforeAnchor: (seq: number, anchor: number) =>
    `序号 ${seq} 不应存在：清理锚点之前（锚点序号 ${anchor}）的记录已被清理`,
  missing: (expected: number, found: number) =>
    found > expected
      ? `缺少序号 ${expected}${found - 1 > expected ? `–${found - 1}` : ''} 的记录（记录被删除），下一条是序号 ${found}`
      : `序号重复或顺序被调换：应为 ${expected}，实为 ${found}`,
  prevMismatch: (seq: number) => `“前一条哈希”与序号 ${seq} 的记录不符（记录被删除、插入或调换顺序）`,
  contentMismatch: '内容与其哈希不符（记录写入后被修改）',
  tailMissing: (seq: number, head: number) =>
    `链尾缺失：最后一条为序号 ${seq}，链头记录到序号 ${head}（末尾的记录被删除）`,
  headBehind: (head: number, seq: number) => `链头（序号 ${head}）与最后一条记录（序号 ${seq}）不符`,
  chainName: (chainId: number) => (chainId === 0 ? '无所属单位的记录' : `单位 ${chainId}`),
  verified: (chain: string, entries: number, head: number, hash: string) =>
    `${chain}：${entries} 条记录完整（链尾序号 ${head}，哈希 ${hash.slice(0, 16)}…）`,
  brokenAt: (chain: string, id: number | null, seq: number | null, at: string | null, problem: string) =>
    `${chain}：审计链在${id === null ? '链尾' : `记录 ${id}（序号 ${seq ?? '无'}，时间 ${at}）`}处断开：${problem}`,
  took: (ms: number) => `用时 ${ms} 毫秒`,
  verifyFailed: (n: number) => `审计链校验未通过：${n} 条链断开，见上`,
  pending: (n: number) =>
    `另有 ${n} 条记录尚未入链（绕过系统写入，如生成的示例数据）：每次写入接入至多 1000 条，或执行 duban audit seal 全部接入`,
  sealed: (n: number) => (n === 0 ? '没有未入链的审计记录' : `已把 ${n} 条记录接入审计链`),
  purgeTooRecent: (limit: string) => `审计记录至少保留 180 天：--before 不能晚于 ${limit}`,
  purgeBadDate: (value: string) => `--before 应为日期 YYYY-MM-DD（当前为“${value}”）`,
  purged: (chain: string, n: number, anchor: number) => `${chain}：清理 ${n} 条记录，锚点序号 ${anchor}`,
  purgedNothing: (before: string) => `${before} 之前没有可清理的审计记录`,
  cliLabel: '命令行',
  readForbidden: '您没有查看审计记录的权限。',
  exportForbidden: '只有审计管理员可以导出审计记录。',
  exportTooMany: (max: number) => `一次最多导出 ${max} 条审计记录，请缩小时间范围或增加筛选条件。`,
  results: { success: '成功', failure: '失败', denied: '拒绝' },
  sheet: '审计记录',
  fileName: (from: string, to: string) => `审计记录（${from}至${to}）.xlsx`,
  columns: {
    id: '编号',
    seq: '链序号',
    createdAt: '时间',
    actor: '用户',
    address: '地址',
    action: '事件',
    entity: '对象',
    result: '结果',
    detail: '详情',
    hash: '哈希',
  },
} as const;
