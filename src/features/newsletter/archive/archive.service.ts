import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import * as q from '../editions/editions.queries.ts';
import { type Edition, loadEditionByNumber } from '../editions/editions.service.ts';
import { type EditionStatus, editionLocaleFor } from '../newsletter.model.ts';

// The public side of editions: only sent ones are listed (drafts and ready editions are the editors'
// business, previewed on their own pages), each in the reader's language where it exists.

export const ARCHIVE_PAGE_SIZE = 20;
/** Feed readers fetch often: the newest editions are enough (the archive has the rest). */
export const FEED_SIZE = 20;

export type ArchiveEntry = {
  number: number;
  /** 'YYYY-MM-DD'. */
  date: string;
  sentAt: Date | null;
  /** The language of the texts below: the reader's, else English, else the edition's first. */
  locale: string;
  subject: string;
  preheader: string;
  editorial: string;
};

export type ArchivePage = { entries: ArchiveEntry[]; page: number; pages: number; total: number };

async function sentEntries(db: Database, locale: Locale, limit: number, offset: number): Promise<ArchiveEntry[]> {
  const rows = await q.listEditionRows(db, ['sent'], limit, offset);
  const translations = await q.listEditionTranslations(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const texts = translations.filter((tx) => tx.edition_id === row.id && tx.subject.trim());
    const textLocale = editionLocaleFor(
      locale,
      texts.map((tx) => tx.locale),
    );
    const text = texts.find((tx) => tx.locale === textLocale);
    return {
      number: row.number,
      date: row.edition_date,
      sentAt: row.sent_at,
      locale: text?.locale ?? locale,
      subject: text?.subject.trim() ?? '',
      preheader: text?.preheader.trim() ?? '',
      editorial: text?.editorial.trim() ?? '',
    };
  });
}

/** One page of the archive, newest edition first; a page past the end is empty (its pager leads back). */
export async function listArchive(db: Database, locale: Locale, page: number): Promise<ArchivePage> {
  const total = await q.countEditions(db, ['sent']);
  const pages = Math.max(1, Math.ceil(total / ARCHIVE_PAGE_SIZE));
  const entries = page > pages ? [] : await sentEntries(db, locale, ARCHIVE_PAGE_SIZE, (page - 1) * ARCHIVE_PAGE_SIZE);
  return { entries, page, pages, total };
}

export function listFeedEntries(db: Database, locale: Locale): Promise<ArchiveEntry[]> {
  return sentEntries(db, locale, FEED_SIZE, 0);
}

const PUBLISHED_WHILE_SENDING: readonly EditionStatus[] = ['sending', 'paused', 'cancelled'];

/**
 * Every mail links to its edition's web page, so the page is public from the moment sending starts:
 * while the edition is sending or paused, once sent, and when a partly sent edition was cancelled (its
 * readers keep their link). Null for any other (a draft's number must not reveal that it exists).
 * The archive list and the feed show sent editions only.
 */
export async function findPublishedEdition(db: Database, number: number): Promise<Edition | null> {
  const edition = await loadEditionByNumber(db, number);
  if (!edition) return null;
  if (edition.status === 'sent') return edition;
  return PUBLISHED_WHILE_SENDING.includes(edition.status) && edition.sending_started_at !== null ? edition : null;
}
