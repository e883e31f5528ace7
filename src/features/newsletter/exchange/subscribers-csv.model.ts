import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { LOCALES } from '../../../platform/i18n/locales.ts';
import { isCalendarDay } from '../../../platform/lib/time-zones.ts';
import { cleanLine } from '../../../platform/ui/line-field.ts';

// The subscriber CSV (docs/import-format.md#newsletter-subscribers), read without I/O: the bytes must
// be UTF-8 (a byte-order mark is fine), the first row names the columns, and each later row is checked
// on its own so a bad one is reported with its line and reason while the others go in. Reasons never
// quote the address: they end up in the terminal and in logs.

export const SUBSCRIBER_COLUMNS = ['email', 'name', 'locale', 'themes', 'regions', 'consentedAt', 'source'] as const;
export const EXPORT_COLUMNS = [...SUBSCRIBER_COLUMNS, 'status', 'confirmedAt', 'unsubscribedAt'] as const;

export const NAME_MAX = 200;
const SOURCE_MAX = 50;
const EMAIL_MAX = 254;

export type SubscriberCsvRow = {
  line: number;
  email: string;
  name: string;
  locale: string;
  themes: string[];
  regions: string[];
  consentedAt: Date | null;
  source: string;
  /**
   * `unsubscribed` or `bounced` when the row says so (our export's status column): an import never
   * subscribes again an address that left, and it carries the suppression over.
   */
  ended: { status: 'unsubscribed' | 'bounced'; at: Date | null } | null;
};
export type RejectedLine = { line: number; reason: string };
export type ReadCsv = { ok: true; rows: SubscriberCsvRow[]; rejected: RejectedLine[] } | { ok: false; message: string };

/** What the file as a whole must be, or a message why nothing can be read from it. */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  try {
    // fatal: a Windows-1252 or Latin-1 byte (é as 0xE9) is an error, never a silent U+FFFD in a name. The BOM is dropped.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      message:
        'The file is not UTF-8 (perhaps Windows-1252 or Latin-1, as older spreadsheet programs save CSV). Save it as "CSV UTF-8" and try again; nothing was imported.',
    };
  }
}

/** Reads rows of a CSV as arrays with the line each starts on. Throws a message for what is no CSV at all. */
export function readCsvRecords(text: string): Array<{ line: number; cells: string[] }> {
  const records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as Array<{
    record: string[];
    info: { lines: number };
  }>;
  return records.map(({ record, info }) => ({
    // csv-parse counts to the record's end; a quoted field with line breaks started that many lines earlier.
    line: info.lines - record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0),
    cells: record,
  }));
}

/**
 * Why csv-parse gave up, as its error code and line only: its message can quote the offending cell
 * (an address), and the message ends up in the terminal and in logs.
 */
export function csvErrorSummary(error: unknown): string {
  const { code, lines } = (error ?? {}) as { code?: unknown; lines?: unknown };
  const what = typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : 'unreadable';
  return typeof lines === 'number' ? `${what} on line ${lines}` : what;
}

/** What our own export wrote to keep a spreadsheet from running a formula ('=…) is read back as the text. */
const unneutralised = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** An ISO 8601 day or instant (without offset: UTC); null when it is not one or is no real date. */
export function parseIsoInstant(value: string): Date | null {
  if (!ISO_8601.test(value)) return null;
  const day = value.slice(0, 10);
  const normal = value.length === 10 ? `${day}T00:00:00Z` : /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(value) ? value : `${value}Z`;
  const at = new Date(normal.replace(' ', 'T'));
  if (Number.isNaN(at.getTime())) return null;
  // 2021-02-30 rolls over to March in Date: compare the day as written with a day-only parse.
  if (!isCalendarDay(day)) return null;
  return at;
}

const emailCell = z.string().trim().toLowerCase().max(EMAIL_MAX, 'address too long').pipe(z.email('malformed address'));

