import { Hono } from 'hono';
import { uploadAccess } from '../../core/uploads/index.ts';
import { extend } from '../../platform/extension.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { defineModule } from '../../platform/module.ts';
import { searchSources, sitemapSources } from '../discovery/index.ts';
import { newsletterItemSources } from '../newsletter/index.ts';
import * as m0013 from './migrations/0013-news.ts';
import { exportNews, importNews } from './news.import.ts';
import { newsRoutes } from './news.routes.tsx';
import { newsDemo } from './news.seed.ts';
import { newsEditorRoutes } from './news-editor.routes.ts';
import { newsNewsletterItems, newsPictureAccess, newsSearchSource, newsSitemapSource } from './news-sources.service.ts';
import { newsPersonalData } from './personal-data.service.ts';

// News articles: editors write them per language and publish them; readers find them in the list, the
// feed, the search, the home page and the newsletter.
export default defineModule({
  name: 'news',
  publicTables: ['news_articles', 'news_translations', 'news_themes', 'news_regions', 'news_countries', 'news_related'],
  migrations: { '0013-news': m0013 },
  pages: new Hono<AppEnv>().route('/', newsEditorRoutes).route('/', newsRoutes),
  exchange: {
    key: 'news',
    label: 'News',
    // After events, practices, experts and project ideas (articles name them); before the newsletter (editions name articles).
    order: 42,
    importRecords: (db, records, ctx) => importNews(db, records, ctx.extensions),
    exportRecords: (db) => exportNews(db),
  },
  navigation: [
    { area: 'main', section: 'news', href: '/news', label: 'news.nav', order: 41 },
    { area: 'editorial', section: 'news', href: '/editor/news', label: 'news.editorialNav', order: 45 },
  ],
  extensions: [
    extend(searchSources, newsSearchSource),
    extend(sitemapSources, newsSitemapSource),
    extend(newsletterItemSources, newsNewsletterItems),
    extend(uploadAccess, newsPictureAccess),
  ],
  messages: new URL('./messages/', import.meta.url),
  demo: newsDemo,
  personalData: newsPersonalData,
});

export { NewsCards } from './news.views.tsx';
// What other modules may use.
export { listLatestNews, type NewsCard } from './news-page.service.ts';
