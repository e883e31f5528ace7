import { listThemesWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../platform/db/client.ts';
import { createResultCache } from '../../platform/db/result-cache.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { listOpenCallHighlights } from '../calls/index.ts';
import { listEvents } from '../events/index.ts';
import { getNetworkNumbers } from '../impact/index.ts';
import { listLatestNews } from '../news/index.ts';
import { listLatestPractices } from '../practices/index.ts';

// What the home page shows, per language. It changes when content does, or when an event becomes past or
// a call closes: each process keeps it until a content counter moves (ADR 015), and for a minute at
// most, so a page drawn for a signed-in member or after a change costs no query of its own.
const sections = createResultCache({ ttlMs: 60_000, maxEntries: 20 });

async function readHomeSections(db: Database, locale: Locale) {
  const [numbers, practices, upcoming, past, themes, calls, news] = await Promise.all([
    getNetworkNumbers(db),
    listLatestPractices(db, locale, 3),
    listEvents(db, locale, 'upcoming', 3),
    listEvents(db, locale, 'past', 3),
    listThemesWithTopics(db, locale),
    listOpenCallHighlights(db, locale),
    listLatestNews(db, locale, 3),
  ]);
  // The next events, or the latest ones when none is planned.
  return { numbers, practices, events: upcoming.length ? upcoming : past, themes, calls, news };
}

export type HomeSections = Awaited<ReturnType<typeof readHomeSections>>;

export function loadHomeSections(db: Database, locale: Locale): Promise<HomeSections> {
  return sections.get(db, `home|${locale}`, () => readHomeSections(db, locale));
}
