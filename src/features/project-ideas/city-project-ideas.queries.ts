import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import { preferLocale } from '../../platform/db/translation.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { ProjectStage } from './project-ideas.table.ts';

// The SQL of a municipality's project ideas, for its city page.

/** The municipality's published project ideas, latest change first, titled in the reader's language. */
export async function listProjectIdeasOfCity(db: Database, locale: Locale, cityId: number, limit: number) {
  const result = await sql<{ slug: string; stage: ProjectStage; title: string; content_locale: string }>`
    select p.slug, p.stage, tr.title, tr.locale as content_locale
    from project_ideas p
    cross join lateral (select t.title, t.locale from project_idea_translations t where t.project_idea_id = p.id
                        order by ${preferLocale(locale, 't.locale')} limit 1) tr
    where p.city_id = ${cityId} and p.status = 'published'
    order by p.updated_at desc, p.id desc
    limit ${limit}`.execute(db);
  return result.rows;
}
