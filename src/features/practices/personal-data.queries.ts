import { type RawBuilder, type Selectable, sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import type { PracticeContactsTable, PracticeHistoryTable, PracticesTable } from './practices.table.ts';
import type { RevisionSummary } from './workflow/practice-workflow.queries.ts';

/**
 * A practice's live title in the member's language, else English, else any; null before publication.
 * The query around it joins the member's users row as `u`.
 */
const liveTitle = (practiceId: RawBuilder<unknown>) => sql<string | null>`(
  select t.title from practice_translations t where t.practice_id = ${practiceId}
  order by (t.locale = u.locale) desc, (t.locale = 'en') desc, t.locale limit 1)`;

/** A practice named by slug and, once published, by its live title. */
type PracticeNamed = Pick<Selectable<PracticesTable>, 'slug'> & { title: string | null };

export type AuthoredPracticeRow = Pick<Selectable<PracticesTable>, 'slug' | 'status' | 'created_at' | 'updated_at'> &
  RevisionSummary & {
    /** The member's language, which the live title was picked for. */
    locale: string;
  };

/**
 * Every practice the member authored, with its latest revision. Not listPracticesByAuthor: the export
 * must be complete (that list stops at 500) and say when each practice was started.
 */
export async function listPracticesAuthoredBy(db: Database, userId: number): Promise<AuthoredPracticeRow[]> {
  const result = await sql<AuthoredPracticeRow>`
    select p.slug, p.status, p.created_at, greatest(p.updated_at, r.updated_at) as updated_at,
      r.state as revision_state, r.content as revision_content, ${liveTitle(sql`p.id`)} as live_title, u.locale
    from practices p join users u on u.id = p.author_user_id
    left join lateral (select state, content, updated_at from practice_revisions
      where practice_id = p.id order by id desc limit 1) r on true
    where p.author_user_id = ${userId}
    order by p.created_at, p.id`.execute(db);
  return result.rows;
}

/**
 * Messages through practices' contact forms that the member sent or received: which practice and when.
 * The text is never kept; the other person is not named (their identity is their data).
 */
export async function listPracticeContactsOf(db: Database, userId: number) {
  const result = await sql<
    PracticeNamed & Pick<Selectable<PracticeContactsTable>, 'created_at'> & { sent: boolean; to_editorial_team: boolean }
  >`
    select p.slug, ${liveTitle(sql`p.id`)} as title, c.created_at, coalesce(c.sender_user_id = ${userId}, false) as sent,
      c.recipient_user_id is null as to_editorial_team
    from practice_contacts c join practices p on p.id = c.practice_id join users u on u.id = ${userId}
    where c.sender_user_id = ${userId} or c.recipient_user_id = ${userId}
    order by c.created_at, c.id`.execute(db);
  return result.rows;
}

/** The workflow steps the member took (their own submissions, an editor's decisions) with their comments. */
export async function listPracticeStepsBy(db: Database, userId: number) {
  const result = await sql<PracticeNamed & Pick<Selectable<PracticeHistoryTable>, 'from_state' | 'to_state' | 'comment' | 'created_at'>>`
    select p.slug, ${liveTitle(sql`p.id`)} as title, h.from_state, h.to_state, h.comment, h.created_at
    from practice_history h join practices p on p.id = h.practice_id join users u on u.id = ${userId}
    where h.actor_user_id = ${userId}
    order by h.created_at, h.id`.execute(db);
  return result.rows;
}

/**
 * Practices the member started and nobody ever submitted for review: still private drafts, seen by no
 * reader. The history decides, since it is never rewritten: a revision's own state may since have
 * moved on (withdrawn after submission).
 */
export async function findUnsubmittedDraftsOf(db: Database, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('practices as p')
    .select('p.id')
    .where('p.author_user_id', '=', userId)
    .where('p.status', '=', 'draft')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('practice_history as h')
            .select('h.id')
            .whereRef('h.practice_id', '=', 'p.id')
            .where('h.to_state', 'in', ['submitted', 'resubmitted']),
        ),
      ),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** Deletes practices with their revisions, history, texts, lists and contact log (foreign keys cascade). */
export async function deletePractices(db: Database, ids: number[]): Promise<void> {
  if (ids.length) await db.deleteFrom('practices').where('id', 'in', ids).execute();
}

/**
 * The member's own unsubmitted edit of a practice they authored (open, still 'draft'). Edits the member
 * started on other people's practices stay: the open revision is shared with the practice's author.
 */
export async function deleteOwnDraftRevisions(db: Database, userId: number): Promise<void> {
  await sql`delete from practice_revisions r using practices p
            where p.id = r.practice_id and p.author_user_id = ${userId} and r.author_user_id = ${userId} and r.state = 'draft'`.execute(db);
}

/**
 * The member is no longer the contact person of a practice: neither its link to the account nor the
 * name typed for it ("I am the contact person" goes with one's own name), live or in any revision.
 */
export async function removeContactPerson(db: Database, userId: number): Promise<void> {
  await db.updateTable('practices').set({ contact_user_id: null, contact_name: null }).where('contact_user_id', '=', userId).execute();
  await sql`update practice_revisions
            set content = jsonb_set(jsonb_set(content, '{contact,userId}', 'null'::jsonb), '{contact,name}', '""'::jsonb)
            where content -> 'contact' ->> 'userId' = ${String(userId)}`.execute(db);
}

/** Records that stay lose the link to the member: they no longer say who wrote, reviewed or received. */
export async function forgetPracticePerson(db: Database, userId: number): Promise<void> {
  await db.updateTable('practices').set({ author_user_id: null }).where('author_user_id', '=', userId).execute();
  await db.updateTable('practice_revisions').set({ author_user_id: null }).where('author_user_id', '=', userId).execute();
  await db.updateTable('practice_revisions').set({ reviewer_user_id: null }).where('reviewer_user_id', '=', userId).execute();
  await db.updateTable('practice_history').set({ actor_user_id: null }).where('actor_user_id', '=', userId).execute();
  await db.updateTable('practice_contacts').set({ sender_user_id: null }).where('sender_user_id', '=', userId).execute();
  await db.updateTable('practice_contacts').set({ recipient_user_id: null }).where('recipient_user_id', '=', userId).execute();
}
