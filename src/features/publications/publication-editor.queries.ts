import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import { preferLocale } from '../../platform/db/translation.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { PUBLICATION_NAME } from './publications.queries.ts';
import type { PublicationKind, PublicationStatus } from './publications.table.ts';

// The SQL of changing publications (the editors' form and the exchange format) and of the choices the
// form offers.

export type PublicationWrite = {
  status: PublicationStatus;
  kind: PublicationKind;
  year: number;
  languages: string[];
  file_upload_id: number | null;
  url: string | null;
  cover_upload_id: number | null;
  event_id: number | null;
};

/** The row lock every change of one publication takes first, so two editors' saves never interleave. */
export async function lockPublication(db: Database, id: number) {
  const result = await sql<{ id: number; slug: string; status: PublicationStatus }>`
    select id, slug, status from publications where id = ${id} for update`.execute(db);
  return result.rows[0];
}

export async function isPublicationSlugTaken(db: Database, slug: string): Promise<boolean> {
  return (await db.selectFrom('publications').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

export async function insertPublication(
  db: Database,
  slug: string,
  externalId: string | null,
  w: PublicationWrite,
  userId: number | null,
): Promise<number> {
  const row = await db
    .insertInto('publications')
    .values({
      slug,
      external_id: externalId,
      ...w,
      created_by: userId,
      updated_by: userId,
      published_at: w.status === 'published' ? new Date() : null,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes the record; the first publication keeps its date. */
export async function updatePublication(db: Database, id: number, w: PublicationWrite, userId: number | null): Promise<void> {
  await db
    .updateTable('publications')
    .set({
      ...w,
      updated_by: userId,
      updated_at: new Date(),
      published_at: w.status === 'published' ? sql<Date>`coalesce(published_at, now())` : sql<null>`published_at`,
    })
    .where('id', '=', id)
    .execute();
}

export async function setPublicationStatus(db: Database, id: number, status: PublicationStatus, userId: number): Promise<void> {
  await db
    .updateTable('publications')
    .set({
      status,
      updated_by: userId,
      updated_at: new Date(),
      published_at: status === 'published' ? sql<Date>`coalesce(published_at, now())` : sql<null>`published_at`,
    })
    .where('id', '=', id)
    .execute();
}

/** Writes one language's texts; without `cover_alt` (an import) the cover's description stays as it was. */
export async function upsertPublicationText(
  db: Database,
  id: number,
  t: { locale: string; title: string; summary: string; cover_alt?: string },
) {
  await db
    .insertInto('publication_translations')
    .values({ publication_id: id, locale: t.locale, title: t.title, summary: t.summary, cover_alt: t.cover_alt ?? '' })
    .onConflict((oc) =>
      oc
        .columns(['publication_id', 'locale'])
        .doUpdateSet({ title: t.title, summary: t.summary, ...(t.cover_alt === undefined ? {} : { cover_alt: t.cover_alt }) }),
    )
    .execute();
}

/** Removes the texts of every language but these (an import's record names all its languages). */
export async function deletePublicationTextsExcept(db: Database, id: number, locales: string[]): Promise<void> {
  let query = db.deleteFrom('publication_translations').where('publication_id', '=', id);
  if (locales.length) query = query.where('locale', 'not in', locales);
  await query.execute();
}

export async function replacePublicationTaxonomy(db: Database, id: number, themes: string[], regions: string[]): Promise<void> {
  await db.deleteFrom('publication_themes').where('publication_id', '=', id).execute();
  await db.deleteFrom('publication_regions').where('publication_id', '=', id).execute();
  if (themes.length)
    await db
      .insertInto('publication_themes')
      .values(themes.map((theme_slug) => ({ publication_id: id, theme_slug })))
      .execute();
  if (regions.length)
    await db
      .insertInto('publication_regions')
      .values(regions.map((region_slug) => ({ publication_id: id, region_slug })))
      .execute();
}

/**
 * Events a publication can document: the newest 1,000, titled in the editor's language (drafts too:
 * editors only), and always the one the form has chosen (`linked`): a linked event missing from the
 * <select> would be dropped by the next save, since the browser then sends the first option ("none").
 */
export async function listEventChoices(db: Database, locale: Locale, linked: number | null) {
  const result = await sql<{ id: number; title: string; starts_at: string }>`
    select e.id, tr.title, e.starts_at::text as starts_at from events e
    cross join lateral (select t.title from event_translations t where t.event_id = e.id order by ${preferLocale(locale, 't.locale')} limit 1) tr
    where e.id in (select id from events order by starts_at desc, id desc limit 1000) or e.id = ${linked}
    order by e.starts_at desc, e.id desc`.execute(db);
  return result.rows;
}

export async function eventExists(db: Database, id: number): Promise<boolean> {
  return (await db.selectFrom('events').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

// Events made on the platform have no external id: the events export names them `event-<id>`, and so
// does this look-up, so an export imports back with the same links.
const EVENT_NAME = sql`coalesce(external_id, 'event-' || id)`;

export async function findEventIdByName(db: Database, name: string): Promise<number | null> {
  const result = await sql<{ id: number }>`select id from events where ${EVENT_NAME} = ${name}`.execute(db);
  return result.rows[0]?.id ?? null;
}

export async function findPublicationByName(db: Database, name: string) {
  const result = await sql<{ id: number; file_upload_id: number | null; cover_upload_id: number | null }>`
    select p.id, p.file_upload_id, p.cover_upload_id from publications p where ${PUBLICATION_NAME} = ${name}`.execute(db);
  return result.rows[0];
}

/** Every publication in the exchange format's terms (drafts too: an export is a backup). */
export async function listPublicationsForExport(db: Database) {
  const result = await sql<{
    name: string;
    status: PublicationStatus;
    kind: PublicationKind;
    year: number;
    languages: string[];
    url: string | null;
    event_name: string | null;
    themes: string[];
    regions: string[];
    texts: Array<{ locale: string; title: string; summary: string }>;
  }>`
    select ${PUBLICATION_NAME} as name, p.status, p.kind, p.year, p.languages, p.url,
      (select coalesce(e.external_id, 'event-' || e.id) from events e where e.id = p.event_id) as event_name,
      array(select theme_slug from publication_themes where publication_id = p.id order by 1) as themes,
      array(select region_slug from publication_regions where publication_id = p.id order by 1) as regions,
      coalesce((select json_agg(json_build_object('locale', t.locale, 'title', t.title, 'summary', t.summary) order by t.locale)
                from publication_translations t where t.publication_id = p.id), '[]') as texts
    from publications p order by p.id`.execute(db);
  return result.rows;
}
