import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LOCALES } from '../../i18n/locales.ts';

// Demo content drawn from the network's December 2020 newsletter (texts rewritten). It is seed data:
// each module loads the part it owns into its own tables; later modules load the rest.

const locale = z.enum(LOCALES);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const country = z.string().regex(/^[A-Z]{2}$/);
const slugs = z.array(z.string().regex(/^[a-z0-9-]+$/));
const figures = z.record(z.string(), z.number().int().nonnegative());
const texts = <T extends z.ZodRawShape>(shape: T) =>
  z.partialRecord(locale, z.object(shape)).refine((t) => t.en !== undefined, 'needs an English text');

const city = z.object({ key: z.string(), name: z.string().min(1), country, names: z.record(z.string(), z.string()).default({}) });

const series = z.object({
  externalId: z.string(),
  startsOn: isoDay,
  endsOn: isoDay,
  themes: slugs,
  topics: slugs,
  figures: figures.default({}),
  translations: texts({ title: z.string().min(1), summary: z.string().min(1), description: z.string() }),
});

const event = z.object({
  externalId: z.string(),
  kind: z.enum(['dialogue-event', 'workshop', 'project-planning-workshop', 'webinar', 'expert-mission', 'network-meeting', 'conference']),
  format: z.enum(['in-person', 'virtual', 'hybrid']),
  startsOn: isoDay,
  endsOn: isoDay,
  /** Wall-clock times in `timeZone` on the first and last day. */
  startTime: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .default('09:00'),
  endTime: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .default('17:00'),
  timeZone: z.string().default('Europe/Berlin'),
  city: z.string().nullable(),
  country: country.nullable(),
  region: z.string().nullable(),
  series: z.string().nullable(),
  languages: z.array(z.string()).default([]),
  themes: slugs,
  topics: slugs,
  figures: figures.default({}),
  translations: texts({ title: z.string().min(1), summary: z.string().min(1), description: z.string() }),
});

const practiceText = {
  title: z.string().min(1),
  summary: z.string().min(1),
  challenge: z.string(),
  approach: z.string(),
  results: z.string(),
  lessons: z.string(),
  transfer: z.string(),
  resources: z.string(),
};

const practice = z.object({
  externalId: z.string(),
  status: z.enum(['published', 'draft']),
  city: z.string(),
  country,
  themes: slugs,
  topics: slugs,
  sdgs: z.array(z.number().int().min(1).max(17)),
  startYear: z.number().int(),
  endYear: z.number().int().nullable(),
  partners: z.array(z.string()).default([]),
  contact: z.object({ name: z.string(), organisation: z.string() }),
  translations: texts(practiceText),
});

const call = z.object({
  externalId: z.string(),
  kind: z.string(),
  event: z.string().nullable(),
  opensOn: isoDay,
  deadline: isoDay,
  region: z.string().nullable(),
  themes: slugs,
  topics: slugs,
  figures: figures.default({}),
  translations: texts({ title: z.string().min(1), summary: z.string().min(1), eligibility: z.string(), description: z.string() }),
});

export const demoContentSchema = z.object({
  source: z.string(),
  cities: z.array(city),
  series: z.array(series),
  events: z.array(event),
  practices: z.array(practice),
  calls: z.array(call),
});

export type DemoContent = z.infer<typeof demoContentSchema>;
export type DemoCity = z.infer<typeof city>;
export type DemoEvent = z.infer<typeof event>;
export type DemoSeries = z.infer<typeof series>;
export type DemoPractice = z.infer<typeof practice>;
export type DemoCall = z.infer<typeof call>;

let cached: DemoContent | undefined;

/** The demo content file, validated. Throws with the offending path when the file is malformed. */
export function readDemoContent(): DemoContent {
  cached ??= demoContentSchema.parse(JSON.parse(readFileSync(new URL('./demo-content.json', import.meta.url), 'utf8')));
  return cached;
}
