import { createHmac } from 'node:crypto';
import type { Database } from '../../platform/db/client.ts';
import type { RateLimitRule } from '../../platform/module.ts';
import { deleteExpiredRateLimits, hitRateLimit } from './rate-limits.queries.ts';

export type { RateLimitRule };

// Each module declares its own rules next to the service that consumes them (and lists them in its
// entry file); the registry test checks that no two rules share a name.

export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfter: number };

/** Subjects (IP addresses, e-mail addresses) are stored only as keyed hashes. */
export function rateLimitSubject(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value.trim().toLowerCase()).digest('base64url').slice(0, 32);
}

/** Counts a hit against every rule; refused when any is over its limit, with the longest wait. */
export async function consumeRateLimits(db: Database, checks: Array<{ rule: RateLimitRule; subject: string }>): Promise<RateLimitOutcome> {
  let retryAfter = 0;
  for (const { rule, subject } of checks) {
    const { hits, resetIn } = await hitRateLimit(db, `${rule.name}:${subject}`, rule.windowSeconds);
    if (hits > rule.limit) retryAfter = Math.max(retryAfter, resetIn);
  }
  return retryAfter > 0 ? { allowed: false, retryAfter } : { allowed: true };
}

export function pruneRateLimits(db: Database) {
  return deleteExpiredRateLimits(db, 24 * 60 * 60);
}
