import { z } from 'zod';
import { LOCALES } from '../../platform/i18n/locales.ts';
import { lineField } from '../../platform/ui/line-field.ts';
import { PAGE_PLACEMENTS, PAGE_STATUSES } from './network.table.ts';

// The editors' forms for pages, partners and regional networks: one language's texts per save, with the
// record's own fields. Messages are keys under `network.errors.` (the editor views map them).

export const LIMITS = { title: 200, body: 50_000, name: 200, description: 5_000, alt: 300, url: 500, slug: 80 } as const;

export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const text = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(max, 'tooLong'));
const slug = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''),
  z.string().min(1, 'required').max(LIMITS.slug, 'tooLong').regex(SLUG, 'slugFormat'),
);
const position = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : 0),
  z.number({ error: 'position' }).int('position').min(0, 'position').max(10_000, 'position'),
);
const lang = z.enum(LOCALES, { error: 'invalid' });
const status = z.enum(PAGE_STATUSES, { error: 'invalid' });
/** An address optional for a draft, checked when given; never shown (it is only the relay's). */
const email = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''),
  z.union([z.literal(''), z.string().max(254, 'email').pipe(z.email('email'))]),
);
const website = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : ''),
  z.union([
    z.literal(''),
    z
      .string()
      .max(LIMITS.url, 'tooLong')
      .regex(/^https?:\/\/[^\s/]+\.[^\s]+$/i, 'url'),
  ]),
);

export const pageForm = z.object({
  lang,
  slug,
  status,
  placement: z.enum(PAGE_PLACEMENTS, { error: 'invalid' }),
  position,
  title: lineField(LIMITS.title, { required: true }),
  body: text(LIMITS.body),
});
export type PageForm = z.infer<typeof pageForm>;

export const partnerForm = z.object({
  lang,
  slug,
  status,
  position,
  websiteUrl: website,
  contactName: lineField(LIMITS.name),
  contactEmail: email,
  name: lineField(LIMITS.name, { required: true }),
  description: text(LIMITS.description),
  logoAlt: lineField(LIMITS.alt),
});
export type PartnerForm = z.infer<typeof partnerForm>;

export const regionalNetworkForm = z.object({
  lang,
  region: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().min(1, 'required').max(80, 'invalid')),
  status,
  position,
  coordinatorName: lineField(LIMITS.name),
  coordinatorEmail: email,
  name: lineField(LIMITS.name, { required: true }),
  description: text(LIMITS.description),
});
export type RegionalNetworkForm = z.infer<typeof regionalNetworkForm>;
