import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import { matchesInOwnLanguage } from '../../platform/db/site-search.queries.ts';
import { preferLocale } from '../../platform/db/translation.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { PublicationKind, PublicationStatus } from './publications.table.ts';

// The SQL of reading publications: the public list, one page, the feed, the event's documentation, the
// site search and the sitemap (the editors' writes and the exchange format: publication-editor.queries.ts).

/** The name a publication goes by in the exchange format and the search: its external id, else one made from its id. */
export const PUBLICATION_NAME = sql<string>`coalesce(p.external_id, 'publication-' || p.id)`;

/**
 * Words matched in every language with that language's own configuration, one branch per locale, so
 * the per-locale partial GIN indexes of migration 0014 apply.
 */
export const matchesWords = (words: string): RawBuilder<boolean> => matchesInOwnLanguage(words, 's');

export type PublicationFilters = {
  words: string;
  kinds: PublicationKind[];
  themes: string[];
  regions: string[];
  years: number[];
  /** ISO 639-1 codes of the document's language. */
  languages: string[];
  /** Editors' own list only: the public never sees drafts. */
  includeDrafts: boolean;
};

function filterSql(f: PublicationFilters) {
  return sql`${f.includeDrafts ? sql`true` : sql`p.status = 'published'`}
    ${f.kinds.length ? sql`and p.kind in (${sql.join(f.kinds)})` : sql``}
    ${f.years.length ? sql`and p.year in (${sql.join(f.years)})` : sql``}
    ${f.languages.length ? sql`and p.languages && ${sql.val(f.languages)}::text[]` : sql``}
    ${f.themes.length ? sql`and exists (select 1 from publication_themes t where t.publication_id = p.id and t.theme_slug in (${sql.join(f.themes)}))` : sql``}
    ${f.regions.length ? sql`and exists (select 1 from publication_regions r where r.publication_id = p.id and r.region_slug in (${sql.join(f.regions)}))` : sql``}
    ${f.words ? sql`and exists (select 1 from publication_translations s where s.publication_id = p.id and ${matchesWords(f.words)})` : sql``}`;
}

export type PublicationListRow = {
  id: number;
  slug: string;
  status: PublicationStatus;
  kind: PublicationKind;
  year: number;
  languages: string[];
  title: string;
  summary: string;
  content_locale: string;
  has_file: boolean;
  updated_at: Date;
  total: number;
};

