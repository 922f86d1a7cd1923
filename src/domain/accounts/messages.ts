// Every user-visible message of the account use cases, kept together so wording stays consistent.

/** Chinese messages of the account use cases. */
export const accountMessages = {
  passwordTooShort: (min: number) => `密码至少需要 ${min} 个字符，请换一个更长的密码。`,
  passwordNeedsLettersAndDigits: '密码必须同时包含字母和数字，请重新设置。',
  passwordTooLong: '密码过长（最多 200 个字符），请换一个短一些的密码。',
  usernameTaken: (username: string) => `用户名“${username}”已被使用，请换一个。`,
  unitNotFound: (name: string) => `目录中没有名为“${name}”的股室或学校，请先在目录中添加，或检查名称。`,
  leaderNotFound: (name: string) => `目录中没有名为“${name}”的局领导，请先在目录中添加，或检查名称。`,
  unitRequired: '股室和学校用户必须指定所属单位（股室或学校）。',
  unitKindMismatch: (name: string, role: string) =>
    `“${name}”不是${role === 'school' ? '学校' : '股室'}，与所选角色不符，请检查单位或角色。`,
  rolesRequired: '至少需要一个角色。',
  badCredentials: '用户名或密码不正确。',
  accountLocked: (minutes: number) => `登录失败次数过多，账号已暂时锁定，请 ${minutes} 分钟后再试。`,
  addressLocked: (minutes: number) => `此地址登录失败次数过多，请 ${minutes} 分钟后再试。`,
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
