import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import {
  type PublicContent,
  type SiteSearchHitRow,
  type SiteSearchLimits,
  searchRankedContent,
} from '../../platform/db/site-search.queries.ts';

// Published project ideas for the site search and the sitemap (a draft is for editors only).

/** Published project ideas (a draft is for editors only). */
export const PUBLISHED_PROJECT_IDEAS: PublicContent = {
  table: 'project_ideas',
  alias: 'p',
  translations: 'project_idea_translations',
  parent: 'project_idea_id',
  visible: sql<boolean>`p.status = 'published'`,
};

/**
 * Published ideas matching the words: the total (capped) and one page of the ranked candidates (title or
 * summary hits first, then the latest published), the shown text in the reader's language first, then rank.
 */
export function searchPublishedProjectIdeas(db: Database, r: SiteSearchLimits): Promise<{ total: number; rows: SiteSearchHitRow[] }> {
  return searchRankedContent(db, r, {
    ...PUBLISHED_PROJECT_IDEAS,
    newest: 'published_at',
    nullsLast: true,
    headFirst: true,
  });
}
