import { cityName } from '../../../core/cities/cities.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
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
  const rows = await q.listPublishedPractices(db, locale, limit);
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
