import type { Database } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { dayInZone } from '../../platform/lib/time-zones.ts';
import * as q from './calls.queries.ts';

// What other modules read of calls: the open ones, for the home page.

export type OpenCall = { slug: string; title: string; summary: string; contentLocale: string; deadline: string };

/** Calls taking applications now, in the reader's language (else English, else any); the deadline day in the call's zone. */
export async function listOpenCallHighlights(db: Database, locale: Locale, limit = 3, now = new Date()): Promise<OpenCall[]> {
  const calls = await q.listOpenCalls(db, now, limit);
  return calls.flatMap((c) => {
    const text = c.texts.find((t) => t.locale === locale) ?? c.texts.find((t) => t.locale === 'en') ?? c.texts[0];
    if (!text) return [];
    return [
      { slug: c.slug, title: text.title, summary: text.summary, contentLocale: text.locale, deadline: dayInZone(c.deadline, c.time_zone) },
    ];
  });
}
