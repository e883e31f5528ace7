import { cityName } from '../../../core/cities/cities.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import { getI18n, type I18n } from '../../../platform/i18n/i18n.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { type ItemSuggestion, itemSummary, type NewsletterItemSource, type RenderedItem, utcDay } from '../../newsletter/index.ts';
import * as q from './practices-newsletter-items.queries.ts';

// Good practices in newsletter editions: the ones published since the last edition, for the Insight.
// Each function is one read statement, so the newsletter may call it inside its own transaction.

/** At most this many suggestions: an edition holds a handful of items. */
const SUGGESTION_LIMIT = 50;

/** Where the practice comes from, in the reader's language: "Tunis, Tunisia", the city or the country alone. */
function practicePlace(i18n: I18n, p: q.PracticeItemRow): string {
  const city = p.city_name ? cityName({ name: p.city_name, names: p.city_names ?? {} }, i18n.locale) : null;
  const country = p.country_code ? i18n.countryName(p.country_code) : null;
  return city && country ? i18n.t('newsletterItems.place', { city, country }) : (city ?? country ?? '');
}

async function suggestPractices(db: Database, window: { since: Date; until: Date }, locale: Locale): Promise<ItemSuggestion[]> {
  const i18n = getI18n(locale);
  const rows = await q.listPracticesPublishedIn(db, locale, { ...window, limit: SUGGESTION_LIMIT });
  return rows.map((p) => ({
    section: 'insight',
    ref: `practice:${p.ref_id}`,
    title: p.title,
    // Publication is an instant without a place of its own: its UTC day.
    reason: i18n.t('newsletterItems.practicePublished', { date: i18n.formatDate(utcDay(p.published_at)) }),
    at: p.published_at,
  }));
}

async function renderPractices(db: Database, refIds: string[], locale: Locale, baseUrl: string): Promise<Map<string, RenderedItem>> {
  const i18n = getI18n(locale);
  const rows = await q.findPracticeItems(db, locale, refIds);
  return new Map(
    rows.map((p) => {
      const place = practicePlace(i18n, p);
      const item: RenderedItem = {
        title: p.title,
        text: itemSummary(p.summary),
        url: `${baseUrl}/${locale}/practices/${p.slug}`,
        locale: p.content_locale,
        ...(place ? { meta: place } : {}),
      };
      return [p.ref_id, item];
    }),
  );
}

async function existingPractices(db: Database, refIds: string[]): Promise<Set<string>> {
  return new Set(await q.findPublishedPracticeRefIds(db, refIds));
}

/** Good practices as newsletter items: `practice:<externalId>` (`practice:peerpolis-<id>` for one made on the platform). */
export const practiceNewsletterItems: NewsletterItemSource = {
  kind: 'practice',
  suggest: suggestPractices,
  render: renderPractices,
  exists: existingPractices,
};
