import type { Database } from '../../platform/db/client.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import type { Role } from './accounts.table.ts';
import { hashSecureToken, isWellFormedToken, newSecureToken } from './secure-token.model.ts';
import * as q from './sessions.queries.ts';

/** A session ends after two weeks without a visit; each visit (noted at most every ten minutes) extends it. */
export const SESSION_IDLE_SECONDS = 14 * 24 * 60 * 60;
const TOUCH_AFTER_MS = 10 * 60 * 1000;

const expiry = (now = Date.now()) => new Date(now + SESSION_IDLE_SECONDS * 1000);

/** Opens a new session and returns the cookie's token; the database keeps only its hash. */
export async function startSession(db: Database, userId: number): Promise<string> {
  const { token, hash } = newSecureToken();
  await q.insertSession(db, { id: hash, userId, expiresAt: expiry() });
  return token;
}

/** The user behind a session cookie, or null. Extends an idle session's life as it is used. */
export async function resumeSession(db: Database, token: string | undefined): Promise<CurrentUser | null> {
  if (!isWellFormedToken(token)) return null;
  const id = hashSecureToken(token);
  const row = await q.findLiveSession(db, id);
  if (!row) return null;
  if (Date.now() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) await q.extendSession(db, id, expiry());
  return {
    id: row.user_id,
    name: row.name,
    role: row.role as Role,
    locale: row.locale,
    emailVerified: row.email_verified_at !== null,
    sessionId: id,
  };
}

export function endSession(db: Database, sessionId: string) {
  return q.deleteSession(db, sessionId);
}

export function endAllSessions(db: Database, userId: number) {
  return q.deleteSessionsOfUser(db, userId);
}

export function countActiveSessions(db: Database, userId: number) {
  return q.countSessionsOfUser(db, userId);
}

export function pruneSessions(db: Database) {
  return q.deleteExpiredSessions(db);
}
