import type { Database } from '../../platform/db/client.ts';
import { getI18n } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { dayInZone } from '../../platform/lib/time-zones.ts';
import { type ItemSuggestion, itemSummary, type NewsletterItemSource, type RenderedItem } from '../newsletter/index.ts';
import * as q from './calls-newsletter-items.queries.ts';

// Calls for participation in newsletter editions: the ones open now, for the Outlook. Each function is
// one read statement, so the newsletter may call it inside its own transaction.

/** At most this many suggestions: an edition holds a handful of items. */
const SUGGESTION_LIMIT = 50;

/**
 * Calls still open at the end of the window (`until`, the moment the editor asks): a call that closes
 * before then is no news to a reader. The deadline day is the call's own (in its time zone).
 */
async function suggestCalls(db: Database, window: { since: Date; until: Date }, locale: Locale): Promise<ItemSuggestion[]> {
  const i18n = getI18n(locale);
  const rows = await q.listCallsOpenAt(db, locale, window.until, SUGGESTION_LIMIT);
  return rows.map((c) => ({
    section: 'outlook',
    ref: `call:${c.ref_id}`,
    title: c.title,
    reason: i18n.t('newsletterItems.callOpenUntil', { date: i18n.formatDate(dayInZone(c.deadline, c.time_zone)) }),
    // What the reason names: the deadline.
    at: c.deadline,
  }));
}

async function renderCalls(db: Database, refIds: string[], locale: Locale, baseUrl: string): Promise<Map<string, RenderedItem>> {
  const i18n = getI18n(locale);
  const rows = await q.findCallItems(db, locale, refIds);
  return new Map(
    rows.map((c) => [
      c.ref_id,
      {
        title: c.title,
        text: itemSummary(c.summary),
        url: `${baseUrl}/${locale}/calls/${c.slug}`,
        locale: c.content_locale,
        meta: i18n.t('newsletterItems.deadline', { date: i18n.formatDate(dayInZone(c.deadline, c.time_zone)) }),
      },
    ]),
  );
}

async function existingCalls(db: Database, refIds: string[]): Promise<Set<string>> {
  return new Set(await q.findPublicCallRefIds(db, refIds));
}

/** Calls as newsletter items: `call:<externalId>` (`call:peerpolis-call-<id>` for one opened on the platform). */
export const callNewsletterItems: NewsletterItemSource = {
  kind: 'call',
  suggest: suggestCalls,
  render: renderCalls,
  exists: existingCalls,
};
