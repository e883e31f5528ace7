import { cityName } from '../../../core/cities/cities.service.ts';
import type { CitySectionSource } from '../../../core/cities/index.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { type ExpertFacetCount, queryExperts } from '../directory-index/expert-facets.model.ts';
import type { ExpertFacetName, ExpertIndex } from '../directory-index/expert-index.model.ts';
import { currentExpertIndex } from '../directory-index/expert-index.service.ts';
import { visibleLevels } from '../expert-visibility.model.ts';
import { type ExpertSearchParams, searchFilters } from './expert-search.forms.ts';
import * as q from './expert-search.queries.ts';

export const EXPERT_PAGE_SIZE = 20;

export type ExpertHit = {
  id: number;
  slug: string;
  externalId: string | null;
  name: string;
  headline: string | null;
  contentLocale: string | null;
  organisation: string;
  position: string;
  city: string | null;
  countryCode: string | null;
  languages: Array<{ code: string; level: string }>;
  themes: string[];
  topics: string[];
  availability: string[];
};

export type ExpertSearchResult = {
  total: number;
  page: number;
  pages: number;
  items: ExpertHit[];
  facets: Record<ExpertFacetName, ExpertFacetCount[]>;
};

/**
 * Directory search for `user`: only the profiles they may see, in every count and facet too. The words
 * are matched in SQL (texts, organisation, city, similar name words); filters, facets and order come
 * from the directory index; the page's cards are read last.
 */
export async function searchExperts(
  db: Database,
  params: ExpertSearchParams,
  locale: Locale,
  user: CurrentUser | null,
): Promise<ExpertSearchResult> {
  const visible = visibleLevels(user);
  const index = await currentExpertIndex(db);
  const matches = params.q ? await findMatches(db, index, params.q, locale) : null;
  const result = queryExperts(index, {
    visible,
    matches,
    filters: searchFilters(params),
    sort: params.q ? params.sort : 'name',
    limit: EXPERT_PAGE_SIZE,
    offset: (params.page - 1) * EXPERT_PAGE_SIZE,
  });
  const rows = await q.findExpertCards(
    db,
    result.page.map((p) => p.expert.id),
    locale,
    visible,
  );
  return {
    total: result.total,
    page: params.page,
    pages: Math.max(1, Math.ceil(result.total / EXPERT_PAGE_SIZE)),
    facets: result.facets,
    items: rows.map((r) => toHit(r, locale)),
  };
}

function toHit(r: q.ExpertSearchRow, locale: Locale): ExpertHit {
  return {
    id: r.id,
    slug: r.slug,
    externalId: r.external_id,
    name: r.display_name,
    headline: r.headline,
    contentLocale: r.content_locale,
    organisation: r.organisation,
    position: r.position,
    city: r.city_name ? cityName({ name: r.city_name, names: r.city_names ?? {} }, locale) : null,
    countryCode: r.country_code,
    languages: r.languages,
    themes: r.themes,
    topics: r.topics,
    availability: r.availability,
  };
}

/**
 * The cards of these experts that `user` may see, in the given order (other modules list experts with
 * this: a project idea's supporting experts). Profiles the reader may not see are left out, not marked.
 */
export async function listExpertCards(db: Database, ids: number[], locale: Locale, user: CurrentUser | null): Promise<ExpertHit[]> {
  const rows = await q.findExpertCards(db, ids, locale, visibleLevels(user));
  return rows.map((r) => toHit(r, locale));
}

/**
 * Profiles matching the typed words, with their relevance: the text's rank plus twice the name's
 * closeness. A name matches when its words are, on average over the words typed, close enough
 * ("Anna Krasniki" finds "Anna Krasniqi"; "Krasniki" alone finds every Krasniqi).
 */
async function findMatches(db: Database, index: ExpertIndex, text: string, locale: Locale): Promise<Map<number, number>> {
  const [hits, similar] = await Promise.all([q.findTextMatches(db, text, locale), q.findSimilarNameWords(db, text)]);
  const matches = new Map(hits.map((h) => [h.id, h.rank]));
  if (!similar.length) return matches;
  const typed = new Set(similar.map((s) => s.typed));
  const typedCount = Math.max(
    typed.size,
    new Set(
      text
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter((w) => w.length >= 2),
    ).size,
  );
  // Per expert and typed word, the closest of the expert's name words.
  const best = new Map<number, Map<string, number>>();
  for (const s of similar) {
    for (const id of index.withNameWord(s.word)) {
      const perTyped = best.get(id) ?? new Map<string, number>();
      perTyped.set(s.typed, Math.max(perTyped.get(s.typed) ?? 0, s.similarity));
      best.set(id, perTyped);
    }
  }
  for (const [id, perTyped] of best) {
    let sum = 0;
    for (const v of perTyped.values()) sum += v;
    const closeness = sum / typedCount;
    if (closeness >= q.NAME_SIMILARITY) matches.set(id, (matches.get(id) ?? 0) + 2 * closeness);
  }
  return matches;
}

/**
 * The municipality's experts as a section of its city page (cities' extension point): only the
 * profiles the reader may see (the directory's rule), and nothing said about the others.
 */
export const expertsOfCity: CitySectionSource = async ({ db, i18n, viewer }, city) => {
  const experts = await listExpertCards(db, await q.listExpertIdsOfCity(db, city.id), i18n.locale, viewer);
  return {
    heading: i18n.t('experts.title'),
    links: experts.map((e) => ({
      href: `/${i18n.locale}/experts/${e.slug}`,
      title: e.name,
      // A person's name is in no language of its own.
      lang: i18n.locale,
      detail: e.organisation || undefined,
    })),
  };
};
