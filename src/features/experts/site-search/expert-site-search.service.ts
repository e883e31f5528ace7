import { cityName } from '../../../core/cities/cities.service.ts';
import { getI18n } from '../../../platform/i18n/i18n.ts';
import { isLocale, LOCALES } from '../../../platform/i18n/locales.ts';
import {
  SEARCH_COUNT_CAP,
  SEARCH_RANK_CANDIDATES,
  type SearchRequest,
  type SearchSource,
  type SitemapEntry,
  type SitemapSource,
} from '../../discovery/index.ts';
import type { ExpertVisibility } from '../experts.table.ts';
import * as q from './expert-site-search.queries.ts';

// Experts in the site search and the sitemap. The site search finds profiles by their texts (headline
// and bio, each language with its own stemming); names with typos, organisations and facets stay the
// directory's. Hidden profiles never appear, not even for editors: the site search is no editors' tool.

/**
 * What the site search shows: public profiles to everyone, members-only ones to members too. The
 * discovery module passes a viewer only for a verified account (an unverified one searches as a visitor).
 */
export function siteSearchLevels(viewer: SearchRequest['viewer']): ExpertVisibility[] {
  return viewer ? ['public', 'members'] : ['public'];
}

export const expertSearchSource: SearchSource = {
  type: 'expert',
  search: async (db, request) => {
    // A count-only request (another type's tab) reads no page.
    const { total, rows } = await q.searchVisibleExperts(db, {
      ...request,
      visible: siteSearchLevels(request.viewer),
      candidates: SEARCH_RANK_CANDIDATES,
      cap: SEARCH_COUNT_CAP + 1,
    });
    const i18n = getI18n(request.locale);
    return {
      total,
      hits: rows.map((r) => {
        // A name is in no language of its own: the language shown is the headline's, else the reader's.
        const language = r.locale && isLocale(r.locale) ? r.locale : request.locale;
        const city = r.city_name ? cityName({ name: r.city_name, names: r.city_names ?? {} }, request.locale) : null;
        const place = [city, r.country_code ? i18n.countryName(r.country_code) : null].filter(Boolean).join(', ');
        const summary = [r.headline ?? '', place].filter(Boolean).join(' · ');
        return {
          externalId: r.external_id,
          title: r.display_name,
          summary: summary.length > 300 ? `${summary.slice(0, 299).trimEnd()}…` : summary,
          path: `/${request.locale}/experts/${r.slug}`,
          language,
          rank: r.rank,
        };
      }),
    };
  },
};

export const expertSitemapSource: SitemapSource = {
  name: 'experts',
  count: (db) => q.countPublicExperts(db),
  entries: async (db, page): Promise<SitemapEntry[]> => {
    const rows = await q.listPublicExpertPages(db, page.offset, page.limit);
    // A profile without texts has a page in every language (its head lists them all: page-head.tsx).
    return rows.map((r) => ({
      path: `/experts/${r.slug}`,
      locales: r.locales.length ? LOCALES.filter((l) => r.locales.includes(l)) : LOCALES,
      updatedAt: r.updated_at,
    }));
  },
};
