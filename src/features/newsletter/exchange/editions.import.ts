import { z } from 'zod';
import type { Database } from '../../../platform/db/client.ts';
import { importRecords, RecordRejected, recordLine, recordText, translationsOf } from '../../../platform/exchange.ts';
import type { Extensions } from '../../../platform/extension.ts';
import { isCalendarDay } from '../../../platform/lib/time-zones.ts';
import type { ImportReport } from '../../../platform/module.ts';
import * as q from '../editions/editions.queries.ts';
import { type Edition, loadEditionById } from '../editions/editions.service.ts';
import { itemSourcesByKind } from '../item-sources.ts';
import { EDITABLE_EDITION, parseItemRef, SECTION_KINDS } from '../newsletter.model.ts';

// The newsletter's part of the exchange format: {"newsletterEditions":[…]} (docs/import-format.md).
// Idempotent by externalId. An imported edition passes the editors' check for `ready` (a subject in
// every language, all four sections with items, every ref to existing content) and is `ready`; an
// existing draft, ready or scheduled one keeps its state. A sent one (or one being sent) is a record
// of what readers received: an import leaves it as it is when the file says the same, else rejects it.

const day = z
  .string()
  .trim()
  .regex(/^(19|20|21)\d{2}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine(isCalendarDay, 'not a calendar day');

const editionText = z.object({
  subject: recordLine(200, 'subject is required'),
  preheader: recordLine(300).default(''),
  editorial: recordText(20_000).default(''),
});

const freeText = z.object({ title: recordLine(300, 'title is required'), text: recordText(5_000).default('') });

const item = z
  .strictObject({
    ref: z.string().trim().max(250).optional(),
    translations: translationsOf(freeText).optional(),
    url: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .max(2000)
      .nullable()
      .optional(),
  })
  .refine((i) => (i.ref === undefined) !== (i.translations === undefined), 'an item has either a ref or translations (a free item)')
  .refine((i) => i.ref === undefined || i.url === undefined, 'a ref item takes its link from the content: no url');

const section = z.object({
  kind: z.enum(SECTION_KINDS),
  items: z.array(item).min(1, 'an empty section: give it at least one item, or leave it out of the file').max(50),
});

export const importedEdition = z.object({
  externalId: recordText(200).min(1, 'externalId is required'),
  number: z.int().min(1).max(1_000_000),
  date: day,
  translations: translationsOf(editionText),
  sections: z
    .array(section)
    .max(SECTION_KINDS.length)
    .refine((list) => new Set(list.map((s) => s.kind)).size === list.length, 'a section kind appears twice'),
});
export type ImportedEdition = z.output<typeof importedEdition>;
export type ExportedEdition = z.input<typeof importedEdition>;

/** Editions made in the editors' pages have no externalId: the export names them so, and an import finds them again. */
const OWN_ID = /^newsletter-edition-(\d{1,9})$/;
const exchangeIdOf = (row: { id: number; external_id: string | null }) => row.external_id ?? `newsletter-edition-${row.id}`;

async function findExisting(db: Database, externalId: string): Promise<q.EditionRow | undefined> {
  const byExternal = await q.findEditionByExternalId(db, externalId);
  if (byExternal) return byExternal;
  const own = OWN_ID.exec(externalId);
  const row = own ? await q.findEditionById(db, Number(own[1])) : undefined;
  return row && row.external_id === null ? row : undefined;
}

/** An edition in the exchange shape; sections in their fixed order, empty ones left out. */
export function editionToExchange(edition: Edition): ExportedEdition {
  return {
    externalId: exchangeIdOf(edition),
    number: edition.number,
    date: edition.edition_date,
    translations: Object.fromEntries(Object.entries(edition.translations).sort(([a], [b]) => a.localeCompare(b))),
    sections: SECTION_KINDS.filter((kind) => edition.sections[kind].length > 0).map((kind) => ({
      kind,
      items: edition.sections[kind].map((i) =>
        i.ref !== null
          ? { ref: i.ref }
          : { translations: Object.fromEntries(Object.entries(i.translations).sort(([a], [b]) => a.localeCompare(b))), url: i.url },
      ),
    })),
  };
}

/** JSON with every object's keys sorted (jsonb keeps its own order of keys, a file another). */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, sortedKeys(v)]),
  );
}

