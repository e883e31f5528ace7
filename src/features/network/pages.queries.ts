import type { Database } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { NetworkPage } from './network.model.ts';
import type { NetworkStatus, PagePlacement } from './network.table.ts';

// The network's pages: a few dozen at most, so each list reads every page with all its texts at once.

type Filter = { published?: boolean; slug?: string; externalId?: string; id?: number };

export async function selectPages(db: Database, filter: Filter = {}): Promise<NetworkPage[]> {
  let query = db.selectFrom('network_pages').selectAll().orderBy('position').orderBy('id');
  if (filter.published) query = query.where('status', '=', 'published');
  if (filter.slug !== undefined) query = query.where('slug', '=', filter.slug);
  if (filter.externalId !== undefined) query = query.where('external_id', '=', filter.externalId);
  if (filter.id !== undefined) query = query.where('id', '=', filter.id);
  const pages = await query.execute();
  if (!pages.length) return [];
  const texts = await db
    .selectFrom('network_page_translations')
    .select(['page_id', 'locale', 'title', 'body'])
    .where(
      'page_id',
      'in',
      pages.map((p) => p.id),
    )
    .orderBy('locale')
    .execute();
  return pages.map((p) => ({
    id: p.id,
    externalId: p.external_id,
    slug: p.slug,
    status: p.status,
    placement: p.placement,
    position: p.position,
    updatedAt: p.updated_at,
    texts: texts.filter((t) => t.page_id === p.id).map((t) => ({ locale: t.locale as Locale, title: t.title, body: t.body })),
  }));
}

export type PageRow = { externalId: string; slug: string; status: NetworkStatus; placement: PagePlacement; position: number };

/** Inserts or updates the page with this id (null: a new one); returns its id. */
export async function savePageRow(db: Database, id: number | null, row: PageRow): Promise<number> {
  const values = {
    external_id: row.externalId,
    slug: row.slug,
    status: row.status,
    placement: row.placement,
    position: row.position,
    updated_at: new Date(),
  };
  if (id === null) {
    const inserted = await db
      .insertInto('network_pages')
      .values({ ...values, published_at: row.status === 'published' ? new Date() : null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id;
  }
  await db
    .updateTable('network_pages')
    .set((eb) => ({
      ...values,
      // The first publication's moment stays: it is when the page went public.
      published_at: row.status === 'published' ? eb.fn.coalesce('published_at', eb.val(new Date())) : null,
    }))
    .where('id', '=', id)
    .execute();
  return id;
}

export async function savePageText(db: Database, pageId: number, text: { locale: Locale; title: string; body: string }): Promise<void> {
  await db
    .insertInto('network_page_translations')
    .values({ page_id: pageId, locale: text.locale, title: text.title, body: text.body })
    .onConflict((oc) => oc.columns(['page_id', 'locale']).doUpdateSet({ title: text.title, body: text.body }))
    .execute();
}

export async function deletePageText(db: Database, pageId: number, locale: Locale): Promise<void> {
  await db.deleteFrom('network_page_translations').where('page_id', '=', pageId).where('locale', '=', locale).execute();
}

/** Every language's text of a page (an import replaces them by the file's). */
export async function deletePageTexts(db: Database, pageId: number): Promise<void> {
  await db.deleteFrom('network_page_translations').where('page_id', '=', pageId).execute();
}

export async function deletePageRow(db: Database, id: number): Promise<void> {
  await db.deleteFrom('network_pages').where('id', '=', id).execute();
}

/** When a published page last changed (null: no such published page). */
export async function publishedPageChangedAt(db: Database, slug: string): Promise<Date | null> {
  const row = await db
    .selectFrom('network_pages')
    .select('updated_at')
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row?.updated_at ?? null;
}

export async function slugTaken(db: Database, table: 'network_pages' | 'network_partners', slug: string, exceptId: number | null) {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('slug', '=', slug)
    .$if(exceptId !== null, (q) => q.where('id', '!=', exceptId as number))
    .executeTakeFirst();
  return row !== undefined;
}
