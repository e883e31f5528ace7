import type { Database } from '../../platform/db/client.ts';
import { countPublicContent, listPublicContentPages, type PublicContent } from '../../platform/db/site-search.queries.ts';
import { extensionPoint } from '../../platform/extension.ts';
import { LOCALES, type Locale } from '../../platform/i18n/locales.ts';

/** At most this many entries per sitemap file (each entry is one URL per language: ≤ 50,000 URLs). */
export const SITEMAP_PAGE_SIZE = 10_000;

export type SitemapEntry = {
  /** The page's path after the locale: '/news/mitrovica-waste-pickers'. */
  path: string;
  /** The languages the page exists in (its content's translations; every locale for pages without content of their own). */
  locales: readonly Locale[];
  /** When what the page shows last changed; null when unknown. */
  updatedAt: Date | null;
};

/**
 * A module's public pages for /sitemap.xml: the sitemap index names `/sitemaps/<name>-<n>.xml` for each
 * page of SITEMAP_PAGE_SIZE entries. Only what an anonymous visitor may open: never a draft or a
 * hidden profile.
 */
export type SitemapSource = {
  /** Lower-case letters and hyphens: 'news', 'practices'. */
  name: string;
  count: (db: Database) => Promise<number>;
  /** In a stable order (by id), so the pages neither overlap nor skip. */
  entries: (db: Database, page: { offset: number; limit: number }) => Promise<SitemapEntry[]>;
  /**
   * Paths of navigation entries (after the locale: '/about') whose pages this source lists itself, with
   * their own languages and dates: discovery's `site` sitemap (home and the navigation's sections, in
   * every language) leaves them out, so no page is listed twice or in a language it lacks.
   */
  navigationPaths?: readonly string[];
};

export const sitemapSources = extensionPoint<SitemapSource>('discovery.sitemapSources');

/** The sitemap of a module's public pages at `/<name>/<slug>`, each in the languages it is written in (in LOCALES' order). */
export function publicPagesSitemapSource(name: string, content: PublicContent): SitemapSource {
  return {
    name,
    count: (db) => countPublicContent(db, content),
    entries: async (db, page) =>
      (await listPublicContentPages(db, content, page)).map((r) => ({
        path: `/${name}/${r.slug}`,
        locales: LOCALES.filter((l) => r.locales.includes(l)),
        updatedAt: r.updated_at,
      })),
  };
}
