import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../platform/http/context.ts';
import { can } from '../../platform/http/policy.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { entriesOf } from '../../platform/ui/navigation.ts';
import { searchPage, searchType, searchWords, wordsError } from './search.forms.ts';
import { type SiteSearchRequest, type SiteSearchResult, searchSite } from './search.service.ts';
import { SearchResultsPage } from './search.views.tsx';
import { type SearchType, searchSources } from './search-sources.ts';

// /<locale>/search: the site search as a page. The query string is read leniently (a bad type or page
// is dropped and named); words that are too long get a message next to the field and are kept.

/**
 * Who searches, as the sources see them: an account whose address is not confirmed yet sees what an
 * anonymous visitor sees (as in the expert directory), so a role is only ever passed on with it.
 */
export function searchViewer(c: Context<AppEnv>): SiteSearchRequest['viewer'] {
  const user = c.var.user;
  return user && can(user, 'act-as-member') ? { id: user.id, role: user.role } : null;
}

export function runSearch(c: Context<AppEnv>, request: Omit<SiteSearchRequest, 'viewer'>): Promise<SiteSearchResult> {
  const { deps } = c.var;
  return searchSite(
    { db: deps.db, sources: deps.modules.extensions.all(searchSources), logger: deps.logger },
    { ...request, viewer: searchViewer(c) },
  );
}

export const searchRoutes = new Hono<AppEnv>().get('/search', async (c) => {
  const { i18n, deps } = c.var;
  const url = new URL(c.req.url);
  const raw = url.searchParams.get('q') ?? '';
  const ignored: string[] = [];
  const typeGiven = url.searchParams.get('type') || null;
  const typeRead = typeGiven === null ? null : searchType.safeParse(typeGiven);
  if (typeRead && !typeRead.success) ignored.push('type');
  const type: SearchType | null = typeRead?.success ? typeRead.data : null;
  const pageGiven = url.searchParams.get('page') || null;
  const pageRead = pageGiven === null ? null : searchPage.safeParse(pageGiven);
  if (pageRead && !pageRead.success) ignored.push('page');
  const page = pageRead?.success ? pageRead.data : 1;

  const error = wordsError(raw);
  const words = error ? null : searchWords.safeParse(raw);
  const q = words?.success ? words.data : null;
  const result = q ? await runSearch(c, { q, locale: i18n.locale, type, page }) : null;
  return renderPage(c, {
    title: q ? i18n.t('search.resultsTitle', { q }) : i18n.t('search.title'),
    description: i18n.t('search.lead'),
    section: 'search',
    // A result list is not a page of its own: search engines should index the pages it links to.
    indexable: false,
    children: (
      <SearchResultsPage
        i18n={i18n}
        q={raw}
        error={error}
        type={type}
        result={result}
        ignored={ignored}
        sections={entriesOf(deps.modules.navigation, 'main')}
      />
    ),
  });
});