/** Checks one row; `known` holds the taxonomy's theme and region slugs. */
export function checkRow(
  line: number,
  cell: (column: string) => string,
  known: { themes: ReadonlySet<string>; regions: ReadonlySet<string> },
  now: Date,
): SubscriberCsvRow | RejectedLine {
  const reasons: string[] = [];
  const email = emailCell.safeParse(unneutralised(cell('email')));
  if (!cell('email').trim()) reasons.push('email: missing');
  else if (!email.success) reasons.push(`email: ${email.error.issues[0]?.message ?? 'malformed address'}`);
  const name = cleanLine(unneutralised(cell('name')));
  if (name.length > NAME_MAX) reasons.push(`name: longer than ${NAME_MAX} characters`);
  const locale = cell('locale').trim().toLowerCase() || 'en';
  if (!(LOCALES as readonly string[]).includes(locale))
    reasons.push(`locale: unknown locale "${cleanLine(locale).slice(0, 20)}" (en, de, fr, es or ar)`);
  const slugs = (column: 'themes' | 'regions', set: ReadonlySet<string>) => {
    const list = [
      ...new Set(
        cell(column)
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    for (const slug of list)
      if (!set.has(slug)) reasons.push(`${column}: unknown ${column === 'themes' ? 'theme' : 'region'} "${cleanLine(slug).slice(0, 60)}"`);
    return list;
  };
  const themes = slugs('themes', known.themes);
  const regions = slugs('regions', known.regions);
  const consentText = cell('consentedAt').trim();
  const consentedAt = consentText ? parseIsoInstant(consentText) : null;
  if (consentText && !consentedAt) reasons.push('consentedAt: not an ISO 8601 date or time (2020-12-01 or 2020-12-01T09:30:00Z)');
  else if (consentedAt && consentedAt > now) reasons.push('consentedAt: in the future');
  const source = cleanLine(unneutralised(cell('source'))) || 'import';
  if (source.length > SOURCE_MAX) reasons.push(`source: longer than ${SOURCE_MAX} characters`);
  const status = cell('status').trim().toLowerCase();
  if (status && !['pending', 'confirmed', 'unsubscribed', 'bounced'].includes(status)) reasons.push('status: unknown status');
  const endedText = cell('unsubscribedAt').trim();
  const endedAt = endedText ? parseIsoInstant(endedText) : null;
  if (endedText && !endedAt) reasons.push('unsubscribedAt: not an ISO 8601 date or time');
  const ended = status === 'unsubscribed' || status === 'bounced' ? { status: status as 'unsubscribed' | 'bounced', at: endedAt } : null;
  if (reasons.length || !email.success) return { line, reason: reasons.join('; ') };
  return { line, email: email.data, name, locale, themes, regions, consentedAt, source, ended };
}

/** The whole file: header, then every row checked. */
export function readSubscriberCsv(
  bytes: Uint8Array,
  known: { themes: ReadonlySet<string>; regions: ReadonlySet<string> },
  now = new Date(),
): ReadCsv {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return decoded;
  let records: Array<{ line: number; cells: string[] }>;
  try {
    records = readCsvRecords(decoded.text);
  } catch (error) {
    return {
      ok: false,
      message: `The file is not valid CSV (${csvErrorSummary(error)}). Nothing was imported.`,
    };
  }
  const [header, ...body] = records;
  const columns = (header?.cells ?? []).map((c) => c.trim());
  if (!columns.includes('email')) {
    return {
      ok: false,
      message: `The first row must name the columns (${SUBSCRIBER_COLUMNS.join(',')}); "email" is missing. Nothing was imported.`,
    };
  }
  const rows: SubscriberCsvRow[] = [];
  const rejected: RejectedLine[] = [];
  for (const { line, cells } of body) {
    const cell = (column: string) => {
      const at = columns.indexOf(column);
      return at === -1 ? '' : (cells[at] ?? '');
    };
    const checked = checkRow(line, cell, known, now);
    if ('reason' in checked) rejected.push(checked);
    else rows.push(checked);
  }
  return { ok: true, rows, rejected };
}
