import type { Role } from '../domain/context.ts';
import type { Ability } from '../shared/abilities.ts';

// What the policies say when they refuse, and each ability's Chinese name (SECURITY.md's table).

/** Refusals of the policies, in Chinese, saying whom to ask. */
export const policyMessages = {
  supervisorOnly: '只有本单位的督办人员可以执行此操作，请联系督办室。',
  notReviewer: '只有本单位的督办人员或该要点的责任领导可以审核，请联系督办室。',
  notEditor: '只有本单位的督办人员可以调整任务，请联系督办室。',
  notPublisher: '只有本单位的督办人员可以发布工作要点，请联系督办室。',
  bulletinWritersOnly: '只有本单位的督办人员可以生成、修改和签发工作通报。',
  bulletinReadersOnly: '工作通报仅供督办人员、局领导和查看人员阅读。',
  bulletinNotFound: '工作通报不存在，或尚未签发。',
  notDirectoryEditor: '只有系统管理员和督办人员可以维护单位与领导名录；如需修改，请联系他们。',
  userManagersOnly: '只有系统管理员可以管理账号，请联系系统管理员。',
  notPermitted: '您的角色无权执行此操作；如需权限，请联系管理员。',
} as const;

/** Each ability in Chinese, as SECURITY.md's role table shows it. */
export const ABILITY_NAMES: Record<Ability, string> = {
  'users.manage': '管理账号和角色',
  'security.manage': '安全策略（密码、会话、双因素）与解锁账号',
  'audit.read': '查看审计日志',
  'audit.export': '导出审计日志',
  'jobs.manage': '查看和重试后台任务',
  'notifications.configure': '配置通知渠道和催办规则',
  'reminders.read': '查看催办记录',
  'settings.edit': '修改系统设置（亮灯、填报周期）',
  'calendar.edit': '维护工作日历（节假日、调休）',
  'schoolCalendar.edit': '维护校历（学期）',
  'directory.edit': '维护单位与领导名录',
  'tokens.own': '管理自己的 API 令牌',
  'plans.read': '查看工作要点',
  'plans.readAll': '查看本单位及下级单位的全部要点',
  'plans.import': '导入通知、编辑草稿',
  'plans.publish': '发布工作要点、导入任务分解',
  'reporting.edit': '调整要点和任务的填报周期',
  'tasks.read': '查看任务',
  'tasks.edit': '调整任务（期限、责任单位）',
  'tasks.acknowledge': '签收本单位的任务',
  'reports.submit': '填报进展',
  'occurrences.log': '登记完成记录',
  'extensions.request': '申请延期',
  'completions.request': '申请办结',
  'reports.review': '审核填报和完成记录',
  'extensions.decide': '审批延期申请',
  'completions.decide': '审批办结申请',
  'supervision.overview': '查看督办中心',
  'supervision.notice': '签发督办单、审核回复',
  'supervision.reply': '回复督办单',
  'supervision.urge': '催办',
  'findings.manage': '问题整改：验收、交办',
  'findings.record': '登记问题',
  'inspections.file': '报送月度检查',
  'inspections.overview': '查看各单位月度检查',
  'balance.read': '查看各校填报数据和均衡监测',
  'balance.manage': '管理数据填报轮次：导入、审核、退回、锁定',
  'balance.fill': '填报本校数据',
  'dashboard.read': '查看统计看板',
  'bulletins.read': '阅读工作通报',
  'bulletins.write': '生成、修改、签发工作通报',
  'evaluation.read': '查看年终考核',
  'evaluation.edit': '编辑和锁定年终考核',
  'compare.use': '年度要点对比',
  'compare.carryOver': '关联上年要点、结转未完成任务',
};

/** Each role in Chinese, as the web app and SECURITY.md's table name it. */
export const ROLE_NAMES: Record<Role, string> = {
  admin: '系统管理员',
  security_admin: '安全管理员',
  auditor: '审计管理员',
  supervisor: '督办人员',
  leader: '局领导',
  department: '股室',
  school: '学校',
  viewer: '查看',
};
