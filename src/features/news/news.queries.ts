import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import type { RelatedKind } from './news.table.ts';

// Writing news articles and reading them for editors (drafts included). Public reads: news-public.queries.ts.

export type NewsText = { locale: string; title: string; lead: string; body: string };
export type NewsPicture = { uploadId: number | null; sha256: string; width: number; height: number };

export type NewsRecord = {
  id: number;
  external_id: string;
  slug: string;
  status: 'draft' | 'published';
  published_at: Date | null;
  picture_upload_id: number | null;
  picture_sha256: string | null;
  picture_width: number | null;
  picture_height: number | null;
  picture_alt: Record<string, string>;
  picture_credit: string;
  updated_at: Date;
  texts: NewsText[];
  themes: string[];
  regions: string[];
  countries: string[];
  related: Array<{ kind: RelatedKind; ref: string }>;
};

const RECORD = sql`a.id, a.external_id, a.slug, a.status, a.published_at, a.picture_upload_id, a.picture_sha256,
  a.picture_width, a.picture_height, a.picture_alt, a.picture_credit, a.updated_at,
  coalesce((select json_agg(json_build_object('locale', t.locale, 'title', t.title, 'lead', t.lead, 'body', t.body) order by t.locale)
    from news_translations t where t.article_id = a.id), '[]') as texts,
  array(select x.theme_slug from news_themes x where x.article_id = a.id order by 1) as themes,
  array(select x.region_slug from news_regions x where x.article_id = a.id order by 1) as regions,
  array(select x.country_code::text from news_countries x where x.article_id = a.id order by 1) as countries,
  coalesce((select json_agg(json_build_object('kind', r.kind, 'ref', r.ref) order by r.position)
    from news_related r where r.article_id = a.id), '[]') as related`;

export async function findNewsRecord(
  db: Database,
  by: { slug: string } | { externalId: string },
  lock = false,
): Promise<NewsRecord | undefined> {
  const where = 'slug' in by ? sql`a.slug = ${by.slug}` : sql`a.external_id = ${by.externalId}`;
  const result = await sql<NewsRecord>`select ${RECORD} from news_articles a where ${where} ${lock ? sql`for update` : sql``}`.execute(db);
  return result.rows[0];
}

/** Every article, newest first (drafts without a date first): the editors' list and the export. */
export async function listNewsRecords(db: Database): Promise<NewsRecord[]> {
  const result = await sql<NewsRecord>`select ${RECORD} from news_articles a
    order by a.published_at desc nulls first, a.id desc`.execute(db);
  return result.rows;
}

export async function isNewsSlugTaken(db: Database, slug: string): Promise<boolean> {
  const result = await sql`select 1 from news_articles where slug = ${slug}`.execute(db);
  return result.rows.length > 0;
}

export type NewsWrite = { status: 'draft' | 'published'; published_at: Date | null; userId: number | null };

export async function insertNewsArticle(db: Database, externalId: string, slug: string, w: NewsWrite): Promise<number> {
  const result = await sql<{ id: number }>`insert into news_articles (external_id, slug, status, published_at, created_by, updated_by)
    values (${externalId}, ${slug}, ${w.status}, ${w.published_at}, ${w.userId}, ${w.userId}) returning id`.execute(db);
  return (result.rows[0] as { id: number }).id;
}

export async function updateNewsArticle(db: Database, id: number, w: NewsWrite): Promise<void> {
  await sql`update news_articles set status = ${w.status}, published_at = ${w.published_at},
    updated_by = coalesce(${w.userId}, updated_by), updated_at = now() where id = ${id}`.execute(db);
}

/** Replaces the texts, taxonomy and related records of an article with these. */
export async function replaceNewsContent(
  db: Database,
  id: number,
  c: { texts: NewsText[]; themes: string[]; regions: string[]; countries: string[]; related: Array<{ kind: RelatedKind; ref: string }> },
): Promise<void> {
  for (const table of ['news_translations', 'news_themes', 'news_regions', 'news_countries', 'news_related']) {
    await sql`delete from ${sql.table(table)} where article_id = ${id}`.execute(db);
  }
  for (const t of c.texts) {
    await sql`insert into news_translations (article_id, locale, title, lead, body)
      values (${id}, ${t.locale}, ${t.title}, ${t.lead}, ${t.body})`.execute(db);
  }
  for (const slug of c.themes) await sql`insert into news_themes (article_id, theme_slug) values (${id}, ${slug})`.execute(db);
  for (const slug of c.regions) await sql`insert into news_regions (article_id, region_slug) values (${id}, ${slug})`.execute(db);
  for (const code of c.countries) await sql`insert into news_countries (article_id, country_code) values (${id}, ${code})`.execute(db);
  for (const [position, r] of c.related.entries()) {
    await sql`insert into news_related (article_id, kind, ref, position) values (${id}, ${r.kind}, ${r.ref}, ${position})`.execute(db);
  }
}

export async function updateNewsPicture(
  db: Database,
  id: number,
  picture: NewsPicture | null,
  text: { alt: Record<string, string>; credit: string },
  userId: number | null,
): Promise<void> {
  await sql`update news_articles set picture_upload_id = ${picture?.uploadId ?? null}, picture_sha256 = ${picture?.sha256 ?? null},
    picture_width = ${picture?.width ?? null}, picture_height = ${picture?.height ?? null},
    picture_alt = ${JSON.stringify(picture ? text.alt : {})}::jsonb, picture_credit = ${picture ? text.credit : ''},
    updated_by = coalesce(${userId}, updated_by), updated_at = now() where id = ${id}`.execute(db);
}

/** Articles created or changed by a person, for their data export. */
export async function listNewsOfUser(db: Database, userId: number) {
  const result = await sql<{ external_id: string; slug: string; created: boolean; updated: boolean; updated_at: Date }>`
    select external_id, slug, created_by = ${userId} as created, updated_by = ${userId} as updated, updated_at
    from news_articles where created_by = ${userId} or updated_by = ${userId} order by id`.execute(db);
  return result.rows;
}

export async function forgetNewsAuthor(db: Database, userId: number): Promise<void> {
  await sql`update news_articles set created_by = null where created_by = ${userId}`.execute(db);
  await sql`update news_articles set updated_by = null where updated_by = ${userId}`.execute(db);
}
