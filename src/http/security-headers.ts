import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// No inline script anywhere: scripts come only from this server. The web app's component library
// (Ant Design) writes its styles at run time, so styles may be inline; images may be data: or blob:
// (previews of evidence being uploaded); evidence PDFs may be framed by this site's own pages.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "frame-src 'self' blob:",
].join('; ');

// The same policy for an answer a route lets this site's own pages frame (an evidence PDF previewed
// inline): the route opts in by setting X-Frame-Options: SAMEORIGIN; nothing looser is honoured.
const FRAMABLE_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", "frame-ancestors 'self'");

const HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** Adds the security headers to every response, errors and 404s included. */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    setSecurityHeaders(request, reply);
    return payload;
  });
}

/**
 * Sets the security headers on one reply; addSecurityHeaders does it for every answer, and the
 * router's own refusals (which skip the hooks) call it directly.
 */
export function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  const framable = reply.getHeader('x-frame-options') === 'SAMEORIGIN';
  for (const [name, value] of Object.entries(HEADERS)) reply.header(name, value);
  if (framable) {
    reply.header('x-frame-options', 'SAMEORIGIN');
    reply.header('content-security-policy', FRAMABLE_POLICY);
  }
  reply.header('x-request-id', request.id);
  if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
  // API answers are personal data: no proxy or browser cache should keep them.
  if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
    reply.header('cache-control', 'no-store');
}
