import type { Database } from '../../platform/db/client.ts';

/** The experts a member wrote to, and when: the platform never keeps the text (see contact/expert-contact.service.ts). */
export function listExpertContactsSentBy(db: Database, userId: number) {
  return db
    .selectFrom('expert_contacts as c')
    .innerJoin('experts as x', 'x.id', 'c.expert_id')
    .select(['x.slug', 'x.display_name', 'c.created_at'])
    .where('c.sender_user_id', '=', userId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

/** When the member's own expert profile was written to (never by whom: that is the sender's data). */
export function listExpertContactsReceivedBy(db: Database, userId: number) {
  return db
    .selectFrom('expert_contacts as c')
    .innerJoin('experts as x', 'x.id', 'c.expert_id')
    .select('c.created_at')
    .where('x.user_id', '=', userId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

/** The matching requests an editor saved. */
export function listMatchRequestsCreatedBy(db: Database, userId: number) {
  return db
    .selectFrom('match_requests')
    .select(['title', 'query', 'created_at', 'updated_at'])
    .where('created_by', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The notes an editor wrote on which expert was contacted for which request. */
export function listMatchNotesBy(db: Database, userId: number) {
  return db
    .selectFrom('match_request_contacts as c')
    .innerJoin('match_requests as r', 'r.id', 'c.request_id')
    .innerJoin('experts as x', 'x.id', 'c.expert_id')
    .select(['r.title as request_title', 'x.slug', 'x.display_name', 'c.note', 'c.created_at'])
    .where('c.noted_by', '=', userId)
    .orderBy('c.created_at')
    .execute();
}

/** The records stay for the experts and the editorial team; they no longer say that this member wrote them. */
export async function forgetExpertContactSender(db: Database, userId: number): Promise<void> {
  await db.updateTable('expert_contacts').set({ sender_user_id: null }).where('sender_user_id', '=', userId).execute();
}

export async function forgetMatchRequestAuthor(db: Database, userId: number): Promise<void> {
  await db.updateTable('match_requests').set({ created_by: null }).where('created_by', '=', userId).execute();
  await db.updateTable('match_request_contacts').set({ noted_by: null }).where('noted_by', '=', userId).execute();
}
