import { publicPagesSitemapSource, rankedSearchSource, type SearchSource, type SitemapSource } from '../discovery/index.ts';
import * as q from './project-idea-site-search.queries.ts';

// Project ideas in the site search and the sitemap: published ones only.

export const projectIdeaSearchSource: SearchSource = rankedSearchSource('projectIdea', 'project-ideas', q.searchPublishedProjectIdeas);

export const projectIdeaSitemapSource: SitemapSource = publicPagesSitemapSource('project-ideas', q.PUBLISHED_PROJECT_IDEAS);
