import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './context.ts';

/**
 * The client's address, for rate limits. Behind a reverse proxy (TRUST_PROXY=true) the first address
 * of X-Forwarded-For; otherwise the socket's. Requests without a socket (tests) count as 'local'.
 */
export function clientIp(c: Context<AppEnv>): string {
  if (c.var.deps.config.TRUST_PROXY) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded && forwarded.length <= 64) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

const LOOPBACK = /^(local|127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** Whether an address from clientIp is this machine's (or a test's request without a socket). */
export function isLoopback(ip: string): boolean {
  return LOOPBACK.test(ip);
}
