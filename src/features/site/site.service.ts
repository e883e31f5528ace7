import type { Database } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { readDemoCalls } from '../calls/index.ts';
import { getNetworkNumbers, type NetworkNumbers } from '../impact/index.ts';
import { pingDatabase } from './site.queries.ts';

// The home page's figures are the impact page's, counted by one definition in the impact module.
export { getNetworkNumbers, type NetworkNumbers };

export type HealthReport = { status: 'ok' | 'unavailable'; database: 'ok' | 'unavailable' };

export async function checkHealth(db: Database, timeoutMs = 2000): Promise<HealthReport> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('database ping timed out')), timeoutMs);
  });
  try {
    await Promise.race([pingDatabase(db), timeout]);
    return { status: 'ok', database: 'ok' };
  } catch {
    return { status: 'unavailable', database: 'unavailable' };
  } finally {
    clearTimeout(timer);
  }
}

export type CallHighlight = { title: string; summary: string; contentLocale: string; deadline: string };

/**
 * The December 2020 newsletter's outlook (its call), straight from the calls' demo file: the edition is a
 * historical document until the newsletter module keeps editions of its own. The home page shows the
 * calls that are open now (calls.service.ts).
 */
export function getCallHighlights(locale: Locale): CallHighlight[] {
  return readDemoCalls().map((call) => {
    const contentLocale = call.translations[locale] ? locale : 'en';
    const text = call.translations[contentLocale] ?? call.translations.en;
    return { title: text?.title ?? '', summary: text?.summary ?? '', contentLocale, deadline: call.deadline };
  });
}