/** The same record written the same way, whatever the file's order of sections, languages and keys. */
function canonical(e: ImportedEdition | ExportedEdition): string {
  return JSON.stringify(
    sortedKeys({
      number: e.number,
      date: e.date,
      translations: e.translations,
      sections: [...e.sections]
        .sort((a, b) => SECTION_KINDS.indexOf(a.kind) - SECTION_KINDS.indexOf(b.kind))
        .map((s) => ({
          kind: s.kind,
          items: s.items.map((i) => (i.ref !== undefined ? { ref: i.ref } : { translations: i.translations, url: i.url ?? null })),
        })),
    }),
  );
}

type Found = { existing: q.EditionRow | undefined; unchanged: boolean };

async function check(db: Database, e: ImportedEdition, extensions: Extensions): Promise<{ problems: string[]; found: Found }> {
  const problems: string[] = [];
  const existing = await findExisting(db, e.externalId);
  const clash = await q.findEditionByNumber(db, e.number);
  if (clash && clash.id !== existing?.id) problems.push(`number: No. ${e.number} is edition ${exchangeIdOf(clash)} already`);
  for (const kind of SECTION_KINDS) {
    if (!e.sections.some((s) => s.kind === kind)) problems.push(`sections: the ${kind} section has no items (an edition has all four)`);
  }
  const sources = itemSourcesByKind(extensions);
  const wanted = new Map<string, string[]>();
  for (const s of e.sections) {
    for (const i of s.items) {
      if (i.ref === undefined) continue;
      const ref = parseItemRef(i.ref);
      if (!ref) problems.push(`sections.${s.kind}: ref "${i.ref}" is not <kind>:<externalId>`);
      else if (!sources.has(ref.kind)) problems.push(`sections.${s.kind}: ref "${i.ref}": no content of kind "${ref.kind}" here`);
      else wanted.set(ref.kind, [...(wanted.get(ref.kind) ?? []), ref.externalId]);
    }
  }
  for (const [kind, ids] of wanted) {
    const found = await sources.get(kind)?.exists(db, ids);
    for (const id of ids) if (!found?.has(id)) problems.push(`ref "${kind}:${id}": no such ${kind} (or not published)`);
  }
  let unchanged = false;
  if (existing && !EDITABLE_EDITION.includes(existing.status)) {
    const stored = await loadEditionById(db, existing.id);
    unchanged = stored !== null && canonical(editionToExchange(stored)) === canonical(e);
    if (!unchanged)
      problems.push(
        `status: edition No. ${existing.number} is ${existing.status === 'sent' ? 'already sent' : existing.status}: an import does not change it`,
      );
  }
  return { problems, found: { existing, unchanged } };
}

async function save(trx: Database, e: ImportedEdition, { existing, unchanged }: Found): Promise<'created' | 'updated'> {
  if (unchanged) return 'updated';
  // Two imports of one new edition at once: the unique number or externalId refuses the second.
  if (existing && !EDITABLE_EDITION.includes(existing.status)) throw new RecordRejected([`status: edition is ${existing.status}`]);
  let id = existing?.id;
  if (id === undefined) id = await q.insertEdition(trx, { externalId: e.externalId, number: e.number, date: e.date, status: 'ready' });
  else await q.updateEdition(trx, id, { number: e.number, date: e.date });
  for (const [locale, text] of Object.entries(e.translations)) if (text) await q.saveEditionTranslation(trx, id, locale, text);
  for (const row of await q.listEditionTranslations(trx, [id])) {
    if (!(row.locale in e.translations)) await q.deleteEditionTranslation(trx, id, row.locale);
  }
  await q.replaceEditionItems(
    trx,
    id,
    e.sections.flatMap((s) =>
      s.items.map((i) => ({ section: s.kind, ref: i.ref ?? null, url: i.url ?? null, translations: i.translations ?? {} })),
    ),
  );
  return existing ? 'updated' : 'created';
}

/** Imports editions one by one, each in its own transaction (or the caller's); a bad one is reported, never half-saved. */
export function importEditions(db: Database, records: unknown[], extensions: Extensions): Promise<ImportReport> {
  return importRecords(db, records, importedEdition, {
    check: (checkDb, e) => check(checkDb, e, extensions),
    save,
  });
}

/** Every edition, by number, in the import format (drafts too: an export is a backup). */
export async function exportEditions(db: Database): Promise<ExportedEdition[]> {
  const editions: ExportedEdition[] = [];
  for (let offset = 0; ; offset += 200) {
    const rows = await q.listEditionRows(db, undefined, 200, offset);
    for (const row of rows) {
      const edition = await loadEditionById(db, row.id);
      if (edition) editions.push(editionToExchange(edition));
    }
    if (rows.length < 200) break;
  }
  return editions.sort((a, b) => a.number - b.number);
}
