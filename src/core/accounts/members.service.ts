import type { Database } from '../../platform/db/client.ts';
import * as users from './users.queries.ts';

export type { ReachableMember } from './users.queries.ts';

// What other modules may learn about members to notify them: name, address and language of people who
// can receive mail. Never shown on a page; used only to address a message.

export function findReachableMember(db: Database, userId: number) {
  return users.findReachableMember(db, userId);
}

export function listEditorialTeam(db: Database) {
  return users.listReachableEditors(db);
}
