import { defineModule } from '../../platform/module.ts';
import { searchApi, searchOpenApi } from './search.api.ts';
import { searchRoutes } from './search.routes.tsx';
import { sitemapIndexRoutes, sitemapRoutes } from './sitemap.routes.ts';

// How visitors and machines find content across modules: the site search and the sitemap. Modules that
// own content contribute a search source and a sitemap source (search-sources.ts, sitemap-sources.ts).
export default defineModule({
  name: 'discovery',
  pages: searchRoutes,
  api: searchApi,
  openApi: searchOpenApi,
  rootRoutes: [
    { path: '/sitemap.xml', routes: sitemapIndexRoutes },
    { path: '/sitemaps', routes: sitemapRoutes },
  ],
  // The search box every page's header shows (platform/ui/layout.tsx): its form goes to this page.
  navigation: [{ area: 'search', section: 'search', href: '/search', label: 'search.boxLabel', order: 0 }],
  messages: new URL('./messages/', import.meta.url),
});

// Extension points other features contribute to.
export {
  rankedSearchSource,
  SEARCH_COUNT_CAP,
  SEARCH_RANK_CANDIDATES,
  SEARCH_TYPES,
  type SearchHit,
  type SearchRequest,
  type SearchSource,
  type SearchSourceResult,
  type SearchType,
  searchHit,
  searchSources,
} from './search-sources.ts';
export {
  publicPagesSitemapSource,
  SITEMAP_PAGE_SIZE,
  type SitemapEntry,
  type SitemapSource,
  sitemapSources,
} from './sitemap-sources.ts';
