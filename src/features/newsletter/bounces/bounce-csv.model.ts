import { z } from 'zod';
import { csvErrorSummary, decodeUtf8, readCsvRecords } from '../exchange/subscribers-csv.model.ts';
import type { MailEvent } from './mail-events.model.ts';

// A provider's export of bounces or suppressions as CSV (`npm run cli -- subscribers bounces FILE.csv`),
// read without I/O. Providers name their columns differently; the address column is found by name, and
// a row is a permanent bounce unless a type or permanent column says otherwise.

const EMAIL_COLUMNS = ['email', 'emailaddress', 'email address', 'recipient', 'address'];
const TYPE_COLUMNS = ['type', 'bouncetype', 'bounce type', 'event', 'reason'];
const address = z.string().trim().toLowerCase().max(254).pipe(z.email());

const COMPLAINT = /complain|spam|abuse|unsubscribe/i;
const TRANSIENT = /transient|soft|temporary|undetermined|dnserror|autorespon/i;
const YES = new Set(['true', 'yes', '1', 'y']);
const NO = new Set(['false', 'no', '0', 'n']);

export type BounceCsv =
  | { ok: true; events: MailEvent[]; rejected: Array<{ line: number; reason: string }> }
  | { ok: false; message: string };

export function readBounceCsv(bytes: Uint8Array): BounceCsv {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return decoded;
  let records: Array<{ line: number; cells: string[] }>;
  try {
    records = readCsvRecords(decoded.text);
  } catch (error) {
    return {
      ok: false,
      message: `The file is not valid CSV (${csvErrorSummary(error)}). Nothing was changed.`,
    };
  }
  const [header, ...body] = records;
  const columns = (header?.cells ?? []).map((c) => c.trim().toLowerCase());
  const find = (names: string[]) => columns.findIndex((c) => names.includes(c));
  const emailAt = find(EMAIL_COLUMNS);
  if (emailAt === -1) return { ok: false, message: 'The first row must name the columns, one of them "email". Nothing was changed.' };
  const typeAt = find(TYPE_COLUMNS);
  const permanentAt = find(['permanent']);
  const events: MailEvent[] = [];
  const rejected: Array<{ line: number; reason: string }> = [];
  for (const { line, cells } of body) {
    const email = address.safeParse(cells[emailAt] ?? '');
    if (!email.success) {
      rejected.push({ line, reason: (cells[emailAt] ?? '').trim() ? 'email: malformed address' : 'email: missing' });
      continue;
    }
    const type = typeAt === -1 ? '' : (cells[typeAt] ?? '').trim();
    const permanent = permanentAt === -1 ? '' : (cells[permanentAt] ?? '').trim().toLowerCase();
    if (permanent && !YES.has(permanent) && !NO.has(permanent)) {
      rejected.push({ line, reason: 'permanent: must be true or false' });
      continue;
    }
    const kind: MailEvent['kind'] = COMPLAINT.test(type)
      ? 'complaint'
      : NO.has(permanent) || (!YES.has(permanent) && TRANSIENT.test(type))
        ? 'transient-bounce'
        : 'permanent-bounce';
    events.push({ email: email.data, kind });
  }
  return { ok: true, events, rejected };
}
