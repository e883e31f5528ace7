import { publicPagesSitemapSource, rankedSearchSource, type SearchSource, type SitemapSource } from '../discovery/index.ts';
import * as q from './call-site-search.queries.ts';

// Calls in the site search and the sitemap: open and closed ones, as the calls page lists them.

export const callSearchSource: SearchSource = rankedSearchSource('call', 'calls', q.searchPublicCalls);

export const callSitemapSource: SitemapSource = publicPagesSitemapSource('calls', q.PUBLIC_CALLS);
