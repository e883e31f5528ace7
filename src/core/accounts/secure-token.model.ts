import { createHash, randomBytes } from 'node:crypto';

/** A 256-bit random token for a cookie or a link, and the SHA-256 under which the database keeps it. */
export function newSecureToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecureToken(token) };
}

export function hashSecureToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Tokens we issue are 43 base64url characters; anything else is rejected before touching the database. */
export function isWellFormedToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
