import { z } from 'zod';
import { LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { lineField } from '../../../platform/ui/line-field.ts';
import { PRACTICE_SECTIONS } from '../practices.table.ts';
import { emptyText, type PracticeContent, type PracticeText } from '../record/practice-content.model.ts';

// The practice editor's form: the record (shared by all languages) and the texts of one language.
// Messages are keys under `forms.errors.`. A draft may leave fields empty; what review needs is
// checked when it is submitted (missingForReview), so a half-written text can always be saved.

const line = (max: number) => lineField(max);
const block = (max: number) => z.string().trim().max(max, 'tooLong');
const optionalYear = z
  .string()
  .trim()
  .regex(/^(\d{4})?$/, 'year')
  .transform((v) => (v ? Number(v) : null))
  .refine((v) => v === null || (v >= 1900 && v <= 2100), 'year');

/** Repeated fields (checkboxes) arrive as a string or an array; absent means none. Unknown slugs are
 * harmless (missingForReview and writeLiveRecord keep only taxonomy ones), but the list is bounded. */
const many = z
  .union([z.string().max(100, 'invalid'), z.array(z.string().max(100, 'invalid')).max(60, 'invalid')])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** A text area with one entry per line (partners, links): the non-empty lines, trimmed. */
const perLine = z
  .string()
  .max(10_000, 'tooLong')
  .transform((v) =>
    v
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );

const INTENT = new RegExp(`^(save|preview|remove-lang|lang:(${LOCALES.join('|')}))$`);

const LINK_LINE = /^(https?:\/\/\S{1,500})\s*(.*)$/;

export const practiceEditorForm = z
  .object({
    lang: z.enum(LOCALES, { error: 'invalid' }),
    intent: z.string().regex(INTENT).catch('save'),
    title: line(300),
    summary: block(2000),
    ...(Object.fromEntries(PRACTICE_SECTIONS.map((s) => [s, block(20_000)])) as Record<
      (typeof PRACTICE_SECTIONS)[number],
      ReturnType<typeof block>
    >),
    city: line(200),
    country: z
      .string()
      .trim()
      .regex(/^([A-Z]{2})?$/, 'invalid'),
    theme: many,
    topic: many,
    sdg: many.transform((v) => v.map(Number)).pipe(z.array(z.number().int().min(1, 'invalid').max(17, 'invalid'))),
    startYear: optionalYear,
    endYear: optionalYear,
    projectState: z.enum(['ongoing', 'completed', '']).catch(''),
    partners: perLine.pipe(z.array(z.string().max(300, 'tooLong')).max(50, 'tooLong')),
    links: perLine.pipe(z.array(z.string().regex(LINK_LINE, 'linkFormat')).max(20, 'tooLong')).transform((lines) =>
      lines.map((l) => {
        const [, url = '', label = ''] = LINK_LINE.exec(l) ?? [];
        return { url, label: label.slice(0, 200) || url };
      }),
    ),
    contactSelf: z.literal('yes').optional(),
    contactName: line(200),
    contactOrganisation: line(300),
  })
  .refine((f) => !f.startYear || !f.endYear || f.endYear >= f.startYear, { message: 'yearOrder', path: ['endYear'] });

export type PracticeEditorForm = z.infer<typeof practiceEditorForm>;

/** The body as the schema expects it: every text field present (an absent one is empty). */
export function editorBody(body: Record<string, unknown>): Record<string, unknown> {
  const defaults = Object.fromEntries(
    [
      'title',
      'summary',
      ...PRACTICE_SECTIONS,
      'city',
      'country',
      'startYear',
      'endYear',
      'partners',
      'links',
      'contactName',
      'contactOrganisation',
    ].map((k) => [k, '']),
  );
  return { ...defaults, ...body };
}

/** Applies a valid form to the content: the record fields, and the texts of the form's language. */
export function applyEditorForm(content: PracticeContent, form: PracticeEditorForm, userId: number): PracticeContent {
  const text: PracticeText = { ...emptyText(), title: form.title, summary: form.summary };
  for (const s of PRACTICE_SECTIONS) text[s] = form[s];
  const translations = { ...content.translations };
  const hasText = Object.values(text).some((v) => v.trim());
  if (form.intent === 'remove-lang' || !hasText) delete translations[form.lang];
  else translations[form.lang] = text;
  return {
    ...content,
    city: form.city,
    country: form.country,
    themes: form.theme,
    topics: form.topic,
    sdgs: [...new Set(form.sdg)].sort((a, b) => a - b),
    startYear: form.startYear,
    endYear: form.endYear,
    projectState: form.projectState || null,
    partners: form.partners,
    links: form.links,
    contact: {
      name: form.contactName,
      organisation: form.contactOrganisation,
      userId: form.contactSelf ? userId : content.contact.userId === userId ? null : content.contact.userId,
    },
    translations,
  };
}

/** The content as form values, for showing the form (the texts of `lang`). */
export function editorValues(content: PracticeContent, lang: Locale, userId: number): Record<string, string | string[]> {
  const text = content.translations[lang] ?? emptyText();
  return {
    lang,
    ...text,
    city: content.city,
    country: content.country,
    theme: content.themes,
    topic: content.topics,
    sdg: content.sdgs.map(String),
    startYear: content.startYear ? String(content.startYear) : '',
    endYear: content.endYear ? String(content.endYear) : '',
    projectState: content.projectState ?? '',
    partners: content.partners.join('\n'),
    links: content.links.map((l) => (l.label && l.label !== l.url ? `${l.url} ${l.label}` : l.url)).join('\n'),
    contactSelf: content.contact.userId === userId ? 'yes' : '',
    contactName: content.contact.name,
    contactOrganisation: content.contact.organisation,
  };
}

/** The language the next form should show, from the intent ("lang:de") or the current one. */
export function nextLanguage(form: PracticeEditorForm): Locale {
  const m = /^lang:(\w\w)$/.exec(form.intent);
  return (m?.[1] as Locale | undefined) ?? form.lang;
}
