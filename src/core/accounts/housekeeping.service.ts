import type { Database } from '../../platform/db/client.ts';
import { pruneSessions } from './sessions.service.ts';
import { deleteOldAccountTokens } from './tokens.queries.ts';

/** Deletes expired sessions and long-expired link tokens. */
export async function pruneAccountData(db: Database): Promise<void> {
  await pruneSessions(db);
  await deleteOldAccountTokens(db);
}
