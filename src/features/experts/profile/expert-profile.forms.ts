import { z } from 'zod';
import { LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { type FormErrors, formErrors } from '../../../platform/ui/forms.tsx';
import { lineField } from '../../../platform/ui/line-field.ts';
import { AVAILABILITY, type ExpertLanguage, type ExpertLink, type ExpertVisibility, LANGUAGE_LEVELS } from '../experts.table.ts';
import type { ExpertProfile } from './expert-profile.model.ts';

// The "my expert profile" form: the record (shared by all languages) and the headline and bio of one
// language. Messages are keys under `expertProfile.errors.` (else `forms.errors.`) in the catalogs.

export const VISIBILITIES = ['public', 'members', 'hidden'] as const satisfies readonly ExpertVisibility[];
export const HEADLINE_MAX = 200;
export const BIO_MAX = 5000;
export const LINKS_MAX = 10;
export const PHOTO_ALT_MAX = 500;
export const YEARS_MAX = 70;
/** Empty language rows the form always offers, so a member without JavaScript can add languages. */
export const EMPTY_LANGUAGE_ROWS = 3;
const LANGUAGE_ROWS_MAX = 30;

/**
 * The languages the form offers (ISO 639-1), named in the reader's language by Intl.DisplayNames: the
 * languages of the network's cities and the most widely used working languages.
 */
export const EXPERT_LANGUAGE_CODES = [
  ...['am', 'ar', 'az', 'bg', 'bn', 'bs', 'cs', 'da', 'de', 'el', 'en', 'es', 'fa', 'fi', 'fr', 'ha', 'he', 'hi', 'hr', 'hu'],
  ...['hy', 'id', 'it', 'ja', 'ka', 'kk', 'ko', 'ku', 'mk', 'ms', 'nl', 'no', 'pl', 'ps', 'pt', 'ro', 'ru', 'sk', 'sl', 'so'],
  ...['sq', 'sr', 'sv', 'sw', 'th', 'tr', 'uk', 'ur', 'uz', 'vi', 'wo', 'yo', 'zh'],
] as const;

const KNOWN_LANGUAGES = new Set<string>(EXPERT_LANGUAGE_CODES);
const englishLanguageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** Whether a code may be stored as a spoken language: one the form offers, or one Intl knows by name (imports). */
export function isKnownLanguage(code: string): boolean {
  if (KNOWN_LANGUAGES.has(code)) return true;
  try {
    return englishLanguageNames.of(code) !== code;
  } catch {
    return false;
  }
}

const line = (max: number) => lineField(max);
const text = (max: number) => z.string().trim().max(max, 'tooLong');

/** Repeated fields (checkboxes) arrive as a string or an array; absent means none. The list is bounded. */
const many = z
  .union([z.string().max(100, 'invalid'), z.array(z.string().max(100, 'invalid')).max(100, 'invalid')])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .transform((v) => [...new Set(v.map((s) => s.trim()).filter(Boolean))]);

const INTENT = new RegExp(`^(save|remove-lang|lang:(${LOCALES.join('|')}))$`);
const LINK_LINE = /^(https?:\/\/\S{1,500})\s*(.*)$/;
const COUNTRY_CODE = /^[A-Z]{2}$/;

const asList = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : '')) : typeof v === 'string' ? [v] : [];

/** The language rows as submitted: pairs of `language` and `level` fields, in order, empty rows included. */
export function submittedLanguageRows(body: Record<string, unknown>): Array<{ code: string; level: string }> {
  const codes = asList(body.language);
  const levels = asList(body.level);
  return codes.map((code, i) => ({ code: code.trim().toLowerCase(), level: (levels[i] ?? '').trim() }));
}

const languageRows = z
  .array(z.object({ code: z.string(), level: z.string() }))
  .max(LANGUAGE_ROWS_MAX, 'tooLong')
  .transform((rows) => rows.filter((r) => r.code !== ''))
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    for (const row of rows) {
      if (!/^[a-z]{2}$/.test(row.code) || !isKnownLanguage(row.code) || !(LANGUAGE_LEVELS as readonly string[]).includes(row.level)) {
        ctx.addIssue({ code: 'custom', message: 'invalid' });
        return;
      }
      if (seen.has(row.code)) {
        ctx.addIssue({ code: 'custom', message: 'languageTwice' });
        return;
      }
      seen.add(row.code);
    }
  })
  .transform((rows) => rows as ExpertLanguage[]);

