import { loadTaxonomyIndex } from '../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../platform/db/client.ts';
import type { Extensions } from '../../platform/extension.ts';
import { LOCALES, type Locale } from '../../platform/i18n/locales.ts';
import { slugify } from '../../platform/lib/slug.ts';
import { findVisibleExpert } from '../experts/index.ts';
import { newsletterItemSources } from '../newsletter/index.ts';
import * as q from './news.queries.ts';
import { NEWS_LIMITS, type NewsStatus, type RelatedKind } from './news.table.ts';

// One article as the editor's form and the import give it, its checks, and its save: one transaction,
// so an article is either saved whole or not at all.

export type NewsText = { title: string; lead: string; body: string };

export type NewsArticleInput = {
  externalId: string;
  /** Kept when the article exists; for a new one, from the first title unless given. */
  slug?: string;
  status: NewsStatus;
  publishedAt: Date | null;
  themes: string[];
  regions: string[];
  countries: string[];
  translations: Partial<Record<Locale, NewsText>>;
  related: Array<{ kind: RelatedKind; ref: string }>;
};

/** Problems by field: `translations`, `themes`, `regions`, `countries`, `related`, `status`; message keys with values. */
export type NewsProblems = Record<string, { key: string; values?: Record<string, string> }>;

/** A translation counts as written when it has a title; readers see it once lead and body are there too. */
export const isComplete = (t: NewsText | undefined) => Boolean(t?.title && t.lead && t.body);

/**
 * Checks what the database has to answer: taxonomy values exist, related records exist and are public,
 * a published article has a complete translation. Lengths and shapes are the forms' and schemas' job.
 */
export async function checkNewsArticle(db: Database, input: NewsArticleInput, extensions: Extensions): Promise<NewsProblems> {
  const problems: NewsProblems = {};
  const taxonomy = await loadTaxonomyIndex(db);
  const unknown = (values: string[], known: ReadonlySet<string>) => values.filter((v) => !known.has(v));
  const themes = unknown(input.themes, taxonomy.themes);
  if (themes.length) problems.themes = { key: 'news.errors.unknownValues', values: { values: themes.join(', ') } };
  const regions = unknown(input.regions, taxonomy.regions);
  if (regions.length) problems.regions = { key: 'news.errors.unknownValues', values: { values: regions.join(', ') } };
  const countries = unknown(input.countries, taxonomy.countries);
  if (countries.length) problems.countries = { key: 'news.errors.unknownValues', values: { values: countries.join(', ') } };
  const missing = await findUnknownRelated(db, input.related, extensions);
  if (missing.length) problems.related = { key: 'news.errors.unknownRelated', values: { refs: missing.join(', ') } };
  const texts = Object.values(input.translations);
  if (!texts.some((t) => t?.title)) problems.translations = { key: 'news.errors.noTranslation' };
  else if (input.status === 'published' && !texts.some(isComplete)) problems.translations = { key: 'news.errors.needsComplete' };
  return problems;
}

/** The related refs (`kind:ref`) that name nothing a visitor may open. */
async function findUnknownRelated(db: Database, related: NewsArticleInput['related'], extensions: Extensions): Promise<string[]> {
  const sources = new Map(extensions.all(newsletterItemSources).map((s) => [s.kind, s]));
  const missing: string[] = [];
  for (const kind of ['event', 'practice', 'projectIdea'] as const) {
    const refs = related.filter((r) => r.kind === kind).map((r) => r.ref);
    if (!refs.length) continue;
    const found = (await sources.get(kind)?.exists(db, refs)) ?? new Set<string>();
    missing.push(...refs.filter((ref) => !found.has(ref)).map((ref) => `${kind}:${ref}`));
  }
  for (const r of related.filter((x) => x.kind === 'expert')) {
    if (!(await findVisibleExpert(db, r.ref, null))) missing.push(`expert:${r.ref}`);
  }
  return missing;
}

/** Saves a checked article (creates it or replaces its content); returns its slug and whether it was new. */
export function saveNewsArticle(db: Database, input: NewsArticleInput, userId: number | null): Promise<{ slug: string; created: boolean }> {
  return db.transaction().execute((trx) => writeNewsArticle(trx, input, userId));
}

/** The writes of saveNewsArticle with the caller's transaction (the import's per record, the demo's). */
export async function writeNewsArticle(
  trx: Database,
  input: NewsArticleInput,
  userId: number | null,
): Promise<{ slug: string; created: boolean }> {
  {
    const existing = await q.findNewsRecord(trx, { externalId: input.externalId }, true);
    const write: q.NewsWrite = {
      status: input.status,
      // Publishing without a date publishes now; a draft keeps the date it was given (its planned one).
      published_at: input.publishedAt ?? (input.status === 'published' ? (existing?.published_at ?? new Date()) : null),
      userId,
    };
    let id = existing?.id;
    let slug = existing?.slug ?? '';
    if (id === undefined) {
      const first = LOCALES.map((l) => input.translations[l]).find((t) => t?.title);
      const base = input.slug ?? slugify(first?.title ?? input.externalId, 'news').slice(0, 80);
      slug = base;
      // 'new' is the editor's address for a new article: an article named so would be unreachable there.
      for (let n = 2; slug === 'new' || (await q.isNewsSlugTaken(trx, slug)); n++) slug = `${base}-${n}`;
      id = await q.insertNewsArticle(trx, input.externalId, slug, write);
    } else await q.updateNewsArticle(trx, id, write);
    const texts = LOCALES.flatMap((locale) => {
      const t = input.translations[locale];
      return t?.title ? [{ locale, title: t.title, lead: t.lead, body: t.body }] : [];
    });
    await q.replaceNewsContent(trx, id, {
      texts,
      themes: [...new Set(input.themes)],
      regions: [...new Set(input.regions)],
      countries: [...new Set(input.countries)],
      related: dedupe(input.related).slice(0, NEWS_LIMITS.related),
    });
    return { slug, created: existing === undefined };
  }
}

const dedupe = (related: NewsArticleInput['related']) =>
  related.filter((r, i) => related.findIndex((o) => o.kind === r.kind && o.ref === r.ref) === i);
