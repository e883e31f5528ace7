import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from './config.ts';

/**
 * The key for CSRF tokens and for hashing IPs and e-mail addresses in rate limits and the audit log.
 * Production: SESSION_SECRET (required). Development on the embedded database: a random key kept in
 * DATA_DIR, so forms survive a restart. Otherwise (tests, a dev server on PostgreSQL) a key per process.
 */
export function resolveSecret(config: Pick<Config, 'SESSION_SECRET' | 'DATABASE_URL' | 'DATA_DIR'>, persist = true): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  if (!persist || config.DATABASE_URL) return randomBytes(32).toString('base64url');
  const dir = resolve(config.DATA_DIR);
  const file = join(dir, 'secret.key');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first start: create it below
  }
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Compares a presented secret with the configured one in constant time: both are hashed first, so
 * neither the content nor the length of the secret leaks through timing.
 */
export function secretMatches(presented: string | undefined, secret: string): boolean {
  if (!presented) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(secret));
}
