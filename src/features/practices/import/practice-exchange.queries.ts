import type { Database } from '../../../platform/db/client.ts';
import { RECORD_COLUMNS, TEXT_COLUMNS } from '../record/practice-record.queries.ts';

// What the exchange format reads besides the live record's own writes (record/practice-record.queries.ts).

export function findPracticeByExternalId(db: Database, externalId: string) {
  return db.selectFrom('practices').select(['id', 'slug', 'status']).where('external_id', '=', externalId).executeTakeFirst();
}

/** Every practice with its translations and taxonomy, for export (ordered by external id, then id). */
export async function listPracticesForExport(db: Database) {
  const practices = await db
    .selectFrom('practices as p')
    .leftJoin('cities as c', 'c.id', 'p.city_id')
    .select(['p.id', 'p.external_id', 'p.slug', 'p.status', ...RECORD_COLUMNS, 'c.name as city_name'])
    .orderBy('p.external_id')
    .orderBy('p.id')
    .execute();
  const [translations, themes, topics] = await Promise.all([
    db.selectFrom('practice_translations').select(TEXT_COLUMNS).orderBy('locale').execute(),
    db.selectFrom('practice_themes').selectAll().orderBy('theme_slug').execute(),
    db.selectFrom('practice_topics').selectAll().orderBy('topic_slug').execute(),
  ]);
  return { practices, translations, themes, topics };
}
