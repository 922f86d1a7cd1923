// Every user-visible message of the HTTP layer, kept together so wording stays consistent.

/** Chinese messages of the HTTP layer. */
export const httpMessages = {
  webNotBuilt:
    '网页端尚未构建。请在 Duban 目录运行 npm start（会自动构建），或运行 npm run build:web 后刷新本页；接口说明见 /api/docs。',
  notFoundRoute: (method: string, url: string) =>
    `没有这个接口：${method} ${url}。可在 /api/docs 查看所有接口。`,
  unauthenticated: '请先登录（或在 Authorization 头中提供有效的令牌）。',
  badToken: '令牌无效或已被吊销，请重新创建令牌。',
  csrf: '请求缺少有效的 X-CSRF-Token 头（登录或 GET /api/me 会返回该值）；请刷新页面后重试。',
  invalidInput: (summary: string) => `请求内容有误：${summary}`,
  invalidJson: '请求体不是有效的 JSON，请检查格式。',
  invalidBody: '请求体格式不正确，请检查后重试。',
  tooLarge: (mb: number) => `上传的文件过大：每个文件不能超过 ${mb} MB，请压缩或拆分后再上传。`,
  bodyTooLarge: '请求内容过大，请缩小后重试。',
  badUrl: '请求地址不正确（含有过长或无法解析的部分），请检查后重试。',
  nulCharacter: '请求中含有不允许的空字符（NUL），请删除后重试。',
  tooManyParts: '一次上传的文件或字段过多，请分批上传。',
  unsupportedMediaType: '不支持的请求格式，请使用 JSON 或 multipart/form-data。',
  unsupportedFile: (name: string) =>
    `文件“${name}”的类型不受支持：请上传 PDF、Word、Excel、PowerPoint、图片（PNG/JPEG/GIF/WebP）、文本或 ZIP 文件。`,
  emptyFile: (name: string) => `文件“${name}”是空的，请检查后重新上传。`,
  internal: '服务器内部错误，请稍后重试；若问题持续，请把请求编号发给维护人员。',
  healthy: '正常',
  unhealthy: '数据库不可用',
  closing: '服务正在关闭，请稍后重试。',
  fieldPrefix: (field: string) => `字段“${field}”`,
  untitledFile: '未命名文件',
  setupNotOpen: '初始设置未开启：系统已有账号，或本服务启动时未生成设置令牌。',
} as const;
