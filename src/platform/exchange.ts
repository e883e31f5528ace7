import { z } from 'zod';
import type { Database } from './db/client.ts';
import { LOCALES } from './i18n/locales.ts';
import type { ImportReport } from './module.ts';
import { cleanLine } from './ui/line-field.ts';

// The loop every module's importer runs over its array of the exchange format (docs/import-format.md):
// each record is checked on its own, and a bad one is reported with its reasons while the others still
// go in. The module brings only what differs: its schema, what only the database can check, the save.

/** Text of a record: trimmed, at most `max` characters. */
export const recordText = (max: number) => z.string().trim().max(max);

/**
 * One line of a record (a title, a name, a city): line breaks and control characters become a space, as
 * in the forms (cleanLine), so an imported name cannot break a mail header or a log line either.
 */
export const recordLine = (max: number, required?: string) =>
  z
    .string()
    .max(max * 4)
    .transform(cleanLine)
    .pipe(required ? z.string().min(1, required).max(max) : z.string().max(max));

/** A country as ISO 3166-1 alpha-2, in either case (whether it is known, only the database can tell). */
export const countryCode = (message = 'must be an ISO 3166-1 alpha-2 code') =>
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, message);

/** A record's texts per language: any of the platform's languages, at least one. */
export const translationsOf = <S extends z.ZodType>(translation: S, message = 'at least one translation is required') =>
  z.partialRecord(z.enum(LOCALES), translation).refine((t) => Object.keys(t).length > 0, message);

/** One line of an import's report. */
export type ImportOutcome = ImportReport[number];

/**
 * Thrown by a save to reject its record with reasons (e.g. an account that belongs elsewhere). Throw it
 * before the record's first write: inside a caller's transaction nothing rolls a record back on its own.
 */
export class RecordRejected extends Error {
  constructor(readonly reasons: string[]) {
    super(reasons.join('; '));
  }
}

/** Problems of a record, or problems and what the check found that the save needs (ids it looked up). */
export type CheckedRecord<F> = string[] | { problems: string[]; found: F };

export type RecordSteps<T, F> = {
  /** What only the database can tell (unknown slugs, missing references); runs before any write. */
  check?: (db: Database, record: T) => CheckedRecord<F> | Promise<CheckedRecord<F>>;
  /** Writes one valid record with `trx`: its own transaction, or the caller's when called inside one. */
  save: (trx: Database, record: T, found: F) => Promise<'created' | 'updated'>;
};

/** `path: message` per issue; never the input, which may be personal (an e-mail address). */
function reasonsOf(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`);
}

/**
 * Imports records one by one, idempotent by externalId (the save finds an existing record by it): parse
 * with `schema`, then `check`, then refuse a second record with the same externalId, then save. The
 * report has one line per record, in the file's order; a record without a usable externalId is named by
 * its position (`#3`).
 */
export async function importRecords<T extends { externalId: string }, F = undefined>(
  db: Database,
  records: unknown[],
  schema: z.ZodType<T>,
  steps: RecordSteps<T, F>,
): Promise<ImportReport> {
  const report: ImportReport = [];
  const seen = new Set<string>();
  for (const [position, input] of records.entries()) {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const externalId = String((input as { externalId?: unknown })?.externalId ?? `#${position + 1}`);
      report.push({ externalId, outcome: 'rejected', reasons: reasonsOf(parsed.error) });
      continue;
    }
    const record = parsed.data;
    const { externalId } = record;
    const checked = steps.check ? await steps.check(db, record) : [];
    const { problems, found } = Array.isArray(checked) ? { problems: checked, found: undefined as F } : checked;
    const reasons = [...problems];
    if (seen.has(externalId)) reasons.push('externalId: appears twice in this file');
    seen.add(externalId);
    if (reasons.length) {
      report.push({ externalId, outcome: 'rejected', reasons });
      continue;
    }
    const save = (trx: Database) => steps.save(trx, record, found);
    try {
      const outcome = db.isTransaction ? await save(db) : await db.transaction().execute(save);
      report.push({ externalId, outcome, reasons: [] });
    } catch (error) {
      if (!(error instanceof RecordRejected)) throw error;
      report.push({ externalId, outcome: 'rejected', reasons: error.reasons });
    }
  }
  return report;
}
