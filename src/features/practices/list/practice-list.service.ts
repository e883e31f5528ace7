import { cityName } from '../../../core/cities/cities.service.ts';
import type { CitySectionSource } from '../../../core/cities/index.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { periodLabel } from '../../../platform/ui/components/content.tsx';
import * as q from './practice-list.queries.ts';

// Published practices as other modules' pages show them (the home page's latest, a match's suggestions).

export type PracticeSummary = {
  slug: string;
  title: string;
  summary: string;
  /** The language the text is in; differs from the reader's when no translation exists. */
  contentLocale: string;
  city: string | null;
  countryCode: string | null;
  startYear: number | null;
  endYear: number | null;
};

export async function listLatestPractices(db: Database, locale: Locale, limit = 6): Promise<PracticeSummary[]> {
  return summaries(await q.listPublishedPractices(db, locale, limit), locale);
}

/** The published ones among these practices (e.g. those presented at a series' events), newest first. */
export async function listPracticesByIds(db: Database, ids: number[], locale: Locale): Promise<PracticeSummary[]> {
  if (!ids.length) return [];
  return summaries(await q.listPublishedPractices(db, locale, ids.length, { ids }), locale);
}

/** The published practices of a municipality (its city page), newest first. */
export async function listPracticesOfCity(db: Database, cityId: number, locale: Locale, limit = 50): Promise<PracticeSummary[]> {
  return summaries(await q.listPublishedPractices(db, locale, limit, { cityId }), locale);
}

function summaries(rows: Awaited<ReturnType<typeof q.listPublishedPractices>>, locale: Locale): PracticeSummary[] {
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    contentLocale: r.content_locale,
    city: r.city_name ? cityName({ name: r.city_name, names: r.city_names ?? {} }, locale) : null,
    countryCode: r.country_code,
    startYear: r.start_year,
    endYear: r.end_year,
  }));
}

/** Published practices on these topics, for a matching result ("good practices on the same topics"). */
export function listPracticesOnTopics(db: Database, topics: string[], locale: Locale, limit = 3) {
  return q.findPracticesOnTopics(db, topics, locale, limit);
}

/** The municipality's published practices, as a section of its city page (cities' extension point). */
export const practicesOfCity: CitySectionSource = async ({ db, i18n }, city) => {
  const practices = await listPracticesOfCity(db, city.id, i18n.locale);
  return {
    heading: i18n.t('practices.title'),
    links: practices.map((p) => ({
      href: `/${i18n.locale}/practices/${p.slug}`,
      title: p.title,
      lang: p.contentLocale,
      detail: periodLabel(i18n, p.startYear, p.endYear) || undefined,
    })),
  };
};
