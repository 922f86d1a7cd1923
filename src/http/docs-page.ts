import type { Route } from './route.ts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A readable HTML page listing every endpoint, grouped by tag: no script, no inline style and no
 * CDN, so it works offline and under the strict Content-Security-Policy.
 */
export function renderDocsPage(routes: readonly Route[]): string {
  const tags = [...new Set(routes.map((r) => r.tag))];
  const sections = tags.map((tag) => {
    const rows = routes
      .filter((r) => r.tag === tag)
      .map(
        (r) =>
          `<tr><td><code>${r.method}</code></td><td><code>${escapeHtml(r.url)}</code></td>` +
          `<td>${escapeHtml(r.summary)}</td><td>${r.auth ? '需要登录' : '无需登录'}</td><td>${r.status}</td></tr>`,
      )
      .join('\n');
    return `<h2>${escapeHtml(tag)}</h2>\n<table>\n<tr><th>方法</th><th>路径</th><th>说明</th><th>认证</th><th>成功状态</th></tr>\n${rows}\n</table>`;
  });
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>Duban 督办 API</title></head>
<body>
<h1>Duban 督办 API</h1>
<p>机器可读的描述：<a href="/api/openapi.json">/api/openapi.json</a>（OpenAPI 3.1，由校验请求的同一套 zod 模式生成）。</p>
<p>认证：浏览器用 <code>POST /api/session</code> 登录取得会话 Cookie，写请求须带 <code>X-CSRF-Token</code> 头（登录和 <code>GET /api/me</code> 返回其值）；
脚本用 <code>Authorization: Bearer 令牌</code>（<code>duban user token 用户名</code> 或 <code>POST /api/tokens</code> 创建），无需 CSRF 头。</p>
<p>错误统一为 <code>{"error": {"code", "message", "details"}}</code>：400 输入有误（details.issues 指出字段和原因）、401 未登录、403 无权限、404 不存在或无权查看、409 冲突、413 过大、415 类型不支持、429 过于频繁。</p>
${sections.join('\n')}
</body>
</html>
`;
}
