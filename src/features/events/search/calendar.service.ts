import type { Database } from '../../../platform/db/client.ts';
import { createResultCache } from '../../../platform/db/result-cache.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { listGroupOptions } from '../series/event-series.service.ts';
import type { EventSearchParams } from './event-search.forms.ts';
import { listEventSeries, searchEvents } from './event-search.service.ts';

// The calendar page's lists change with events, and with the clock ("upcoming" becomes "past"): each
// process keeps them until a content counter moves (ADR 015) and for a minute at most, so the page drawn
// for a signed-in member, or after a change elsewhere, sends no statement of its own for them.
const lists = createResultCache({ ttlMs: 60_000, maxEntries: 200 });

/** The series and learning processes a filter may name. */
export function loadGroupOptions(db: Database, locale: Locale) {
  return lists.get(db, `groups|${locale}`, () => listGroupOptions(db, locale));
}

/** The events matching `params`, and the series shown beside them. */
export function loadCalendar(db: Database, params: EventSearchParams, locale: Locale) {
  return lists.get(db, `calendar|${locale}|${JSON.stringify(params)}`, async () => {
    const [result, series] = await Promise.all([searchEvents(db, params, locale), listEventSeries(db, locale)]);
    return { result, series };
  });
}
