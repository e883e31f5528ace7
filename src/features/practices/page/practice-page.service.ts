import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import * as q from './practice-page.queries.ts';

export type PracticeDetail = NonNullable<Awaited<ReturnType<typeof q.findPublishedPractice>>>;

/** A published practice for its page, or undefined (unknown, or not published: nobody outside sees it). */
export function getPublishedPractice(db: Database, slug: string, locale: Locale): Promise<PracticeDetail | undefined> {
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return Promise.resolve(undefined);
  return q.findPublishedPractice(db, slug, locale);
}

export function listRelatedPractices(db: Database, practiceId: number, locale: Locale, limit = 3) {
  return q.findRelatedPractices(db, practiceId, locale, limit);
}
