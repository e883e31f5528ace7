import type { UploadAccessRule } from '../../core/uploads/index.ts';
import { can } from '../../platform/http/policy.ts';
import { getI18n } from '../../platform/i18n/i18n.ts';
import { isLocale, type Locale } from '../../platform/i18n/locales.ts';
import { rankedSearchSource, type SearchSource, type SitemapSource } from '../discovery/index.ts';
import { type ItemSuggestion, itemSummary, type NewsletterItemSource, type RenderedItem } from '../newsletter/index.ts';
import * as q from './news-public.queries.ts';

// What the news offers other modules: the site search, the sitemap, newsletter items and the rule for
// its pictures. All of them see published articles only (news-public.queries.ts).

export const newsSearchSource: SearchSource = rankedSearchSource('news', 'news', q.searchPublicNews);

export const newsSitemapSource: SitemapSource = {
  name: 'news',
  count: (db) => q.countPublicNews(db),
  entries: async (db, page) =>
    (await q.listNewsSitemapRows(db, page)).map((r) => ({
      path: `/news/${r.slug}`,
      locales: r.locales.filter(isLocale),
      updatedAt: r.updated_at,
    })),
};

/** Articles published in the window: suggested for the edition's Review. */
async function suggestNews(
  db: Parameters<NewsletterItemSource['suggest']>[0],
  window: { since: Date; until: Date },
  locale: Locale,
): Promise<ItemSuggestion[]> {
  const i18n = getI18n(locale);
  const rows = (await q.listLatestPublicNews(db, locale, 50, window.since)).filter((n) => n.published_at < window.until);
  return rows.map((n) => ({
    section: 'review',
    ref: `news:${n.external_id}`,
    title: n.title,
    reason: i18n.t('news.publishedOn', { date: i18n.formatDate(n.published_at.toISOString().slice(0, 10)) }),
    at: n.published_at,
  }));
}

async function renderNews(db: Parameters<NewsletterItemSource['render']>[0], ids: string[], locale: Locale, baseUrl: string) {
  const i18n = getI18n(locale);
  const rows = await q.findPublicNewsByExternalIds(db, locale, ids);
  return new Map<string, RenderedItem>(
    rows.map((n) => [
      n.external_id,
      {
        title: n.title,
        text: itemSummary(n.lead),
        url: `${baseUrl}/${locale}/news/${n.slug}`,
        locale: n.locale,
        meta: i18n.formatDate(n.published_at.toISOString().slice(0, 10)),
      },
    ]),
  );
}

/** News as newsletter items: `news:<externalId>`. */
export const newsNewsletterItems: NewsletterItemSource = {
  kind: 'news',
  suggest: suggestNews,
  render: renderNews,
  exists: async (db, ids) => new Set((await q.findPublicNewsByExternalIds(db, 'en', ids)).map((n) => n.external_id)),
};

/** A draft's picture is for editors; once an article showing it is published, for everyone. */
export const newsPictureAccess: UploadAccessRule = async (db, sha256, viewer) => {
  const holders = await q.findNewsHoldingPicture(db, sha256);
  if (holders.length === 0) return 'unclaimed';
  if (holders.some((h) => h.published)) return 'public';
  // Who may open the editor (a confirmed address and the role), as for publications' and videos' files.
  return can(viewer, 'edit-content') ? 'allowed' : 'denied';
};
