import { z } from 'zod';
import { countryCode, recordLine, recordText, translationsOf } from '../../../platform/exchange.ts';
import { LOCALES } from '../../../platform/i18n/locales.ts';
import { isCalendarDay, isTimeZone } from '../../../platform/lib/time-zones.ts';
import { EVENT_FORMATS, EVENT_KINDS, EVENT_STATUSES, REGISTRATION_QUESTIONS } from '../events.table.ts';

// One event of the exchange format (docs/import-format.md), as the importer, the export and the
// editors' form read and write it. Kept apart from the importer so each file stays readable.

const text = recordText;
const line = recordLine;
const slugs = z.array(z.string().trim()).max(100).default([]);
/** An address part as slugify makes them; a new record asks for it, an existing one keeps its own. */
const slug = z
  .string()
  .trim()
  .max(100)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase letters and digits joined by hyphens');
const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  // The database would throw on 2020-02-30; the importer rejects it with a reason instead.
  .refine(isCalendarDay, 'is not a date');
const moment = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/, 'must be YYYY-MM-DDTHH:mm, with an optional offset');
const link = z.object({
  url: z
    .string()
    .trim()
    .url()
    .max(2000)
    .refine((u) => /^https?:/.test(u), 'must be http(s)'),
  label: line(200).default(''),
});

const translation = z.object({
  title: line(300, 'title is required'),
  summary: text(2000).default(''),
  programme: text(20000).default(''),
  documentation: text(20000).default(''),
});

const group = z.object({
  externalId: text(200).min(1),
  slug: slug.optional(),
  translations: z.partialRecord(z.enum(LOCALES), z.object({ title: line(300, 'title is required'), summary: text(2000).default('') })),
});

/**
 * A series also has the period it runs. Events share their series, so a record that leaves the dates
 * out keeps the series' own (as it keeps the texts of languages it does not name).
 */
const series = group
  .extend({ startsOn: day.nullable().optional(), endsOn: day.nullable().optional() })
  .refine((s) => !s.startsOn || !s.endsOn || s.endsOn >= s.startsOn, { message: 'must not be before startsOn', path: ['endsOn'] });

export const importedEvent = z.object({
  externalId: text(200).min(1, 'externalId is required'),
  slug: slug.optional(),
  kind: z.enum(EVENT_KINDS),
  format: z.enum(EVENT_FORMATS),
  status: z.enum(EVENT_STATUSES).default('published'),
  startsAt: moment,
  endsAt: moment,
  timeZone: z.string().trim().refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
  city: line(200).nullable().default(null),
  country: countryCode().nullable().default(null),
  region: z.string().trim().nullable().default(null),
  venue: line(300).default(''),
  joinUrl: z.string().trim().url().max(2000).nullable().default(null),
  capacity: z.number().int().min(1).max(100_000).nullable().default(null),
  registrationOpensAt: moment.nullable().default(null),
  registrationClosesAt: moment.nullable().default(null),
  questions: z.array(z.enum(REGISTRATION_QUESTIONS)).max(3).default([]),
  themes: slugs,
  topics: slugs,
  languages: z.array(z.string().trim().toLowerCase()).max(20).default([]),
  hosts: z
    .array(z.object({ city: line(200, 'city is required'), country: countryCode() }))
    .max(30)
    .default([]),
  partners: z.array(line(300, 'a partner needs a name')).max(50).default([]),
  series: series.nullable().default(null),
  learningProcess: group.nullable().default(null),
  reportedFigures: z
    .object({
      participants: z.number().int().min(0).max(1_000_000).optional(),
      municipalities: z.number().int().min(0).max(100_000).optional(),
      countries: z.number().int().min(0).max(300).optional(),
    })
    .default({}),
  recordings: z.array(link).max(50).default([]),
  /** Good practices presented at the event, by their externalId. */
  practices: z.array(text(200).min(1)).max(50).default([]),
  translations: translationsOf(translation),
});
export type ImportedEvent = z.infer<typeof importedEvent>;
export type ExportedEvent = z.input<typeof importedEvent>;
