import { z } from 'zod';
import { ISO_639_1 } from '../../../platform/i18n/language-codes.ts';
import { LOCALES } from '../../../platform/i18n/locales.ts';
import { isTimeZone, wallClockToInstant } from '../../../platform/lib/time-zones.ts';
import { cleanFormText } from '../../../platform/ui/forms.tsx';
import { lineField } from '../../../platform/ui/line-field.ts';
import { EVENT_FORMATS, EVENT_KINDS, EVENT_STATUSES, REGISTRATION_QUESTIONS } from '../events.table.ts';

// The editors' event form: plain HTML fields (one language's texts per save) read into the shape of
// the exchange format (events.import.ts), which then checks and saves it like an import. Messages are
// keys under `forms.errors.`.

const text = (v: unknown) => (typeof v === 'string' ? cleanFormText(v) : '');
const line = (max: number, required = false) => lineField(max, { required });
const block = (max: number) => z.preprocess((v) => text(v).trim(), z.string().max(max, 'tooLong'));
const lines = (v: unknown) =>
  text(v)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const list = <T extends z.ZodType>(item: T, max = 60) =>
  z.preprocess((v) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]), z.array(item).max(max, 'tooMany'));
const wallClock = z.preprocess((v) => text(v).trim(), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'invalid'));
const optionalWallClock = z.preprocess(
  (v) => text(v).trim(),
  z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'invalid')]),
);
const count = (max: number) =>
  z.preprocess(
    (v) => text(v).replace(/[\s.,'’]/g, ''),
    z.union([
      z.literal('').transform(() => null),
      z.coerce.number({ error: 'invalid' }).int('invalid').min(0, 'invalid').max(max, 'invalid'),
    ]),
  );

/** "Agadir, MA" per line: a host municipality and its country code. */
const hosts = z.preprocess(
  lines,
  z
    .array(
      z.string().transform((l, ctx) => {
        const m = /^(.+?)\s*[,;]\s*([A-Za-z]{2})$/.exec(l);
        if (!m) {
          ctx.addIssue({ code: 'custom', message: 'hostFormat' });
          return z.NEVER;
        }
        return { city: (m[1] as string).slice(0, 200), country: (m[2] as string).toUpperCase() };
      }),
    )
    .max(30, 'tooMany'),
);

/** "https://… Label" per line, as in the practice editor. */
const links = z.preprocess(
  lines,
  z
    .array(
      z.string().transform((l, ctx) => {
        const m = /^(https?:\/\/\S{1,2000})(?:\s+(.{1,200}))?$/.exec(l);
        if (!m || !URL.canParse(m[1] as string)) {
          ctx.addIssue({ code: 'custom', message: 'linkFormat' });
          return z.NEVER;
        }
        return { url: m[1] as string, label: (m[2] ?? '').trim() };
      }),
    )
    .max(50, 'tooMany'),
);

/** Good practices by the address of their page (or its last part), one per line. */
const practiceSlugs = z.preprocess(
  (v) =>
    lines(v).map(
      (l) =>
        l
          .replace(/[?#].*$/, '')
          .replace(/\/+$/, '')
          .split('/')
          .pop() ?? '',
    ),
  z.array(z.string().regex(/^[a-z0-9-]{1,100}$/, 'practiceNotFound')).max(50, 'tooMany'),
);

const groupKey = z.preprocess((v) => text(v).trim(), z.string().max(200));

/** The names an event refers to, read on their own when other fields failed (see resolveEventReferences). */
export const eventReferencesForm = z.object({ series: groupKey, learningProcess: groupKey, practices: practiceSlugs });

export const eventEditorForm = z
  .object({
    lang: z.enum(LOCALES),
    kind: z.enum(EVENT_KINDS, { error: 'required' }),
    format: z.enum(EVENT_FORMATS, { error: 'required' }),
    status: z.enum(EVENT_STATUSES).catch('draft'),
    title: line(300, true),
    summary: block(2000),
    programme: block(20_000),
    documentation: block(20_000),
    startsAt: wallClock,
    endsAt: wallClock,
    timeZone: z.preprocess((v) => text(v).trim(), z.string().refine(isTimeZone, 'invalid')),
    city: line(200),
    country: z.preprocess((v) => text(v).trim().toUpperCase(), z.union([z.literal(''), z.string().regex(/^[A-Z]{2}$/, 'invalid')])),
    region: z.preprocess((v) => text(v).trim(), z.union([z.literal(''), z.string().regex(/^[a-z0-9-]{1,60}$/, 'invalid')])),
    venue: line(300),
    joinUrl: z.preprocess(
      (v) => text(v).trim(),
      z.union([
        z.literal(''),
        z
          .string()
          .max(2000, 'tooLong')
          .refine((u) => /^https?:\/\//.test(u) && URL.canParse(u), 'invalid'),
      ]),
    ),
    capacity: z.preprocess(
      (v) => text(v).trim(),
      z.union([
        z.literal('').transform(() => null),
        z.coerce.number({ error: 'invalid' }).int('invalid').min(1, 'invalid').max(100_000, 'invalid'),
      ]),
    ),
    registrationOpensAt: optionalWallClock,
    registrationClosesAt: optionalWallClock,
    questions: list(z.enum(REGISTRATION_QUESTIONS), 3),
    themes: list(z.string().regex(/^[a-z0-9-]{1,60}$/, 'invalid')),
    topics: list(z.string().regex(/^[a-z0-9-]{1,60}$/, 'invalid')),
    // Ticked in a list of languages (LanguageChoices); a code that is no ISO 639-1 language is refused.
    languages: list(
      z.string().refine((code) => ISO_639_1.has(code), 'invalid'),
      20,
    ),
    hosts,
    partners: z.preprocess(lines, z.array(z.string().max(300, 'tooLong')).max(50, 'tooMany')),
    recordings: links,
    practices: practiceSlugs,
    series: groupKey,
    learningProcess: groupKey,
    reportedParticipants: count(1_000_000),
    reportedMunicipalities: count(100_000),
    reportedCountries: count(300),
  })
  .transform((f, ctx) => {
    // Wall-clock times in the event's zone; an hour that does not exist (the spring gap) moves on.
    const at = (name: 'startsAt' | 'endsAt' | 'registrationOpensAt' | 'registrationClosesAt') => {
      const value = f[name];
      if (!value) return null;
      const instant = wallClockToInstant(value, f.timeZone);
      if (!instant) ctx.addIssue({ code: 'custom', path: [name], message: 'invalid' });
      return instant;
    };
    const starts = at('startsAt');
    const ends = at('endsAt');
    const opens = at('registrationOpensAt');
    const closes = at('registrationClosesAt');
    if (starts && ends && ends <= starts) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'endBeforeStart' });
    if (opens && closes && closes <= opens) ctx.addIssue({ code: 'custom', path: ['registrationClosesAt'], message: 'endBeforeStart' });
    if (f.city && !f.country) ctx.addIssue({ code: 'custom', path: ['country'], message: 'required' });
    return f;
  });
export type EventEditorForm = z.infer<typeof eventEditorForm>;

export const removeDocumentForm = z.object({ uploadId: z.coerce.number().int().positive().max(2_147_483_647) });
