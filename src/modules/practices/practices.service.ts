import type { Database } from '../../db/client.ts';
import type { DemoPractice } from '../../db/seed/demo-content.ts';
import type { Locale } from '../../i18n/locales.ts';
import { cityName } from '../cities/cities.service.ts';
import * as q from './practices.queries.ts';

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

/** Slug from the external id ("demo-practice-agadir-local-development" → "agadir-local-development"). */
export function practiceSlug(externalId: string): string {
  return externalId.replace(/^demo-practice-/, '').toLowerCase();
}

/**
 * Saves seed practices (record + translations) by external id. The caller owns the transaction; the
 * full import with per-record validation and reporting belongs to the good-practice library.
 */
export async function savePracticesFromSeed(db: Database, practices: DemoPractice[], cityIdOf: (key: string) => number): Promise<number> {
  for (const p of practices) {
    const id = await q.upsertPracticeByExternalId(db, {
      slug: practiceSlug(p.externalId),
      external_id: p.externalId,
      status: p.status,
      city_id: cityIdOf(p.city),
      country_code: p.country,
      start_year: p.startYear,
      end_year: p.endYear,
    });
    for (const [locale, text] of Object.entries(p.translations)) {
      if (text)
        await q.upsertPracticeTranslation(db, { practice_id: id, locale: locale as Locale, title: text.title, summary: text.summary });
    }
  }
  return practices.length;
}

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
