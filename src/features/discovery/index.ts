import { defineModule } from '../../platform/module.ts';

// How visitors and machines find content across modules: the site search and the sitemap. Modules that
// own content contribute a search source and a sitemap source (search-sources.ts, sitemap-sources.ts).
export default defineModule({
  name: 'discovery',
});

// Extension points other features contribute to.
export {
  SEARCH_COUNT_CAP,
  SEARCH_RANK_CANDIDATES,
  SEARCH_TYPES,
  type SearchHit,
  type SearchRequest,
  type SearchSource,
  type SearchSourceResult,
  type SearchType,
  searchSources,
} from './search-sources.ts';
export { SITEMAP_PAGE_SIZE, type SitemapEntry, type SitemapSource, sitemapSources } from './sitemap-sources.ts';
