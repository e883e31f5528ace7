import { sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import { preferLocale } from '../../../platform/db/translation.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';

// Good practices as items of newsletter editions. A practice is named by its externalId; one written on
// the platform has none, and is then `peerpolis-<id>`, the name the practices export gives it (and the
// one event records use to name the practices presented), so every ref survives an export and import.

/** The name of `p` in refs (`practice:<ref_id>`). */
const REF_ID = sql<string>`coalesce(p.external_id, 'peerpolis-' || p.id)`;

const named = (refIds: string[]) =>
  sql`(p.external_id in (${sql.join(refIds)}) or (p.external_id is null and ('peerpolis-' || p.id) in (${sql.join(refIds)})))`;

/** The text in `locale`, else English, else any; a practice without summary shows the start of its challenge. */
const textIn = (locale: Locale) => sql`(select t.title, coalesce(nullif(t.summary, ''), t.challenge) as summary, t.locale
  from practice_translations t where t.practice_id = p.id order by ${preferLocale(locale, 't.locale')} limit 1)`;

export type PracticeItemRow = {
  ref_id: string;
  slug: string;
  published_at: Date;
  country_code: string | null;
  city_name: string | null;
  city_names: Record<string, string> | null;
  title: string;
  summary: string;
  content_locale: string;
};

const ITEM_COLUMNS = sql`${REF_ID} as ref_id, p.slug, p.published_at, p.country_code::text as country_code,
  c.name as city_name, c.names as city_names, tr.title, tr.summary, tr.locale as content_locale`;

/** Practices first published in [since, until) and still public, latest first. */
export async function listPracticesPublishedIn(
  db: Database,
  locale: Locale,
  w: { since: Date; until: Date; limit: number },
): Promise<PracticeItemRow[]> {
  const result = await sql<PracticeItemRow>`
    select ${ITEM_COLUMNS}
    from practices p left join cities c on c.id = p.city_id cross join lateral ${textIn(locale)} tr
    where p.status = 'published' and p.published_at >= ${w.since} and p.published_at < ${w.until}
    order by p.published_at desc, p.id desc limit ${w.limit}`.execute(db);
  return result.rows;
}

/** The published practices among these ref ids, in `locale` or the best fallback. */
export async function findPracticeItems(db: Database, locale: Locale, refIds: string[]): Promise<PracticeItemRow[]> {
  if (!refIds.length) return [];
  const result = await sql<PracticeItemRow>`
    select ${ITEM_COLUMNS}
    from practices p left join cities c on c.id = p.city_id cross join lateral ${textIn(locale)} tr
    where p.status = 'published' and ${named(refIds)}`.execute(db);
  return result.rows;
}

/** Which of these ref ids name a published practice. */
export async function findPublishedPracticeRefIds(db: Database, refIds: string[]): Promise<string[]> {
  if (!refIds.length) return [];
  const result = await sql<{ ref_id: string }>`
    select ${REF_ID} as ref_id from practices p where p.status = 'published' and ${named(refIds)}`.execute(db);
  return result.rows.map((r) => r.ref_id);
}