/** "KE, ma tz" → ['KE', 'MA', 'TZ']: codes separated by commas or spaces, checked against the taxonomy later. */
const countryList = z
  .string()
  .max(1000, 'tooLong')
  .transform((v) => [
    ...new Set(
      v
        .toUpperCase()
        .split(/[\s,;]+/)
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(z.string().regex(COUNTRY_CODE, 'countryCodes')).max(100, 'tooLong'));

const years = z
  .string()
  .trim()
  .regex(/^(\d{1,2})?$/, 'years')
  .transform((v) => (v ? Number(v) : null))
  .refine((v) => v === null || v <= YEARS_MAX, 'years');

const links = z
  .string()
  .max(10_000, 'tooLong')
  .transform((v) =>
    v
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(LINK_LINE, 'linkFormat')).max(LINKS_MAX, 'tooManyLinks'))
  .transform((lines): ExpertLink[] =>
    lines.map((l) => {
      const [, url = '', label = ''] = LINK_LINE.exec(l) ?? [];
      return { url, label: label.slice(0, 200) || url };
    }),
  );

const schema = z
  .object({
    lang: z.enum(LOCALES, { error: 'invalid' }),
    intent: z.string().regex(INTENT).catch('save'),
    organisation: line(200),
    position: line(200),
    city: line(200),
    country: z
      .string()
      .trim()
      .regex(/^([A-Z]{2})?$/, 'invalid'),
    languages: languageRows,
    theme: many,
    topic: many,
    region: many.pipe(z.array(z.string().regex(/^[a-z0-9-]{1,60}$/, 'invalid'))),
    experienceCountries: countryList,
    yearsExperience: years,
    availability: many.pipe(z.array(z.enum(AVAILABILITY, { error: 'invalid' }))),
    headline: line(HEADLINE_MAX),
    bio: text(BIO_MAX),
    links,
    visibility: z.enum(VISIBILITIES, { error: 'visibilityRequired' }),
    // Checkboxes: ticked is "yes"; anything else is not ticked.
    contactEnabled: z.literal('yes').optional().catch(undefined),
    consent: z.literal('yes').optional().catch(undefined),
  })
  .refine((f) => !f.city || f.country, { message: 'countryForCity', path: ['country'] })
  // Removing a language's texts needs no headline for it.
  .refine((f) => f.intent === 'remove-lang' || !f.bio || f.headline, { message: 'headlineRequired', path: ['headline'] });

export type ExpertProfileForm = z.infer<typeof schema>;

const TEXT_FIELDS = ['organisation', 'position', 'city', 'country', 'experienceCountries', 'yearsExperience', 'headline', 'bio', 'links'];

/**
 * Checks a submitted profile form. `needsConsent` is true until the member has agreed to be listed:
 * the consent checkbox is then required (it is the legal basis for showing the profile at all).
 */
export function parseExpertProfileForm(
  body: Record<string, unknown>,
  needsConsent: boolean,
): { ok: true; data: ExpertProfileForm } | { ok: false; errors: FormErrors } {
  const input: Record<string, unknown> = { ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, ''])), ...body };
  for (const key of TEXT_FIELDS) {
    const value = input[key];
    // A field sent twice (a hand-made request) counts once; it is never a reason for a 500.
    if (Array.isArray(value)) input[key] = typeof value[0] === 'string' ? value[0] : '';
  }
  input.languages = submittedLanguageRows(body);
  const result = schema.safeParse(input);
  const errors: FormErrors = result.success ? {} : formErrors(result.error);
  if (needsConsent && input.consent !== 'yes') errors.consent = 'consentRequired';
  if (result.success && Object.keys(errors).length === 0) return { ok: true, data: result.data };
  return { ok: false, errors };
}

/** The language the next form should show, from the intent ("lang:de") or the current one. */
export function nextLanguage(form: Pick<ExpertProfileForm, 'intent' | 'lang'>): Locale {
  const m = /^lang:(\w\w)$/.exec(form.intent);
  return (m?.[1] as Locale | undefined) ?? form.lang;
}

export type ProfileValues = Record<string, string | string[]>;

/** A saved profile as form values (the texts of `lang`); defaults for a member who has none yet. */
export function profileValues(profile: ExpertProfile | undefined, lang: Locale): ProfileValues {
  if (!profile) return { lang, visibility: 'members', contactEnabled: 'yes', language: [], level: [] };
  const text = profile.translations.find((t) => t.locale === lang);
  return {
    lang,
    organisation: profile.organisation,
    position: profile.position,
    city: profile.city?.name ?? '',
    country: profile.countryCode ?? '',
    language: profile.languages.map((l) => l.code),
    level: profile.languages.map((l) => l.level),
    theme: profile.themes,
    topic: profile.topics,
    region: profile.experienceRegions,
    experienceCountries: profile.experienceCountries.join(', '),
    yearsExperience: profile.yearsExperience === null ? '' : String(profile.yearsExperience),
    availability: profile.availability,
    headline: text?.headline ?? '',
    bio: text?.bio ?? '',
    links: profile.links.map((l) => (l.label && l.label !== l.url ? `${l.url} ${l.label}` : l.url)).join('\n'),
    visibility: profile.visibility,
    contactEnabled: profile.contactEnabled ? 'yes' : '',
    consent: profile.listingConsentAt ? 'yes' : '',
  };
}
