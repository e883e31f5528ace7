import { z } from 'zod';
import { getAccount } from '../../../core/accounts/accounts.service.ts';
import { findOrCreateMemberAccount, listAccountEmails, renameAccount } from '../../../core/accounts/user-admin.service.ts';
import { findOrAddCity } from '../../../core/cities/cities.service.ts';
import { loadTaxonomyIndex, type TaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import { countryCode, importRecords, RecordRejected, recordLine, recordText, translationsOf } from '../../../platform/exchange.ts';
import { ISO_639_1 } from '../../../platform/i18n/language-codes.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { slugify } from '../../../platform/lib/slug.ts';
import type { ImportReport } from '../../../platform/module.ts';
import { AVAILABILITY, LANGUAGE_LEVELS } from '../experts.table.ts';
import { RESERVED_EXPERT_SLUGS } from '../profile/expert-profile.model.ts';
import * as profiles from '../profile/expert-profile.queries.ts';
import * as q from './experts-import.queries.ts';

// The experts part of the exchange format (docs/import-format.md): `npm run cli -- import` / `export`.
// The e-mail address only finds or creates the member account the profile belongs to: it is never stored
// on the expert, never in a report and never logged.

const required = (what: string) => (issue: { input: unknown }) => (issue.input === undefined ? `${what} is required` : undefined);
const text = recordText;
const line = recordLine;
const country = countryCode();
const slugs = z.array(z.string().trim()).max(200).default([]);

const translation = z.object({
  headline: z
    .string({ error: required('headline') })
    .trim()
    .min(1, 'headline is required')
    .max(200),
  bio: text(5000).default(''),
});

export const importedExpert = z.object({
  externalId: z.string().trim().min(1).max(200),
  name: z.string({ error: required('name') }).pipe(line(120, 'name is required')),
  // Absent (an export without --with-emails): an existing profile keeps its account.
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email('not a valid e-mail address'))
    .nullish()
    .transform((v) => v ?? undefined),
  organisation: line(300).default(''),
  position: line(200).default(''),
  city: line(200).default(''),
  country: z.string({ error: required('country') }).pipe(country),
  languages: z
    .array(
      z.object({
        code: z
          .string()
          .trim()
          .toLowerCase()
          .refine((c) => ISO_639_1.has(c), 'must be an ISO 639-1 code (two letters, e.g. "fr")'),
        level: z.enum(LANGUAGE_LEVELS, { error: 'level must be working, fluent or native' }),
      }),
    )
    .max(50)
    .default([])
    .refine((list) => new Set(list.map((l) => l.code)).size === list.length, 'a language is listed twice'),
  themes: slugs,
  topics: slugs,
  regions: slugs,
  countries: z.array(country).max(250).default([]),
  availability: z.array(z.enum(AVAILABILITY, { error: `must be one of ${AVAILABILITY.join(', ')}` })).default([]),
  yearsExperience: z.number().int().min(0).max(70).nullish(),
  visibility: z.enum(['public', 'members', 'hidden']).default('members'),
  translations: translationsOf(translation, 'needs at least one language with a headline'),
});

export type ImportedExpert = z.infer<typeof importedExpert>;

type ExpertIndex = TaxonomyIndex & { regions: Set<string> };

/** Problems only the database can see: unknown theme, topic, region or country. */
function taxonomyProblems(e: ImportedExpert, index: ExpertIndex): string[] {
  const problems: string[] = [];
  for (const theme of e.themes) if (!index.themes.has(theme)) problems.push(`themes: unknown slug "${theme}"`);
  for (const topic of e.topics) if (!index.themeOfTopic.has(topic)) problems.push(`topics: unknown slug "${topic}"`);
  for (const region of e.regions) if (!index.regions.has(region)) problems.push(`regions: unknown slug "${region}"`);
  for (const code of e.countries) if (!index.countries.has(code)) problems.push(`countries: unknown code "${code}"`);
  if (!index.countries.has(e.country)) problems.push(`country: unknown code "${e.country}"`);
  return problems;
}

/** The slug, or the first of slug-2, slug-3 … not yet taken. Slugs never change once given (URLs stay). */
async function freeExpertSlug(db: Database, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    // Reserved slugs name pages under /experts/ (the matching page): a profile there could not be reached.
    if (!RESERVED_EXPERT_SLUGS.has(slug) && !(await profiles.isExpertSlugTaken(db, slug))) return slug;
  }
}

/**
 * The account the profile belongs to. A profile keeps its account: the file's address may find or create
 * one only for a profile that has none, and it must then be free (experts.user_id is unique). Every
 * refusal comes before the record's first write, so it leaves nothing behind even in a caller's transaction.
 */
async function accountFor(db: Database, e: ImportedExpert, existing: { id: number; user_id: number | null } | undefined) {
  if (existing?.user_id != null) {
    const account = await getAccount(db, existing.user_id);
    if (!account) throw new RecordRejected(['account: the member deleted the account this profile belonged to; it is not imported again']);
    if (e.email && e.email !== account.email.toLowerCase())
      throw new RecordRejected(['email: differs from the address of the account this profile belongs to (members change it themselves)']);
    return existing.user_id;
  }
  if (!e.email) {
    if (existing) return null;
    throw new RecordRejected(['email: required for a new expert (the profile belongs to a member account)']);
  }
  const locale: Locale = (Object.keys(e.translations)[0] as Locale | undefined) ?? 'en';
  const { userId, created } = await findOrCreateMemberAccount(db, { email: e.email, name: e.name, locale });
  if (!created) {
    const other = await q.findExpertByUserId(db, userId);
    if (other && other.id !== existing?.id)
      throw new RecordRejected([
        `email: the account already has another expert profile (${other.external_id ? `externalId "${other.external_id}"` : 'made on the platform'})`,
      ]);
  }
  return userId;
}

