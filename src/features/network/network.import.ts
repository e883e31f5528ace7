import { z } from 'zod';
import type { Database } from '../../platform/db/client.ts';
import { importRecords, RecordRejected, recordLine, recordText, translationsOf } from '../../platform/exchange.ts';
import { LOCALES } from '../../platform/i18n/locales.ts';
import type { ImportReport } from '../../platform/module.ts';
import { LIMITS, SLUG } from './network.forms.ts';
import { isReservedSlug, PAGE_PLACEMENTS, PAGE_STATUSES } from './network.table.ts';
import * as pages from './pages.queries.ts';
import * as partners from './partners.queries.ts';
import * as regions from './regions.queries.ts';

// The network's part of the exchange format (docs/import-format.md): the "pages", "partners" and
// "regionalNetworks" arrays, idempotent by externalId. Partners and regional networks name contact
// persons' addresses: an export carries them only with --with-emails, and a record without one keeps
// the address it has (so importing an export without addresses changes nothing).

const slug = z.string().trim().toLowerCase().max(LIMITS.slug).regex(SLUG, 'must be lower-case letters, digits and hyphens');
const position = z.number().int().min(0).max(10_000).default(0);
const email = z.union([z.literal(''), z.email('must be an e-mail address').max(254)]).optional();

export const importedPage = z
  .object({
    externalId: recordText(200).min(1, 'externalId is required'),
    status: z.enum(PAGE_STATUSES).default('draft'),
    slug,
    position,
    placement: z.enum(PAGE_PLACEMENTS).default('about'),
    translations: translationsOf(
      z.object({ title: recordLine(LIMITS.title, 'title is required'), body: recordText(LIMITS.body).default('') }),
    ),
  })
  .refine((p) => !isReservedSlug(p.slug) || p.status === 'published', {
    path: ['status'],
    message: 'the imprint and the privacy notice stay published',
  });
export type ImportedPage = z.infer<typeof importedPage>;

/** Replaces a record's texts by the file's: languages the file leaves out are removed. */
async function replaceTexts<T>(clear: () => Promise<void>, texts: T[], save: (t: T) => Promise<void>) {
  await clear();
  for (const text of texts) await save(text);
}

export async function importPages(db: Database, records: unknown[]): Promise<ImportReport> {
  return importRecords(db, records, importedPage, {
    check: async (trx, p) => {
      const other = (await pages.selectPages(trx, { slug: p.slug }))[0];
      return other && other.externalId !== p.externalId ? [`slug: ${p.slug} is the address of page ${other.externalId}`] : [];
    },
    save: async (trx, p) => {
      const existing = (await pages.selectPages(trx, { externalId: p.externalId }))[0];
      if (existing && isReservedSlug(existing.slug) && existing.slug !== p.slug)
        throw new RecordRejected([`slug: the ${existing.slug} page keeps its address`]);
      const id = await pages.savePageRow(trx, existing?.id ?? null, p);
      const texts = LOCALES.flatMap((locale) => (p.translations[locale] ? [{ locale, ...p.translations[locale] }] : []));
      await replaceTexts(
        () => pages.deletePageTexts(trx, id),
        texts,
        (t) => pages.savePageText(trx, id, t),
      );
      return existing ? 'updated' : 'created';
    },
  });
}

export async function exportPages(db: Database) {
  return (await pages.selectPages(db)).map((p) => ({
    externalId: p.externalId,
    status: p.status,
    slug: p.slug,
    position: p.position,
    placement: p.placement,
    translations: Object.fromEntries(p.texts.map((t) => [t.locale, { title: t.title, body: t.body }])),
  }));
}

const importedPartner = z.object({
  externalId: recordText(200).min(1, 'externalId is required'),
  status: z.enum(PAGE_STATUSES).default('published'),
  slug,
  position,
  websiteUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(LIMITS.url)]).default(''),
  contactName: recordLine(LIMITS.name).default(''),
  contactEmail: email,
  translations: translationsOf(
    z.object({
      name: recordLine(LIMITS.name, 'name is required'),
      description: recordText(LIMITS.description).default(''),
      logoAlt: recordLine(LIMITS.alt).default(''),
    }),
  ),
});