/** Publications matching every filter, newest year first, with the total. */
export async function searchPublications(db: Database, locale: Locale, f: PublicationFilters, page: { limit: number; offset: number }) {
  const result = await sql<PublicationListRow>`
    select p.id, p.slug, p.status, p.kind, p.year, p.languages, tr.title, tr.summary, tr.locale as content_locale,
      p.file_upload_id is not null as has_file, p.updated_at, count(*) over ()::int as total
    from publications p
    cross join lateral (select t.title, t.summary, t.locale from publication_translations t where t.publication_id = p.id
                        order by ${preferLocale(locale, 't.locale')} limit 1) tr
    where ${filterSql(f)}
    order by p.year desc, p.published_at desc nulls last, p.id desc
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return result.rows;
}

/** The years and document languages published publications have: the filters' choices. */
export async function listPublishedFacets(db: Database) {
  const result = await sql<{ years: number[] | null; languages: string[] | null }>`
    select array(select distinct year from publications where status = 'published' order by 1 desc) as years,
      array(select distinct unnest(languages) from publications where status = 'published' order by 1) as languages`.execute(db);
  return { years: result.rows[0]?.years ?? [], languages: result.rows[0]?.languages ?? [] };
}

export type PublicationText = { locale: string; title: string; summary: string; cover_alt: string };
export type StoredFile = { upload_id: number; sha256: string; bytes: number; original_name: string };
export type StoredCover = { upload_id: number; sha256: string; width: number; height: number };

export type PublicationRecord = {
  id: number;
  slug: string;
  external_id: string | null;
  status: PublicationStatus;
  kind: PublicationKind;
  year: number;
  languages: string[];
  url: string | null;
  file: StoredFile | null;
  cover: StoredCover | null;
  event_id: number | null;
  event: { slug: string; status: string; external_id: string | null; titles: Record<string, string> } | null;
  published_at: Date | null;
  updated_at: Date;
  texts: PublicationText[];
  themes: string[];
  regions: string[];
};

/** One publication with everything its page and its editor form show (drafts too: callers decide who sees it). */
export async function findPublicationBySlug(db: Database, slug: string): Promise<PublicationRecord | undefined> {
  const result = await sql<PublicationRecord>`
    select p.id, p.slug, p.external_id, p.status, p.kind, p.year, p.languages, p.url, p.event_id, p.published_at, p.updated_at,
      (select json_build_object('upload_id', u.id, 'sha256', u.sha256, 'bytes', u.bytes, 'original_name', u.original_name)
         from uploads u where u.id = p.file_upload_id) as file,
      (select json_build_object('upload_id', u.id, 'sha256', u.sha256, 'width', u.width, 'height', u.height)
         from uploads u where u.id = p.cover_upload_id) as cover,
      (select json_build_object('slug', e.slug, 'status', e.status, 'external_id', e.external_id,
                'titles', (select json_object_agg(t.locale, t.title) from event_translations t where t.event_id = e.id))
         from events e where e.id = p.event_id) as event,
      coalesce((select json_agg(json_build_object('locale', t.locale, 'title', t.title, 'summary', t.summary, 'cover_alt', t.cover_alt)
                 order by t.locale) from publication_translations t where t.publication_id = p.id), '[]') as texts,
      array(select theme_slug from publication_themes where publication_id = p.id order by 1) as themes,
      array(select region_slug from publication_regions where publication_id = p.id order by 1) as regions
    from publications p where p.slug = ${slug}`.execute(db);
  return result.rows[0];
}

export type FeedRow = {
  slug: string;
  name: string;
  kind: PublicationKind;
  year: number;
  title: string;
  summary: string;
  content_locale: string;
  url: string | null;
  file_sha256: string | null;
  file_bytes: number | null;
  published_at: Date | null;
  updated_at: Date;
};

/** The newest published publications for a language's feed (texts in that language, else English, else any). */
export async function listFeedPublications(db: Database, locale: Locale, limit: number): Promise<FeedRow[]> {
  const result = await sql<FeedRow>`
    select p.slug, ${PUBLICATION_NAME} as name, p.kind, p.year, tr.title, tr.summary, tr.locale as content_locale, p.url,
      u.sha256 as file_sha256, u.bytes as file_bytes, p.published_at, p.updated_at
    from publications p
    left join uploads u on u.id = p.file_upload_id
    cross join lateral (select t.title, t.summary, t.locale from publication_translations t where t.publication_id = p.id
                        order by ${preferLocale(locale, 't.locale')} limit 1) tr
    where p.status = 'published'
    order by coalesce(p.published_at, p.updated_at) desc, p.id desc
    limit ${limit}`.execute(db);
  return result.rows;
}

/** Published publications documenting an event (its page lists them). */
export async function listPublicationsOfEvent(db: Database, locale: Locale, eventId: number) {
  const result = await sql<{ slug: string; kind: PublicationKind; year: number; title: string; content_locale: string }>`
    select p.slug, p.kind, p.year, tr.title, tr.locale as content_locale
    from publications p
    cross join lateral (select t.title, t.locale from publication_translations t where t.publication_id = p.id
                        order by ${preferLocale(locale, 't.locale')} limit 1) tr
    where p.event_id = ${eventId} and p.status = 'published'
    order by p.year desc, tr.title`.execute(db);
  return result.rows;
}

/** Whether a stored file belongs to publications, and whether one of them is published (upload access). */
export async function findPublicationsHoldingFile(db: Database, sha256: string) {
  const result = await sql<{ published: boolean }>`
    select p.status = 'published' as published
    from uploads u join publications p on p.file_upload_id = u.id or p.cover_upload_id = u.id
    where u.sha256 = ${sha256}`.execute(db);
  return result.rows;
}
