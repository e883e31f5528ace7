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

// The network's part of the exchange format (docs/import-format.md): the "pages" array, idempotent by
// externalId. Partners and regional networks use the same way in (their own schemas below) for the
// demo seed, but do not travel in files: they hold contact persons' addresses, which an export for
// another installation should not carry, and a module has one array in the format.

const slug = z.string().trim().toLowerCase().max(LIMITS.slug).regex(SLUG, 'must be lower-case letters, digits and hyphens');
const position = z.number().int().min(0).max(10_000).default(0);
const email = z.union([z.literal(''), z.email('must be an e-mail address').max(254)]).default('');

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
    save: async (trx, p) => {
      const existing = (await partners.selectPartners(trx, { externalId: p.externalId }))[0];
      const id = await partners.savePartnerRow(trx, existing?.id ?? null, p);
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
    check: async (trx, r) => ((await regions.knownRegions(trx)).includes(r.region) ? [] : [`region: unknown region ${r.region}`]),
    save: async (trx, r) => {
      const existing = (await regions.selectRegionalNetworks(trx, { externalId: r.externalId }))[0];
      const id = await regions.saveRegionalNetworkRow(trx, existing?.id ?? null, { ...r, regionSlug: r.region });
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
