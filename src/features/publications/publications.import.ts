import { z } from 'zod';
import { loadTaxonomyIndex, type TaxonomyIndex } from '../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../platform/db/client.ts';
import { importRecords, recordLine, recordText, translationsOf } from '../../platform/exchange.ts';
import { ISO_639_1 } from '../../platform/i18n/language-codes.ts';
import { slugify } from '../../platform/lib/slug.ts';
import type { ImportReport } from '../../platform/module.ts';
import * as w from './publication-editor.queries.ts';
import { externalUrl, MIN_YEAR, SUMMARY_MAX, TITLE_MAX } from './publications.forms.ts';
import { PUBLICATION_KINDS } from './publications.table.ts';

// The publications part of the exchange format (docs/import-format.md): `npm run cli -- import` /
// `export`, and the demo seed. Idempotent by `externalId`. The document is a link (`url`); a PDF
// uploaded on the platform is not part of the file: a record without `url` keeps the publication's
// uploaded PDF, and a new publication without one is refused.

const translation = z.object({
  title: recordLine(TITLE_MAX, 'title is required'),
  summary: recordText(SUMMARY_MAX).default(''),
});

export const importedPublication = z.object({
  externalId: recordText(200).min(1, 'externalId is required'),
  status: z.enum(['draft', 'published']).default('published'),
  year: z.number().int().min(MIN_YEAR, `must be ${MIN_YEAR} or later`).max(2100),
  kind: z.enum(PUBLICATION_KINDS),
  /** The languages of the document itself: ISO 639-1 codes. */
  languages: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .refine((c) => ISO_639_1.has(c), 'must be ISO 639-1 codes'),
    )
    .max(20)
    .default([]),
  themes: z.array(z.string().trim()).max(20).default([]),
  regions: z.array(z.string().trim()).max(20).default([]),
  url: z.preprocess((v) => (v === null ? undefined : v), externalUrl.optional()),
  /** The event the publication documents, by the events' external id. */
  eventExternalId: z.preprocess((v) => (v === null ? undefined : v), recordText(200).min(1).optional()),
  translations: translationsOf(translation),
});
export type ImportedPublication = z.infer<typeof importedPublication>;
export type ExportedPublication = z.input<typeof importedPublication>;

type Found = { existingId: number | null; keepsFile: number | null; eventId: number | null };

async function check(db: Database, p: ImportedPublication, index: TaxonomyIndex) {
  const problems: string[] = [];
  for (const t of p.themes) if (!index.themes.has(t)) problems.push(`themes: unknown theme ${t}`);
  for (const r of p.regions) if (!index.regions.has(r)) problems.push(`regions: unknown region ${r}`);
  const existing = await w.findPublicationByName(db, p.externalId);
  const eventId = p.eventExternalId ? await w.findEventIdByName(db, p.eventExternalId) : null;
  if (p.eventExternalId && eventId === null) problems.push(`eventExternalId: no event with externalId ${p.eventExternalId}`);
  const keepsFile = p.url ? null : (existing?.file_upload_id ?? null);
  if (!p.url && keepsFile === null)
    problems.push('url: required (the document is a link unless the publication already has an uploaded PDF)');
  return { problems, found: { existingId: existing?.id ?? null, keepsFile, eventId } satisfies Found };
}

async function saveOne(db: Database, p: ImportedPublication, found: Found): Promise<'created' | 'updated'> {
  const cover = found.existingId === null ? null : ((await w.findPublicationByName(db, p.externalId))?.cover_upload_id ?? null);
  const write: w.PublicationWrite = {
    status: p.status,
    kind: p.kind,
    year: p.year,
    languages: [...new Set(p.languages)],
    file_upload_id: found.keepsFile,
    url: found.keepsFile === null ? (p.url ?? null) : null,
    cover_upload_id: cover,
    event_id: found.eventId,
  };
  let id = found.existingId;
  if (id === null) {
    const title = p.translations.en?.title ?? Object.values(p.translations)[0]?.title ?? p.externalId;
    const base = slugify(title, 'publication');
    let slug = base;
    for (let n = 2; slug === 'new' || (await w.isPublicationSlugTaken(db, slug)); n++) slug = `${base}-${n}`;
    id = await w.insertPublication(db, slug, p.externalId, write, null);
  } else await w.updatePublication(db, id, write, null);
  const locales = Object.keys(p.translations);
  await w.deletePublicationTextsExcept(db, id, locales);
  for (const [locale, t] of Object.entries(p.translations)) {
    if (t) await w.upsertPublicationText(db, id, { locale, title: t.title, summary: t.summary });
  }
  await w.replacePublicationTaxonomy(db, id, [...new Set(p.themes)], [...new Set(p.regions)]);
  return found.existingId === null ? 'created' : 'updated';
}

/** Imports publications one by one, each in its own transaction; a bad record is reported, never half-saved. */
export async function importPublications(db: Database, records: unknown[]): Promise<ImportReport> {
  const index = await loadTaxonomyIndex(db);
  return importRecords(db, records, importedPublication, {
    check: (_db, p) => check(db, p, index),
    save: (trx, p, found) => saveOne(trx, p, found),
  });
}

/** Every publication in the import format (drafts too: an export is a backup); uploaded PDFs stay out (no `url`). */
export async function exportPublications(db: Database): Promise<ExportedPublication[]> {
  const rows = await w.listPublicationsForExport(db);
  return rows.map((r) => ({
    externalId: r.name,
    status: r.status,
    year: r.year,
    kind: r.kind,
    languages: r.languages,
    themes: r.themes,
    regions: r.regions,
    ...(r.url ? { url: r.url } : {}),
    ...(r.event_name ? { eventExternalId: r.event_name } : {}),
    translations: Object.fromEntries(r.texts.map((t) => [t.locale, { title: t.title, summary: t.summary }])),
  }));
}
