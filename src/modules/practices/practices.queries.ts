import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import { preferLocale } from '../../db/translation.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { PracticeStatus } from './practices.table.ts';

export type PracticeRow = {
  slug: string;
  external_id: string;
  status: PracticeStatus;
  city_id: number | null;
  country_code: string | null;
  start_year: number | null;
  end_year: number | null;
};

/** Inserts or updates a practice by its external id (imports and seeds are idempotent); returns its id. */
export async function upsertPracticeByExternalId(db: Database, practice: PracticeRow): Promise<number> {
  const published_at = practice.status === 'published' ? new Date() : null;
  const row = await db
    .insertInto('practices')
    .values({ ...practice, published_at })
    .onConflict((oc) =>
      oc.column('external_id').doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        city_id: eb.ref('excluded.city_id'),
        country_code: eb.ref('excluded.country_code'),
        start_year: eb.ref('excluded.start_year'),
        end_year: eb.ref('excluded.end_year'),
        published_at: sql`coalesce(practices.published_at, excluded.published_at)`,
        updated_at: sql`now()`,
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function upsertPracticeTranslation(
  db: Database,
  row: { practice_id: number; locale: Locale; title: string; summary: string },
): Promise<void> {
  await db
    .insertInto('practice_translations')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['practice_id', 'locale']).doUpdateSet((eb) => ({ title: eb.ref('excluded.title'), summary: eb.ref('excluded.summary') })),
    )
    .execute();
}

/** Published practices, newest period first, each in the reader's language or its best fallback. */
export function listPublishedPractices(db: Database, locale: Locale, limit: number) {
  return db
    .selectFrom('practices as p')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('practice_translations')
          .select(['title', 'summary', 'locale'])
          .whereRef('practice_id', '=', 'p.id')
          .orderBy(preferLocale(locale))
          .limit(1)
          .as('tr'),
      (join) => join.onTrue(),
    )
    .leftJoin('cities as c', 'c.id', 'p.city_id')
    .select([
      'p.slug',
      'p.country_code',
      'p.start_year',
      'p.end_year',
      'tr.title',
      'tr.summary',
      'tr.locale as content_locale',
      'c.name as city_name',
      'c.names as city_names',
    ])
    .where('p.status', '=', 'published')
    .orderBy('p.start_year', (ob) => ob.desc().nullsLast())
    .orderBy('p.id', 'desc')
    .limit(limit)
    .execute();
}
