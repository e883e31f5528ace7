import type { Database } from '../../platform/db/client.ts';
import type { FormErrors } from '../../platform/ui/forms.tsx';
import { reloadFooterSnapshot } from './footer-snapshot.ts';
import type { PageForm, PartnerForm, RegionalNetworkForm } from './network.forms.ts';
import type { NetworkPage, Partner, RegionalNetwork } from './network.model.ts';
import { isReservedSlug } from './network.table.ts';
import * as pages from './pages.queries.ts';
import * as partners from './partners.queries.ts';
import * as regions from './regions.queries.ts';

// The editors' use cases: each saves one record and one language's texts in one transaction, then
// refreshes this process's footer snapshot (footer-snapshot.ts) so the change shows at once.

export type Saved = { ok: true; key: string } | { ok: false; errors: FormErrors };

const newExternalId = (kind: string, key: string) => `${kind}-${key}`;

/**
 * Saves a page and its text in the form's language. The imprint and the privacy notice keep their slug
 * and stay published: the law asks for them at a known address, at all times.
 */
export async function savePage(db: Database, page: NetworkPage | null, form: PageForm): Promise<Saved> {
  const reserved = page !== null && isReservedSlug(page.slug);
  const slug = reserved ? page.slug : form.slug;
  if (!reserved && isReservedSlug(slug)) return { ok: false, errors: { slug: 'slugTaken' } };
  if (await pages.slugTaken(db, 'network_pages', slug, page?.id ?? null)) return { ok: false, errors: { slug: 'slugTaken' } };
  await db.transaction().execute(async (trx) => {
    const id = await pages.savePageRow(trx, page?.id ?? null, {
      externalId: page?.externalId ?? newExternalId('page', slug),
      slug,
      status: reserved ? 'published' : form.status,
      placement: form.placement,
      position: form.position,
    });
    await pages.savePageText(trx, id, { locale: form.lang, title: form.title, body: form.body });
  });
  await reloadFooterSnapshot(db);
  return { ok: true, key: slug };
}

/** Deletes a page; the imprint and the privacy notice cannot be deleted. */
export async function deletePage(db: Database, page: NetworkPage): Promise<'deleted' | 'reserved'> {
  if (isReservedSlug(page.slug)) return 'reserved';
  await db.transaction().execute((trx) => pages.deletePageRow(trx, page.id));
  await reloadFooterSnapshot(db);
  return 'deleted';
}

export async function savePartner(db: Database, partner: Partner | null, form: PartnerForm, logoUploadId?: number | null): Promise<Saved> {
  if (await pages.slugTaken(db, 'network_partners', form.slug, partner?.id ?? null)) return { ok: false, errors: { slug: 'slugTaken' } };
  await db.transaction().execute(async (trx) => {
    const id = await partners.savePartnerRow(
      trx,
      partner?.id ?? null,
      {
        externalId: partner?.externalId ?? newExternalId('partner', form.slug),
        slug: form.slug,
        status: form.status,
        position: form.position,
        websiteUrl: form.websiteUrl,
        contactName: form.contactName,
        contactEmail: form.contactEmail,
      },
      logoUploadId,
    );
    await partners.savePartnerText(trx, id, { locale: form.lang, name: form.name, description: form.description, logoAlt: form.logoAlt });
  });
  await reloadFooterSnapshot(db);
  return { ok: true, key: form.slug };
}

export async function saveRegionalNetwork(db: Database, network: RegionalNetwork | null, form: RegionalNetworkForm): Promise<Saved> {
  if (!(await regions.knownRegions(db)).includes(form.region)) return { ok: false, errors: { region: 'invalid' } };
  if (await regions.regionTaken(db, form.region, network?.id ?? null)) return { ok: false, errors: { region: 'regionTaken' } };
  await db.transaction().execute(async (trx) => {
    const id = await regions.saveRegionalNetworkRow(trx, network?.id ?? null, {
      externalId: network?.externalId ?? newExternalId('region', form.region),
      regionSlug: form.region,
      status: form.status,
      position: form.position,
      coordinatorName: form.coordinatorName,
      coordinatorEmail: form.coordinatorEmail,
    });
    await regions.saveRegionalNetworkText(trx, id, { locale: form.lang, name: form.name, description: form.description });
  });
  return { ok: true, key: form.region };
}

export const findPage = async (db: Database, slug: string) => (await pages.selectPages(db, { slug }))[0] ?? null;
export const findPartner = async (db: Database, slug: string) => (await partners.selectPartners(db, { slug }))[0] ?? null;
export const findRegionalNetwork = async (db: Database, regionSlug: string) =>
  (await regions.selectRegionalNetworks(db, { regionSlug }))[0] ?? null;

/** What an editor's form edits: a page, a partner organisation or a regional network. */
export type Found<K extends 'page' | 'partner' | 'region'> = K extends 'page'
  ? NetworkPage
  : K extends 'partner'
    ? Partner
    : RegionalNetwork;
