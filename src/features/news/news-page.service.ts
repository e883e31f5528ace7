import { listThemesWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../platform/db/client.ts';
import type { Extensions } from '../../platform/extension.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { findVisibleExpert } from '../experts/index.ts';
import { newsletterItemSources } from '../newsletter/index.ts';
import type { RelatedKind } from './news.table.ts';
import * as q from './news-public.queries.ts';

// What the public news pages show: the list with its filters, an article with what it is about, the
// latest for the home page. Only published articles in complete translations (see the queries).

export const NEWS_PAGE_SIZE = 12;

export type NewsCard = q.NewsCardRow;
export type RelatedLink = { kind: RelatedKind; title: string; url: string };

export async function listRegionChoices(db: Database, locale: Locale) {
  return (await q.listRegionLabels(db)).map((r) => ({ slug: r.slug, label: r.label[locale] ?? r.label.en ?? r.slug }));
}

export async function listNews(db: Database, locale: Locale, filter: q.NewsFilter, page: number) {
  const { rows, total } = await q.listPublicNews(db, locale, filter, { limit: NEWS_PAGE_SIZE, offset: (page - 1) * NEWS_PAGE_SIZE });
  const [themes, regions, years] = await Promise.all([
    listThemesWithTopics(db, locale),
    listRegionChoices(db, locale),
    q.listNewsYears(db),
  ]);
  return { items: rows, total, page, pages: Math.max(1, Math.ceil(total / NEWS_PAGE_SIZE)), themes, regions, years };
}

/** The newest published articles in the reader's language (or the best fallback): the home page's news. */
export function listLatestNews(db: Database, locale: Locale, n: number): Promise<NewsCard[]> {
  return q.listLatestPublicNews(db, locale, n);
}

export type NewsArticle = q.PublicNewsRow;

export function findPublishedNews(db: Database, slug: string, locale: Locale, preview = false) {
  return q.findPublicNews(db, slug, locale, preview);
}

/**
 * What an article links to, in the reader's language: events, practices and project ideas through the
 * newsletter's item sources (each module's own public view of its records), experts through their
 * visible profiles. A record that is gone, hidden or unpublished is left out.
 */
export async function resolveRelated(
  db: Database,
  related: Array<{ kind: RelatedKind; ref: string }>,
  locale: Locale,
  extensions: Extensions,
): Promise<RelatedLink[]> {
  const sources = new Map(extensions.all(newsletterItemSources).map((s) => [s.kind, s]));
  const found = new Map<string, RelatedLink>();
  for (const kind of ['event', 'practice', 'projectIdea'] as const) {
    const refs = related.filter((r) => r.kind === kind).map((r) => r.ref);
    const source = sources.get(kind);
    if (!refs.length || !source) continue;
    for (const [ref, item] of await source.render(db, refs, locale, '')) {
      if (item.url) found.set(`${kind}:${ref}`, { kind, title: item.title, url: item.url });
    }
  }
  for (const r of related.filter((x) => x.kind === 'expert')) {
    const expert = await findVisibleExpert(db, r.ref, null);
    if (expert) found.set(`expert:${r.ref}`, { kind: 'expert', title: expert.displayName, url: `/${locale}/experts/${expert.slug}` });
  }
  return related.flatMap((r) => found.get(`${r.kind}:${r.ref}`) ?? []);
}

export function listNewsSharingTheme(db: Database, id: number, locale: Locale) {
  return q.listNewsSharingTheme(db, id, locale, 3);
}
