import type { MiddlewareHandler } from 'hono';

// No inline script or style anywhere: everything comes from our own hashed files, so the policy can be
// strict. 'form-action self' stops a injected form from posting elsewhere. Exported for routes that
// extend it for their own response (a video's page adds exactly its provider's frame-src).
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

export function securityHeaders(options: { hsts: boolean }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    // A route may set a stricter or different policy for its own response (the mail preview does).
    if (!h.has('content-security-policy')) h.set('content-security-policy', CSP);
    h.set('x-content-type-options', 'nosniff');
    h.set('referrer-policy', 'strict-origin-when-cross-origin');
    // Likewise a route that may be framed by our own pages (a video's player) says so itself, in both
    // headers: browsers that know only X-Frame-Options would otherwise refuse the frame.
    if (!h.has('x-frame-options')) h.set('x-frame-options', 'DENY');
    h.set('cross-origin-opener-policy', 'same-origin');
    h.set('cross-origin-resource-policy', 'same-origin');
    h.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    if (options.hsts) h.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
  };
}