async function saveOne(db: Database, e: ImportedExpert, index: ExpertIndex): Promise<'created' | 'updated'> {
  const existing = await q.findExpertByExternalId(db, e.externalId);
  const userId = await accountFor(db, e, existing);
  if (userId !== null) await renameAccount(db, userId, e.name);
  const row: q.ExpertRecordRow = {
    user_id: userId,
    display_name: e.name,
    organisation: e.organisation,
    position: e.position,
    city_id: e.city ? await findOrAddCity(db, e.country, e.city) : null,
    country_code: e.country,
    years_experience: e.yearsExperience ?? null,
    availability: AVAILABILITY.filter((a) => e.availability.includes(a)),
    visibility: e.visibility,
  };
  let id: number;
  if (existing) {
    id = existing.id;
    await q.updateExpertRecord(db, id, row);
  } else {
    const slug = await freeExpertSlug(db, slugify(e.name, 'expert'));
    id = await q.insertExpertRecord(db, { ...row, slug, external_id: e.externalId });
  }
  const translations = Object.entries(e.translations).flatMap(([locale, t]) => (t ? [{ locale, ...t }] : []));
  await q.replaceExpertTranslations(db, id, translations);
  // A topic implies its theme, as for practices: listing topics is enough.
  const topics = [...new Set(e.topics)].sort();
  const themes = [...new Set([...e.themes, ...topics.map((t) => index.themeOfTopic.get(t) as string)])].sort();
  await profiles.replaceExpertTaxonomy(db, id, {
    themes,
    topics,
    regions: [...new Set(e.regions)].sort(),
    countries: [...new Set(e.countries)].sort(),
  });
  await profiles.replaceExpertLanguages(db, id, e.languages);
  return existing ? 'updated' : 'created';
}

/**
 * Imports experts one by one, idempotent by externalId (a re-import updates the profile and the account's
 * name). Each expert belongs to a member account found or created by e-mail. An invalid record is rejected
 * with its reasons and the others still go in; each record is its own transaction (or runs in the
 * caller's, when called inside one).
 */
export async function importExperts(db: Database, records: unknown[]): Promise<ImportReport> {
  const index: ExpertIndex = { ...(await loadTaxonomyIndex(db)), regions: new Set(await profiles.listRegionSlugs(db)) };
  return importRecords(db, records, importedExpert, {
    check: (_db, e) => taxonomyProblems(e, index),
    save: (trx, e) => saveOne(trx, e, index),
  });
}

export type ExportedExpert = Omit<ImportedExpert, 'email' | 'yearsExperience'> & { email?: string; yearsExperience: number | null };

function groupBy<T extends { expert_id: number }, V>(rows: T[], pick: (row: T) => V): Map<number, V[]> {
  const groups = new Map<number, V[]>();
  for (const row of rows) {
    const list = groups.get(row.expert_id);
    if (list) list.push(pick(row));
    else groups.set(row.expert_id, [pick(row)]);
  }
  return groups;
}

/**
 * All experts in the import format. E-mail addresses only with `withEmails` (admins moving data between
 * installations): a file with them is personal data.
 */
export async function exportExperts(db: Database, options: { withEmails?: boolean } = {}): Promise<{ experts: ExportedExpert[] }> {
  const data = await q.listExpertsForExport(db);
  const emails = options.withEmails
    ? await listAccountEmails(
        db,
        data.experts.flatMap((x) => (x.user_id === null ? [] : [x.user_id])),
      )
    : new Map<number, string>();
  const translations = groupBy(data.translations, (t) => [t.locale, { headline: t.headline, bio: t.bio }] as const);
  const themes = groupBy(data.themes, (t) => t.theme_slug);
  const topics = groupBy(data.topics, (t) => t.topic_slug);
  const regions = groupBy(data.regions, (r) => r.region_slug);
  const countries = groupBy(data.countries, (c) => c.country_code);
  const languages = groupBy(data.languages, (l) => ({ code: l.code, level: l.level }));
  return {
    experts: data.experts.map((x) => {
      const email = x.user_id === null ? undefined : emails.get(x.user_id);
      return {
        externalId: x.external_id ?? `peerpolis-expert-${x.id}`,
        name: x.display_name,
        ...(email ? { email } : {}),
        organisation: x.organisation,
        position: x.position,
        city: x.city_name ?? '',
        country: x.country_code ?? '',
        languages: languages.get(x.id) ?? [],
        themes: themes.get(x.id) ?? [],
        topics: topics.get(x.id) ?? [],
        regions: regions.get(x.id) ?? [],
        countries: countries.get(x.id) ?? [],
        availability: x.availability,
        yearsExperience: x.years_experience,
        visibility: x.visibility,
        translations: Object.fromEntries(translations.get(x.id) ?? []) as ExportedExpert['translations'],
      };
    }),
  };
}
