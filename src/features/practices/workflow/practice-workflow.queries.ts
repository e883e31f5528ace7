import { type Selectable, sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import type { PracticeRevisionsTable, PracticeStatus, PracticesTable, RevisionState } from '../practices.table.ts';
import type { PracticeContent } from '../record/practice-content.model.ts';
import { type EditorView, OPEN_STATES, REVIEW_STATES } from './practice-workflow.model.ts';

/** What the workflow decides on: the practice's state and who wrote it. */
const HEADER_COLUMNS = ['id', 'slug', 'status', 'author_user_id', 'published_at', 'archived_at'] as const;
export type PracticeHeader = Pick<Selectable<PracticesTable>, (typeof HEADER_COLUMNS)[number]>;

/** The practice row, locked for the rest of the transaction so two decisions cannot cross. */
export function lockPractice(db: Database, id: number): Promise<PracticeHeader | undefined> {
  return db.selectFrom('practices').select(HEADER_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findPracticeHeader(db: Database, id: number): Promise<PracticeHeader | undefined> {
  return db.selectFrom('practices').select(HEADER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function insertDraftPractice(db: Database, slug: string, authorUserId: number): Promise<number> {
  const row = await db
    .insertInto('practices')
    .values({ slug, status: 'draft', author_user_id: authorUserId, updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type RevisionRow = Selectable<PracticeRevisionsTable>;

const REVISION_COLUMNS = [
  'id',
  'practice_id',
  'state',
  'content',
  'author_user_id',
  'reviewer_user_id',
  'created_at',
  'updated_at',
] as const;

export async function insertRevision(
  db: Database,
  revision: { practiceId: number; content: PracticeContent; authorUserId: number },
): Promise<number> {
  const row = await db
    .insertInto('practice_revisions')
    .values({
      practice_id: revision.practiceId,
      content: JSON.stringify(revision.content),
      author_user_id: revision.authorUserId,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The revision still in the workflow, if any (a unique index allows one). */
export function findOpenRevision(db: Database, practiceId: number): Promise<RevisionRow | undefined> {
  return db
    .selectFrom('practice_revisions')
    .select(REVISION_COLUMNS)
    .where('practice_id', '=', practiceId)
    .where('state', 'in', OPEN_STATES)
    .executeTakeFirst();
}

/** The newest revision whatever its state: what the author last proposed (e.g. a rejected one). */
export function findLatestRevision(db: Database, practiceId: number): Promise<RevisionRow | undefined> {
  return db
    .selectFrom('practice_revisions')
    .select(REVISION_COLUMNS)
    .where('practice_id', '=', practiceId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function updateRevisionContent(db: Database, revisionId: number, content: PracticeContent): Promise<void> {
  await db
    .updateTable('practice_revisions')
    .set({ content: JSON.stringify(content), updated_at: new Date() })
    .where('id', '=', revisionId)
    .execute();
}

export async function setRevisionState(db: Database, revisionId: number, state: RevisionState, reviewerUserId?: number): Promise<void> {
  await db
    .updateTable('practice_revisions')
    .set({ state, updated_at: new Date(), ...(reviewerUserId ? { reviewer_user_id: reviewerUserId } : {}) })
    .where('id', '=', revisionId)
    .execute();
}

export async function setPracticeStatus(db: Database, id: number, status: PracticeStatus): Promise<void> {
  await db
    .updateTable('practices')
    .set({
      status,
      updated_at: new Date(),
      archived_at: status === 'archived' ? new Date() : null,
      published_at: status === 'published' ? sql`coalesce(published_at, now())` : sql`published_at`,
    })
    .where('id', '=', id)
    .execute();
}

export async function insertHistory(
  db: Database,
  entry: { practiceId: number; revisionId: number | null; actorUserId: number; from: string | null; to: string; comment: string },
): Promise<void> {
  await db
    .insertInto('practice_history')
    .values({
      practice_id: entry.practiceId,
      revision_id: entry.revisionId,
      actor_user_id: entry.actorUserId,
      from_state: entry.from,
      to_state: entry.to,
      comment: entry.comment,
    })
    .execute();
}

/** Who did what and when, oldest first; names only (never addresses), "deleted" accounts show no name. */
export function listHistory(db: Database, practiceId: number) {
  return db
    .selectFrom('practice_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_user_id')
    .select(['h.id', 'h.revision_id', 'h.from_state', 'h.to_state', 'h.comment', 'h.created_at', 'u.name as actor_name'])
    .where('h.practice_id', '=', practiceId)
    .orderBy('h.id')
    .execute();
}

/** A practice's latest revision (none for imported ones) and its live title (none before publication). */
export type RevisionSummary = {
  revision_state: RevisionState | null;
  revision_content: Selectable<PracticeRevisionsTable>['content'];
  live_title: string | null;
};

export type WorkflowListRow = Pick<Selectable<PracticesTable>, 'id' | 'slug' | 'status' | 'updated_at'> &
  RevisionSummary & { author_name: string | null };

/** Practices with their latest revision and live title (reader's language first), for the two lists. */
function workflowList(db: Database, locale: string) {
  return db
    .selectFrom('practices as p')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('practice_revisions as r')
          .select(['r.state', 'r.content', 'r.updated_at'])
          .whereRef('r.practice_id', '=', 'p.id')
          .orderBy('r.id', 'desc')
          .limit(1)
          .as('r'),
      (join) => join.onTrue(),
    )
    .leftJoin('users as u', 'u.id', 'p.author_user_id')
    .select((eb) => [
      'p.id',
      'p.slug',
      'p.status',
      'r.state as revision_state',
      'r.content as revision_content',
      'u.name as author_name',
      sql<Date>`greatest(p.updated_at, r.updated_at)`.as('updated_at'),
      eb
        .selectFrom('practice_translations as t')
        .select('t.title')
        .whereRef('t.practice_id', '=', 'p.id')
        .orderBy(sql`(t.locale = ${locale}) desc, (t.locale = 'en') desc, t.locale`)
        .limit(1)
        .as('live_title'),
    ]);
}

export function listPracticesByAuthor(db: Database, userId: number, locale: string): Promise<WorkflowListRow[]> {
  return workflowList(db, locale).where('p.author_user_id', '=', userId).orderBy('updated_at', 'desc').limit(500).execute();
}

/** What waits for editors (submitted first-come first-served), or every practice in one status. */
export function listForEditors(db: Database, locale: string, view: EditorView): Promise<WorkflowListRow[]> {
  let query = workflowList(db, locale);
  if (view === 'review') query = query.where('r.state', 'in', REVIEW_STATES).orderBy('r.updated_at', 'asc');
  else if (view === 'changes') query = query.where('r.state', '=', 'changes_requested').orderBy('r.updated_at', 'asc');
  else query = query.where('p.status', '=', view).orderBy('updated_at', 'desc');
  return query.limit(500).execute();
}

/** Count per list, for the editor tabs. */
export async function countForEditors(db: Database): Promise<Record<EditorView, number>> {
  const result = await sql<Record<EditorView, number>>`
    select
      (select count(*)::int from practice_revisions where state in (${sql.join(REVIEW_STATES)})) as review,
      (select count(*)::int from practice_revisions where state = 'changes_requested') as changes,
      (select count(*)::int from practices where status = 'published') as published,
      (select count(*)::int from practices where status = 'archived') as archived,
      (select count(*)::int from practices where status = 'draft') as draft`.execute(db);
  return result.rows[0] as Record<EditorView, number>;
}
