import { z } from 'zod';
import type { Database } from '../../platform/db/client.ts';
import { countryCode, importRecords, recordLine, recordText, translationsOf } from '../../platform/exchange.ts';
import type { Extensions } from '../../platform/extension.ts';
import { LOCALES } from '../../platform/i18n/locales.ts';
import type { ImportReport } from '../../platform/module.ts';
import * as q from './news.queries.ts';
import { NEWS_LIMITS, NEWS_STATUSES, RELATED_KINDS } from './news.table.ts';
import { checkNewsArticle, type NewsArticleInput, writeNewsArticle } from './news-record.service.ts';

// The "news" array of the exchange format (docs/import-format.md): idempotent by externalId; a bad
// record is rejected with its reasons, the others still go in. Pictures are managed on the platform and
// kept on re-import. `slug` and `related` are optional extras the export writes too.

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and hyphens')
  .max(80);

export const importedNews = z.strictObject({
  externalId: z.string().trim().min(1).max(200),
  slug: slug.optional(),
  status: z.enum(NEWS_STATUSES),
  publishedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  themes: z.array(z.string().max(80)).max(20).default([]),
  regions: z.array(z.string().max(80)).max(10).default([]),
  countries: z.array(countryCode()).max(60).default([]),
  translations: translationsOf(
    z.strictObject({
      title: recordLine(NEWS_LIMITS.title, 'a title is required'),
      lead: recordText(NEWS_LIMITS.lead).default(''),
      body: recordText(NEWS_LIMITS.body).default(''),
    }),
  ),
  related: z
    .array(z.strictObject({ kind: z.enum(RELATED_KINDS), ref: z.string().trim().min(1).max(200) }))
    .max(NEWS_LIMITS.related)
    .default([]),
});
export type ImportedNews = z.infer<typeof importedNews>;

const toInput = (n: ImportedNews): NewsArticleInput => ({
  ...n,
  publishedAt: n.publishedAt ? new Date(n.publishedAt) : null,
});

/** Message keys of the shared checks, as the import's report says them (in English, like the others). */
const REASONS: Record<string, string> = {
  'news.errors.unknownValues': 'unknown: {values}',
  'news.errors.unknownRelated': 'no public record: {refs}',
  'news.errors.noTranslation': 'at least one translation with a title is required',
  'news.errors.needsComplete': 'a published article needs a translation with title, lead and body',
};

export function importNews(db: Database, records: unknown[], extensions: Extensions): Promise<ImportReport> {
  return importRecords(db, records, importedNews, {
    check: async (db, n) => {
      const problems = await checkNewsArticle(db, toInput(n), extensions);
      return Object.entries(problems).map(
        ([field, p]) => `${field}: ${(REASONS[p.key] ?? p.key).replace(/\{(\w+)\}/g, (_, k: string) => p.values?.[k] ?? '')}`,
      );
    },
    save: async (trx, n) => ((await writeNewsArticle(trx, toInput(n), null)).created ? 'created' : 'updated'),
  });
}

export async function exportNews(db: Database): Promise<ImportedNews[]> {
  return (await q.listNewsRecords(db)).map((r) => ({
    externalId: r.external_id,
    slug: r.slug,
    status: r.status,
    publishedAt: r.published_at ? r.published_at.toISOString() : null,
    themes: r.themes,
    regions: r.regions,
    countries: r.countries,
    translations: Object.fromEntries(
      r.texts
        .filter((t) => (LOCALES as readonly string[]).includes(t.locale))
        .map((t) => [t.locale, { title: t.title, lead: t.lead, body: t.body }]),
    ),
    related: r.related,
  }));
}
