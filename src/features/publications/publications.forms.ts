import { z } from 'zod';
import { languageParam, lenientQuery, pageParam, repeated, single, slugParam } from '../../platform/http/query-params.ts';
import { ISO_639_1 } from '../../platform/i18n/language-codes.ts';
import { LOCALES } from '../../platform/i18n/locales.ts';
import { cleanFormText } from '../../platform/ui/forms.tsx';
import { lineField } from '../../platform/ui/line-field.ts';
import { PUBLICATION_KINDS } from './publications.table.ts';

// Forms of publications: the public list's query string (lenient) and the editors' form (strict, with
// message keys under `forms.errors.`).

export const PUBLICATION_PAGE_SIZE = 20;
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 5000;
export const COVER_ALT_MAX = 300;
export const URL_MAX = 2000;
export const MIN_YEAR = 1900;
/** A publication may be announced for next year, never further ahead. */
export const maxYear = () => new Date().getUTCFullYear() + 1;

const yearParam = z.coerce.number().int().min(MIN_YEAR).max(2100);

export const publicationParams = lenientQuery({
  q: single(
    z.string().transform((v) => v.replaceAll('\u0000', '').trim().slice(0, 200)),
    '',
  ),
  kind: repeated(z.enum(PUBLICATION_KINDS)),
  theme: repeated(slugParam),
  region: repeated(slugParam),
  year: repeated(yearParam),
  lang: repeated(languageParam),
  page: pageParam,
});
export type PublicationParams = ReturnType<typeof publicationParams.parse>;

const list = (pattern: RegExp, max: number) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]),
    z.array(z.string().regex(pattern, 'invalid')).max(max, 'tooMany'),
  );

/** An external document's address: http(s) only (never `javascript:` or `data:`), at most URL_MAX characters. */
export const externalUrl = z
  .string()
  .trim()
  .max(URL_MAX, 'tooLong')
  .refine((v) => {
    try {
      const url = new URL(v);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && !/\s/.test(v);
    } catch {
      return false;
    }
  }, 'linkFormat');

/** The editors' form: one language's texts per save, the record's facts, and where the document is. */
export const publicationForm = z.object({
  lang: z.enum(LOCALES),
  status: z.enum(['draft', 'published']).catch('draft'),
  title: lineField(TITLE_MAX, { required: true }),
  summary: z.preprocess((v) => (typeof v === 'string' ? cleanFormText(v).trim() : ''), z.string().max(SUMMARY_MAX, 'tooLong')),
  coverAlt: lineField(COVER_ALT_MAX),
  kind: z.enum(PUBLICATION_KINDS, { error: 'required' }),
  year: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string()
      .min(1, 'required')
      .regex(/^\d{4}$/, 'year')
      .transform(Number)
      .refine((y) => y >= MIN_YEAR && y <= maxYear(), 'year'),
  ),
  languages: list(/^[a-z]{2}$/, 20).refine((codes) => codes.every((c) => ISO_639_1.has(c)), 'invalid'),
  themes: list(/^[a-z0-9-]{1,60}$/, 20),
  regions: list(/^[a-z0-9-]{1,60}$/, 20),
  eventId: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.coerce.number({ error: 'invalid' }).int('invalid').positive('invalid').max(2_147_483_647, 'invalid').nullable(),
  ),
  /** Where the document is: an uploaded PDF (`file`) or an address elsewhere (`link`). */
  source: z.enum(['file', 'link']).catch('file'),
  url: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.union([z.literal(''), externalUrl])),
  removeCover: z.preprocess((v) => v === 'yes', z.boolean()),
});
export type PublicationForm = z.infer<typeof publicationForm>;

export const statusForm = z.object({ status: z.enum(['draft', 'published']) });
