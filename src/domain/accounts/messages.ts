// Every user-visible message of the account use cases, kept together so wording stays consistent.

/** Chinese messages of the account use cases. */
export const accountMessages = {
  passwordTooShort: (min: number) => `密码至少需要 ${min} 个字符，请换一个更长的密码。`,
  classUpper: '大写字母',
  classLower: '小写字母',
  classDigit: '数字',
  classSymbol: '符号',
  passwordNeedsClasses: (missing: readonly string[]) =>
    `密码须包含大写字母、小写字母、数字、符号中的至少 3 类；这个密码只有 ${4 - missing.length} 类，请再加入${missing.join('或')}。`,
  passwordContainsUsername: '密码不能包含用户名，请换一个。',
  passwordCommon:
    '这是常见的弱密码（如 password、qwerty、键盘连续键、年份、重复字符），很容易被猜中，请换一个。',
  passwordExpired: (days: number) => `密码已超过 ${days} 天未修改，请先设置新密码。`,
  passwordTooLong: '密码过长（最多 200 个字符），请换一个短一些的密码。',
  usernameTaken: (username: string) => `用户名“${username}”已被使用，请换一个。`,
  unitNotFound: (name: string) => `目录中没有名为“${name}”的股室或学校，请先在目录中添加，或检查名称。`,
  leaderNotFound: (name: string) => `目录中没有名为“${name}”的局领导，请先在目录中添加，或检查名称。`,
  unitRequired: '股室和学校用户必须指定所属单位（股室或学校）。',
  unitKindMismatch: (name: string, role: string) =>
    `“${name}”不是${role === 'school' ? '学校' : '股室'}，与所选角色不符，请检查单位或角色。`,
  rolesRequired: '至少需要一个角色。',
  badCredentials: '用户名或密码不正确。',
  accountLocked: (minutes: number) =>
    `此账号在短时间内从多个地址登录失败，已被锁定，请 ${minutes} 分钟后再试，或请安全管理员解锁。`,
  loginDelayed: (seconds: number) => `登录失败次数过多，请 ${seconds} 秒后再试。`,
  secondFactorWrong: '验证码不正确或已过期，请输入验证器中当前显示的 6 位数字，或一个未用过的恢复码。',
  secondFactorNotPending: '当前没有待完成的两步验证，请重新登录。',
  enrolFirst: '请先开始绑定验证器，再输入验证码。',
  alreadyEnrolled: '您已启用两步验证；如需更换手机，请联系安全管理员重置。',
  stepTotp: '请先输入两步验证码完成登录。',
  stepEnrol: '您的角色要求两步验证，请先绑定验证器。',
  stepPassword: '您的密码已过期，请先修改密码。',
  securityOnly: '只有安全管理员可以执行此操作。',
  nothingToUnlock: '该账号或地址当前没有被锁定或限制。',
  userNotFound: '找不到该用户。',
  tokenNotFound: '找不到该令牌。',
  lastAdmin: '这是最后一个可用的管理员账号，不能停用或取消其管理员角色；请先为另一位用户授予管理员角色。',
  selfDisable: '不能停用自己的账号。',
  noOrganization: '尚未建立任何单位（教育局），请先导入工作要点或创建单位。',
  setupClosed: '系统已有账号，初始设置已关闭；请用管理员账号登录后添加用户。',
  setupTokenInvalid: '初始设置令牌不正确，请使用服务启动日志中打印的令牌。',
  adminOnly: '只有管理员可以执行此操作。',
  notPermitted: '您的角色无权执行此操作；如需权限，请联系管理员。',
  currentPasswordWrong: '当前密码不正确。',
  samePassword: '新密码不能与当前密码相同。',
  auditForbidden: '只有督办人员和管理员可以查看操作记录。',
} as const;
