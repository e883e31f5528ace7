import { z } from 'zod';
import { LOCALES } from '../../../platform/i18n/locales.ts';
import { cleanFormText } from '../../../platform/ui/forms.tsx';
import { lineField } from '../../../platform/ui/line-field.ts';
import { SECTION_KINDS } from '../newsletter.model.ts';

// The editors' forms for editions. A message is a key under `forms.errors.` ('required', 'tooLong') or,
// when it has a dot, a whole catalog key of this namespace (`newsletterEditor.errors.…`).

export const SUBJECT_MAX = 150;
export const PREHEADER_MAX = 200;
export const EDITORIAL_MAX = 5000;
export const ITEM_TITLE_MAX = 200;
export const ITEM_TEXT_MAX = 2000;
export const URL_MAX = 1000;

const text = (v: unknown) => (typeof v === 'string' ? cleanFormText(v) : '');
const block = (max: number) => z.preprocess((v) => text(v).trim(), z.string().max(max, 'tooLong'));
const list = <T extends z.ZodType>(item: T, max = 100) =>
  z.preprocess((v) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]), z.array(item).max(max, 'tooMany'));
const locale = z.enum(LOCALES, { error: 'newsletterEditor.errors.unknownLocale' });
const section = z.enum(SECTION_KINDS, { error: 'newsletterEditor.errors.unknownSection' });
const id = z.coerce.number({ error: 'invalid' }).int('invalid').min(1, 'invalid').max(2_147_483_647, 'invalid');

/** A calendar day that exists ('2026-02-30' does not). */
const day = z.preprocess(
  (v) => text(v).trim(),
  z
    .string()
    .min(1, 'required')
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'newsletterEditor.errors.date')
    .refine((d) => {
      const date = new Date(`${d}T12:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === d;
    }, 'newsletterEditor.errors.date'),
);

export const newEditionForm = z.object({
  number: z.preprocess(
    (v) => text(v).trim(),
    z
      .string()
      .min(1, 'required')
      .regex(/^0*[1-9]\d{0,5}$/, 'newsletterEditor.errors.number')
      .transform(Number),
  ),
  date: day,
});

export const editionTextForm = z.object({
  lang: locale,
  subject: lineField(SUBJECT_MAX),
  preheader: lineField(PREHEADER_MAX),
  editorial: block(EDITORIAL_MAX),
});

/** The date and who receives it; the slugs are checked against the taxonomy by the service. */
export const editionDetailsForm = z.object({
  date: day,
  locales: list(locale, LOCALES.length),
  themes: list(z.string().regex(/^[a-z0-9-]{1,80}$/, 'invalid')),
  regions: list(z.string().regex(/^[a-z0-9-]{1,80}$/, 'invalid')),
});

export const suggestedItemForm = z.object({
  ref: z.preprocess((v) => text(v).trim(), z.string().min(1, 'required').max(250, 'tooLong')),
  section,
});

const link = z.preprocess(
  (v) => text(v).trim(),
  z.union([
    z.literal(''),
    z
      .string()
      .max(URL_MAX, 'tooLong')
      .refine((u) => {
        try {
          const url = new URL(u);
          return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
        } catch {
          return false;
        }
      }, 'newsletterEditor.errors.url'),
  ]),
);

/** A free item: its section, an optional link and, per language, a title and a text (at least one language). */
export const freeItemForm = z
  .object({
    section,
    url: link,
    ...Object.fromEntries(
      LOCALES.flatMap((l) => [[`title_${l}`, lineField(ITEM_TITLE_MAX)] as const, [`text_${l}`, block(ITEM_TEXT_MAX)] as const]),
    ),
  })
  .superRefine((form, ctx) => {
    const values = form as Record<string, string>;
    let any = false;
    for (const l of LOCALES) {
      if (values[`title_${l}`]) any = true;
      else if (values[`text_${l}`]) ctx.addIssue({ code: 'custom', path: [`title_${l}`], message: 'newsletterEditor.errors.titleForText' });
    }
    if (!any) ctx.addIssue({ code: 'custom', path: ['title_en'], message: 'newsletterEditor.errors.oneLanguage' });
  })
  .transform((form) => {
    const values = form as Record<string, string>;
    const translations: Record<string, { title: string; text: string }> = {};
    for (const l of LOCALES) {
      const title = values[`title_${l}`] ?? '';
      if (title) translations[l] = { title, text: values[`text_${l}`] ?? '' };
    }
    return { section: form.section, url: form.url || null, translations };
  });

export const moveItemForm = z.object({ item: id, direction: z.enum(['up', 'down'], { error: 'invalid' }) });
export const removeItemForm = z.object({ item: id });
export const testSendForm = z.object({ lang: locale });

/** One message per field (the first problem), keeping this namespace's own keys. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= /^[a-zA-Z.]+$/.test(issue.message) ? issue.message : 'invalid';
  }
  return errors;
}