export async function importPartners(db: Database, records: unknown[]): Promise<ImportReport> {
  return importRecords(db, records, importedPartner, {
    check: async (trx, p) => {
      const other = (await partners.selectPartners(trx, { slug: p.slug }))[0];
      return other && other.externalId !== p.externalId ? [`slug: ${p.slug} is the address of partner ${other.externalId}`] : [];
    },
    // The logo is not in the format: an existing partner keeps the one an editor gave it.
    save: async (trx, p) => {
      const existing = (await partners.selectPartners(trx, { externalId: p.externalId }))[0];
      const contactEmail = p.contactEmail ?? existing?.contactEmail ?? '';
      const id = await partners.savePartnerRow(trx, existing?.id ?? null, { ...p, contactEmail });
      const texts = LOCALES.flatMap((locale) => (p.translations[locale] ? [{ locale, ...p.translations[locale] }] : []));
      await replaceTexts(
        () => partners.deletePartnerTexts(trx, id),
        texts,
        (t) => partners.savePartnerText(trx, id, t),
      );
      return existing ? 'updated' : 'created';
    },
  });
}

const importedRegionalNetwork = z.object({
  externalId: recordText(200).min(1, 'externalId is required'),
  status: z.enum(PAGE_STATUSES).default('published'),
  region: recordText(80).min(1, 'region is required'),
  position,
  coordinatorName: recordLine(LIMITS.name).default(''),
  coordinatorEmail: email,
  translations: translationsOf(
    z.object({ name: recordLine(LIMITS.name, 'name is required'), description: recordText(LIMITS.description).default('') }),
  ),
});

export async function importRegionalNetworks(db: Database, records: unknown[]): Promise<ImportReport> {
  return importRecords(db, records, importedRegionalNetwork, {
    check: async (trx, r) => {
      if (!(await regions.knownRegions(trx)).includes(r.region)) return [`region: unknown region ${r.region}`];
      const other = (await regions.selectRegionalNetworks(trx, { regionSlug: r.region }))[0];
      return other && other.externalId !== r.externalId ? [`region: ${r.region} has the regional network ${other.externalId}`] : [];
    },
    save: async (trx, r) => {
      const existing = (await regions.selectRegionalNetworks(trx, { externalId: r.externalId }))[0];
      const coordinatorEmail = r.coordinatorEmail ?? existing?.coordinatorEmail ?? '';
      const id = await regions.saveRegionalNetworkRow(trx, existing?.id ?? null, { ...r, regionSlug: r.region, coordinatorEmail });
      const texts = LOCALES.flatMap((locale) => (r.translations[locale] ? [{ locale, ...r.translations[locale] }] : []));
      await replaceTexts(
        () => regions.deleteRegionalNetworkTexts(trx, id),
        texts,
        (t) => regions.saveRegionalNetworkText(trx, id, t),
      );
      return existing ? 'updated' : 'created';
    },
  });
}

/** Every partner organisation, drafts included; the contact person's address only with `withEmails`. */
export async function exportPartners(db: Database, options: { withEmails: boolean }) {
  return (await partners.selectPartners(db)).map((p) => ({
    externalId: p.externalId,
    status: p.status,
    slug: p.slug,
    position: p.position,
    websiteUrl: p.websiteUrl,
    contactName: p.contactName,
    ...(options.withEmails ? { contactEmail: p.contactEmail } : {}),
    translations: Object.fromEntries(p.texts.map((t) => [t.locale, { name: t.name, description: t.description, logoAlt: t.logoAlt }])),
  }));
}

/** Every regional network, drafts included; the coordinator's address only with `withEmails`. */
export async function exportRegionalNetworks(db: Database, options: { withEmails: boolean }) {
  return (await regions.selectRegionalNetworks(db)).map((r) => ({
    externalId: r.externalId,
    status: r.status,
    region: r.regionSlug,
    position: r.position,
    coordinatorName: r.coordinatorName,
    ...(options.withEmails ? { coordinatorEmail: r.coordinatorEmail } : {}),
    translations: Object.fromEntries(r.texts.map((t) => [t.locale, { name: t.name, description: t.description }])),
  }));
}
