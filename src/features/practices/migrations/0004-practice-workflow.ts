import { type Kysely, sql } from 'kysely';

// The editorial workflow of good practices, their files and their contact.
//
// Members never write the public record directly: every change is a *revision* (the whole proposed
// record as JSON) that moves through review. Approving a revision copies it into the live tables, so a
// published practice stays online unchanged while its next version is being reviewed (ADR 006).
// `practices.status` is now only the public visibility: draft (never published), published, archived.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('practices')
    .addColumn('project_state', 'text', (c) => c.check(sql`project_state in ('ongoing','completed')`))
    .addColumn('contact_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('documents', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('images', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('archived_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('practices_author').on('practices').column('author_user_id').execute();

  // Uploaded files, content-addressed: the same bytes are stored once; names on disk are the SHA-256.
  await db.schema
    .createTable('uploads')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('document','image')`))
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('uploader_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('uploads_sha256').on('uploads').column('sha256').execute();

  await db.schema
    .createTable('practice_revisions')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('practice_id', 'integer', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`state in ('draft','submitted','in_review','changes_requested','resubmitted','published','rejected','withdrawn')`),
    )
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('author_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reviewer_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // One open revision per practice: a second edit continues the first instead of forking it.
  await sql`create unique index practice_revisions_open on practice_revisions (practice_id)
            where state in ('draft','submitted','in_review','changes_requested','resubmitted')`.execute(db);
  await db.schema.createIndex('practice_revisions_state').on('practice_revisions').column('state').execute();

  // Every state change and every comment, with who and when. Never updated, never deleted.
  await db.schema
    .createTable('practice_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('practice_id', 'integer', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('revision_id', 'integer', (c) => c.references('practice_revisions.id').onDelete('set null'))
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('practice_history_practice').on('practice_history').columns(['practice_id', 'id']).execute();

  // Messages through a practice's contact form: who wrote to whom and when, never the text.
  await db.schema
    .createTable('practice_contacts')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('practice_id', 'integer', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('sender_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recipient_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('practice_contacts').execute();
  await db.schema.dropTable('practice_history').execute();
  await db.schema.dropTable('practice_revisions').execute();
  await db.schema.dropTable('uploads').execute();
  await db.schema.dropIndex('practices_author').execute();
  await db.schema
    .alterTable('practices')
    .dropColumn('project_state')
    .dropColumn('contact_user_id')
    .dropColumn('documents')
    .dropColumn('images')
    .dropColumn('archived_at')
    .execute();
}
