import { z } from 'zod';
import { loadTaxonomyIndex, type TaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import { countryCode, importRecords, recordLine, recordText, translationsOf } from '../../../platform/exchange.ts';
import { slugify } from '../../../platform/lib/slug.ts';
import type { ImportReport } from '../../../platform/module.ts';
import { PRACTICE_SECTIONS } from '../practices.table.ts';
import { inferProjectState, readContent } from '../record/practice-content.model.ts';
import { insertPracticeRecord } from '../record/practice-record.queries.ts';
import { freeSlug, writeLiveRecord } from '../record/practice-record.service.ts';
import * as q from './practice-exchange.queries.ts';

// The exchange format of docs/import-format.md: `npm run cli -- import FILE.json` and `export`.

const text = recordText;
const line = recordLine;
const translation = z.object({
  title: line(300, 'title is required'),
  summary: text(2000).min(1, 'summary is required'),
  challenge: text(20_000).default(''),
  approach: text(20_000).default(''),
  results: text(20_000).default(''),
  lessons: text(20_000).default(''),
  transfer: text(20_000).default(''),
  resources: text(20_000).default(''),
});
const year = z.number().int().min(1900).max(2100);

export const importedPractice = z
  .object({
    externalId: z.string().trim().min(1).max(200),
    status: z.enum(['published', 'draft']),
    city: line(200, 'city is required'),
    country: countryCode('country must be an ISO 3166-1 alpha-2 code'),
    themes: z.array(z.string()).default([]),
    topics: z.array(z.string()).default([]),
    sdgs: z.array(z.number().int().min(1).max(17)).default([]),
    startYear: year.nullable().optional(),
    endYear: year.nullable().optional(),
    partners: z.array(line(300, 'a partner needs a name')).max(50).default([]),
    links: z
      .array(
        z.object({
          url: z
            .string()
            .url()
            .regex(/^https?:\/\//, 'links must be http(s)'),
          label: line(200, 'a link needs a label'),
        }),
      )
      .max(20)
      .default([]),
    translations: translationsOf(translation, 'needs at least one language'),
    contact: z.object({ name: line(200).default(''), organisation: line(300).default('') }).default({ name: '', organisation: '' }),
  })
  .refine((p) => !p.startYear || !p.endYear || p.endYear >= p.startYear, { message: 'endYear is before startYear', path: ['endYear'] });

export type ImportedPractice = z.infer<typeof importedPractice>;

export const importFile = z.object({ practices: z.array(z.unknown()) });

/** Problems only the database can see: unknown theme, topic or country. */
function taxonomyProblems(p: ImportedPractice, index: TaxonomyIndex): string[] {
  const problems: string[] = [];
  for (const theme of p.themes) if (!index.themes.has(theme)) problems.push(`themes: unknown slug "${theme}"`);
  for (const topic of p.topics) if (!index.themeOfTopic.has(topic)) problems.push(`topics: unknown slug "${topic}"`);
  if (!index.countries.has(p.country)) problems.push(`country: unknown code "${p.country}"`);
  return problems;
}

async function saveOne(db: Database, p: ImportedPractice, index: TaxonomyIndex): Promise<'created' | 'updated'> {
  const existing = await q.findPracticeByExternalId(db, p.externalId);
  let id: number;
  if (existing) {
    id = existing.id;
  } else {
    const title = p.translations.en?.title ?? Object.values(p.translations)[0]?.title ?? p.externalId;
    id = await insertPracticeRecord(db, {
      external_id: p.externalId,
      slug: await freeSlug(db, slugify(title, 'practice')),
      status: p.status,
      city_id: null,
      country_code: null,
      start_year: null,
      end_year: null,
      sdgs: [],
      partners: [],
      links: [],
      contact_name: null,
      contact_organisation: null,
      project_state: null,
    });
  }
  const content = readContent({
    ...p,
    projectState: inferProjectState(p.endYear),
    startYear: p.startYear ?? null,
    endYear: p.endYear ?? null,
    contact: { ...p.contact, userId: null },
  });
  // Files and a contact member are managed on the platform, not in the exchange format: keep them.
  await writeLiveRecord(db, id, content, index, { status: p.status, keepFiles: true });
  return existing ? 'updated' : 'created';
}

/**
 * Imports practices one by one, idempotent by externalId (a re-import updates). An invalid record is
 * rejected with its reasons and the others still go in; each record is its own transaction (or runs in
 * the caller's, when called inside one).
 */
export async function importPractices(db: Database, records: unknown[]): Promise<ImportReport> {
  const index = await loadTaxonomyIndex(db);
  return importRecords(db, records, importedPractice, {
    check: (_db, p) => taxonomyProblems(p, index),
    save: (trx, p) => saveOne(trx, p, index),
  });
}

/** All practices in the import format (statuses other than published are exported as draft). */
export async function exportPractices(db: Database): Promise<{ practices: ImportedPractice[] }> {
  const { practices, translations, themes, topics } = await q.listPracticesForExport(db);
  return {
    practices: practices.map((p) => ({
      externalId: p.external_id ?? `peerpolis-${p.id}`,
      status: p.status === 'published' ? 'published' : 'draft',
      city: p.city_name ?? '',
      country: p.country_code ?? '',
      themes: themes.filter((t) => t.practice_id === p.id).map((t) => t.theme_slug),
      topics: topics.filter((t) => t.practice_id === p.id).map((t) => t.topic_slug),
      sdgs: p.sdgs,
      startYear: p.start_year,
      endYear: p.end_year,
      partners: p.partners,
      links: p.links,
      translations: Object.fromEntries(
        translations
          .filter((t) => t.practice_id === p.id)
          .map((t) => [t.locale, { title: t.title, summary: t.summary, ...Object.fromEntries(PRACTICE_SECTIONS.map((s) => [s, t[s]])) }]),
      ) as ImportedPractice['translations'],
      contact: { name: p.contact_name ?? '', organisation: p.contact_organisation ?? '' },
    })),
  };
}
