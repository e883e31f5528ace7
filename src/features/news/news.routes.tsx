import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { listThemesWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import { uploadUrl } from '../../core/uploads/uploads.service.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { ATOM_MEDIA_TYPE, atomFeedXml } from '../../platform/lib/atom.ts';
import { markdownToText, renderMarkdown } from '../../platform/lib/markdown.ts';
import { JsonLd } from '../../platform/ui/json-ld.tsx';
import { NewsArticlePage, NewsListPage } from './news.views.tsx';
import {
  findPublishedNews,
  listLatestNews,
  listNews,
  listNewsSharingTheme,
  listRegionChoices,
  resolveRelated,
} from './news-page.service.ts';

// The public news: /news (filters, pages), /news/feed.atom (per language), /news/<slug>.

const FEED_SIZE = 20;

const listQuery = z.object({
  theme: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .catch(''),
  region: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .catch(''),
  year: z
    .string()
    .regex(/^(19|20)\d{2}$/)
    .catch(''),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** An article's page; `preview` lets editors see a draft (never indexed, never cached). */
export async function showNewsArticle(c: Context<AppEnv>, slug: string, options: { preview?: boolean } = {}) {
  const { i18n, deps } = c.var;
  const article = await findPublishedNews(deps.db, slug, i18n.locale, options.preview);
  if (!article) return c.notFound();
  const [themes, regions, related, sharingTheme] = await Promise.all([
    listThemesWithTopics(deps.db, i18n.locale),
    listRegionChoices(deps.db, i18n.locale),
    resolveRelated(deps.db, article.related, i18n.locale, deps.modules.extensions),
    listNewsSharingTheme(deps.db, article.id, i18n.locale),
  ]);
  const text = article.text;
  const base = deps.config.BASE_URL;
  const url = `${base}/${text.locale}/news/${article.slug}`;
  const picture = article.picture_sha256
    ? {
        url: `${base}${uploadUrl(article.picture_sha256, 'image')}`,
        width: article.picture_width ?? 0,
        height: article.picture_height ?? 0,
        type: 'image/jpeg',
        alt: article.picture_alt[text.locale] ?? Object.values(article.picture_alt)[0] ?? text.title,
      }
    : undefined;
  if (options.preview) c.header('cache-control', 'private, no-store');
  return renderPage(c, {
    title: text.title,
    description: text.lead.slice(0, 300),
    section: 'news',
    path: `/news/${article.slug}`,
    indexable: !options.preview,
    contentLocales: { available: article.locales, shown: text.locale },
    share: { type: 'article', ...(picture ? { image: picture } : {}) },
    head: JsonLd({
      data: {
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: text.title,
        description: text.lead,
        inLanguage: text.locale,
        url,
        mainEntityOfPage: url,
        datePublished: article.published_at?.toISOString(),
        dateModified: article.updated_at.toISOString(),
        image: picture ? [picture.url] : undefined,
        keywords:
          themes
            .filter((th) => article.themes.includes(th.slug))
            .map((th) => th.label)
            .join(', ') || undefined,
        publisher: { '@type': 'Organization', name: i18n.t('common.siteName') },
      },
    }),
    children: NewsArticlePage({
      i18n,
      article,
      labels: {
        themes: themes.filter((th) => article.themes.includes(th.slug)).map((th) => th.label),
        regions: regions.filter((r) => article.regions.includes(r.slug)).map((r) => r.label),
      },
      related,
      sharingTheme,
      preview: options.preview,
    }),
  });
}

export const newsRoutes = new Hono<AppEnv>()
  .get('/news', async (c) => {
    const { i18n, deps } = c.var;
    const f = listQuery.parse(c.req.query());
    const filter = { theme: f.theme || undefined, region: f.region || undefined, year: f.year ? Number(f.year) : undefined };
    const list = await listNews(deps.db, i18n.locale, filter, f.page);
    const feedTitle = i18n.t('news.feedTitle');
    return renderPage(c, {
      title: i18n.t('news.title'),
      description: i18n.t('news.lead'),
      section: 'news',
      head: <link rel="alternate" type="application/atom+xml" href={`/${i18n.locale}/news/feed.atom`} title={feedTitle} />,
      children: NewsListPage({ i18n, ...list, filter: { theme: f.theme, region: f.region, year: f.year } }),
    });
  })
  .get('/news/feed.atom', async (c) => {
    const { i18n, deps } = c.var;
    const base = deps.config.BASE_URL;
    const items = await listLatestNews(deps.db, i18n.locale, FEED_SIZE);
    const pageUrl = `${base}/${i18n.locale}/news`;
    const xml = atomFeedXml({
      locale: i18n.locale,
      id: `${pageUrl}/feed.atom`,
      title: i18n.t('news.feedTitle'),
      subtitle: i18n.t('news.lead'),
      selfUrl: `${pageUrl}/feed.atom`,
      pageUrl,
      author: i18n.t('common.siteName'),
      updated: new Date(Math.max(0, ...items.map((n) => n.updated_at.getTime()))),
      entries: items.map((n) => ({
        id: `${base}/${i18n.locale}/news/${n.slug}`,
        url: `${base}/${i18n.locale}/news/${n.slug}`,
        locale: n.locale,
        title: n.title,
        summary: markdownToText(n.lead, 600),
        content: renderMarkdown(n.body),
        contentType: 'html' as const,
        published: n.published_at,
        updated: n.updated_at,
      })),
    });
    c.header('content-type', ATOM_MEDIA_TYPE);
    c.header('cache-control', 'public, max-age=600');
    return c.body(xml);
  })
  .get('/news/:slug{[a-z0-9-]+}', (c) => showNewsArticle(c, c.req.param('slug')));
