import { z } from 'zod';
import { LOCALES, type Locale } from '../../platform/i18n/locales.ts';
import { cleanFormText } from '../../platform/ui/forms.tsx';
import { cleanLine } from '../../platform/ui/line-field.ts';
import { NEWS_LIMITS, RELATED_KINDS, type RelatedKind } from './news.table.ts';
import type { NewsArticleInput, NewsText } from './news-record.service.ts';

// The editors' article form: every language's texts in one form (a language left empty is not
// offered), taxonomy as ticks, countries as ISO codes, related records one per line as `kind:ref`.
// Messages are keys under `news.errors.`; each problem is reported by its field's name.

export const EDITOR_INTENTS = ['save', 'publish', 'unpublish'] as const;
export type EditorIntent = (typeof EDITOR_INTENTS)[number];

export type NewsFormErrors = Record<string, { key: string; values?: Record<string, string> }>;

const list = (v: unknown) =>
  (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]).filter((x): x is string => typeof x === 'string');
const line = (v: unknown) => (typeof v === 'string' ? cleanLine(v) : '');
const block = (v: unknown) => (typeof v === 'string' ? cleanFormText(v).trim() : '');

export type NewsFormData = Omit<NewsArticleInput, 'externalId' | 'status'> & { intent: EditorIntent };

/** Parses the submitted form; problems by field name, or the article's data. */
export function parseNewsForm(body: Record<string, unknown>): { ok: true; data: NewsFormData } | { ok: false; errors: NewsFormErrors } {
  const errors: NewsFormErrors = {};
  const translations: Partial<Record<Locale, NewsText>> = {};
  for (const l of LOCALES) {
    const t = { title: line(body[`title_${l}`]), lead: block(body[`lead_${l}`]), body: block(body[`body_${l}`]) };
    for (const field of ['title', 'lead', 'body'] as const) {
      if ([...t[field]].length > NEWS_LIMITS[field])
        errors[`${field}_${l}`] = { key: 'news.errors.tooLong', values: { max: String(NEWS_LIMITS[field]) } };
    }
    if (!t.title && (t.lead || t.body)) errors[`title_${l}`] = { key: 'news.errors.titleRequired' };
    if (t.title || t.lead || t.body) translations[l] = t;
  }
  const countries = line(body.countries)
    .toUpperCase()
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (countries.some((c) => !/^[A-Z]{2}$/.test(c))) errors.countries = { key: 'news.errors.countryFormat' };
  const related: Array<{ kind: RelatedKind; ref: string }> = [];
  const badLines: string[] = [];
  for (const raw of block(body.related).split('\n')) {
    const text = raw.trim();
    if (!text) continue;
    const match = /^([a-zA-Z]+)\s*:\s*([A-Za-z0-9._-]{1,200})$/.exec(text);
    const kind = RELATED_KINDS.find((k) => k.toLowerCase() === match?.[1]?.toLowerCase());
    if (match && kind) related.push({ kind, ref: match[2] as string });
    else badLines.push(text.slice(0, 60));
  }
  if (badLines.length) errors.related = { key: 'news.errors.relatedFormat', values: { lines: badLines.join(', ') } };
  else if (related.length > NEWS_LIMITS.related)
    errors.related = { key: 'news.errors.tooManyRelated', values: { max: String(NEWS_LIMITS.related) } };
  const date = line(body.publishedAt);
  const publishedAt = date ? parseDay(date) : null;
  if (date && !publishedAt) errors.publishedAt = { key: 'news.errors.dateFormat' };
  const intent = z.enum(EDITOR_INTENTS).catch('save').parse(body.intent);
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    data: {
      intent,
      publishedAt,
      themes: list(body.themes),
      regions: list(body.regions),
      countries,
      translations,
      related,
    },
  };
}

/** 'YYYY-MM-DD' as that day's noon UTC (the same calendar day everywhere the network works), or null. */
function parseDay(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const at = new Date(`${value}T12:00:00Z`);
  return Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== value ? null : at;
}

/** The picture form: the file is checked by the uploads module; alt text per language and the credit here. */
export function parsePictureText(body: Record<string, unknown>): { alt: Record<string, string>; credit: string; errors: NewsFormErrors } {
  const errors: NewsFormErrors = {};
  const alt: Record<string, string> = {};
  for (const l of LOCALES) {
    const text = line(body[`alt_${l}`]);
    if ([...text].length > NEWS_LIMITS.alt) errors[`alt_${l}`] = { key: 'news.errors.tooLong', values: { max: String(NEWS_LIMITS.alt) } };
    if (text) alt[l] = text;
  }
  if (!Object.keys(alt).length) errors[`alt_${LOCALES[0]}`] = { key: 'news.errors.altRequired' };
  const credit = line(body.credit);
  if ([...credit].length > NEWS_LIMITS.credit) errors.credit = { key: 'news.errors.tooLong', values: { max: String(NEWS_LIMITS.credit) } };
  return { alt, credit, errors };
}
