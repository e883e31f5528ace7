import { queueMail } from '../../../core/mail/mail.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import { csvCell } from '../../../platform/lib/csv.ts';
import { subscriberLinks } from '../newsletter.model.ts';
import { localeOf, newSubscriberToken } from '../subscribers/subscription.service.ts';
import { renderConfirmationMail } from '../subscribers/subscription.templates.tsx';
import { EXPORT_COLUMNS, type SubscriberCsvRow } from './subscribers-csv.model.ts';
import * as q from './subscribers-exchange.queries.ts';

// Importing and exporting subscribers (`npm run cli -- subscribers import|export`). The import is one
// transaction: the valid rows go in together or, on an error, none. Its counts never name an address.

/** The consent version of subscribers who consented elsewhere: the import carries their time, not our text. */
export const IMPORTED_CONSENT_VERSION = 'import';

export type SubscriberImportReport = {
  created: number;
  updated: number;
  confirmed: number;
  pending: number;
  /** Rows of addresses that had left (unsubscribed, bounced): they stay so. */
  ended: number;
  /** Confirmation requests queued (--ask-consent). */
  asked: number;
};

export type SubscriberImportOptions = { askConsent: boolean; baseUrl: string };

/** Within the file, the last row for an address wins (matched without regard to case): one subscriber per address. */
export function lastRowPerAddress(rows: SubscriberCsvRow[]): SubscriberCsvRow[] {
  return [...new Map(rows.map((row) => [row.email, row])).values()];
}

export async function importSubscribers(
  db: Database,
  rows: SubscriberCsvRow[],
  options: SubscriberImportOptions,
): Promise<SubscriberImportReport> {
  const report: SubscriberImportReport = { created: 0, updated: 0, confirmed: 0, pending: 0, ended: 0, asked: 0 };
  const unique = lastRowPerAddress(rows);
  const work = async (trx: Database) => {
    const existing = await q.findSubscribersByEmails(
      trx,
      unique.map((r) => r.email),
    );
    const now = new Date();
    for (const row of unique) {
      const before = existing.get(row.email);
      const profile = { name: row.name, locale: row.locale, themes: row.themes, regions: row.regions, source: row.source };
      const consent = row.consentedAt
        ? { consent_version: IMPORTED_CONSENT_VERSION, consented_at: row.consentedAt, confirmed_at: row.consentedAt }
        : {};
      let status = before?.status ?? 'pending';
      let patch: Parameters<typeof q.updateSubscriberRow>[2] = { ...profile };
      if (row.ended) {
        status = row.ended.status;
        if (before?.status !== row.ended.status) {
          const at = row.ended.at ?? now;
          patch = {
            ...patch,
            ...(before ? {} : consent),
            status,
            ...(status === 'bounced' ? { bounced_at: at } : { unsubscribed_at: at }),
          };
        }
      } else if (status === 'pending' && row.consentedAt) {
        // Confirmed elsewhere: the time and the version say where the consent comes from.
        status = 'confirmed';
        patch = { ...patch, status, ...consent };
      }
      let saved: q.SubscriberRow | null = null;
      if (before && (before.status === 'unsubscribed' || before.status === 'bounced')) {
        // An address that left stays as it left: only its owner subscribes it again, and nothing more
        // is recorded about them.
        report.updated++;
      } else if (before) {
        await q.updateSubscriberRow(trx, before.id, patch);
        report.updated++;
      } else {
        saved = await q.insertSubscriberRow(trx, { email: row.email, token: newSubscriberToken(), ...patch, ...profile, status });
        report.created++;
      }
      if (status === 'confirmed') report.confirmed++;
      else if (status === 'pending') report.pending++;
      else report.ended++;
      if (status === 'pending' && options.askConsent) {
        const subscriber = (saved ?? before) as q.SubscriberRow;
        await requestConfirmation(trx, { ...subscriber, locale: row.locale }, options.baseUrl, now);
        report.asked++;
      }
    }
  };
  await (db.isTransaction ? work(db) : db.transaction().execute(work));
  return report;
}

/**
 * Queues the subscription's own confirmation mail (the double opt-in of the subscribe form), so an
 * imported address counts only once its owner pressed Confirm.
 */
async function requestConfirmation(
  trx: Database,
  s: { id: number; email: string; token: string; locale: string },
  baseUrl: string,
  now: Date,
) {
  const links = subscriberLinks(baseUrl, s.locale, s.token);
  await queueMail(trx, { to: s.email, ...renderConfirmationMail(localeOf(s.locale), links) });
  await q.updateSubscriberRow(trx, s.id, { confirmation_sent_at: now });
}

const iso = (at: Date | null) => (at ? at.toISOString() : '');

/** One subscriber as a line of the export (columns EXPORT_COLUMNS). */
function exportLine(s: q.SubscriberRow): string {
  const cells = [
    s.email,
    s.name,
    s.locale,
    s.themes.join(';'),
    s.regions.join(';'),
    iso(s.consented_at),
    s.source,
    s.status,
    iso(s.confirmed_at),
    iso(s.unsubscribed_at),
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * Writes every subscriber as CSV (UTF-8 with BOM, formula cells neutralised by csvCell), page by page:
 * a list of 100,000 never sits in memory at once. Returns how many were written.
 */
export async function exportSubscribers(db: Database, write: (chunk: string) => void | Promise<void>, pageSize = 1000): Promise<number> {
  await write(`\uFEFF${EXPORT_COLUMNS.map(csvCell).join(',')}\r\n`);
  let afterId = 0;
  let count = 0;
  for (;;) {
    const page = await q.listSubscribersAfter(db, afterId, pageSize);
    if (page.length === 0) return count;
    await write(page.map(exportLine).join(''));
    count += page.length;
    afterId = (page.at(-1) as q.SubscriberRow).id;
  }
}
