import { randomUUID } from 'node:crypto';
import { deleteUploads } from '../../core/uploads/uploads.queries.ts';
import { type PreparedUpload, recordUpload } from '../../core/uploads/uploads.service.ts';
import { discardPreparedUpload, removeUnusedFiles } from '../../core/uploads/uploads-housekeeping.service.ts';
import type { Database } from '../../platform/db/client.ts';
import type { FormErrors } from '../../platform/ui/forms.tsx';
import type { PageForm, PartnerForm, RegionalNetworkForm } from './network.forms.ts';
import type { NetworkPage, Partner, RegionalNetwork } from './network.model.ts';
import { isReservedSlug } from './network.table.ts';
import * as pages from './pages.queries.ts';
import * as partners from './partners.queries.ts';
import * as regions from './regions.queries.ts';

// The editors' use cases: each saves one record and one language's texts in one transaction, then
// refreshes this process's footer snapshot (footer-snapshot.ts) so the change shows at once.

export type Saved = { ok: true; key: string } | { ok: false; errors: FormErrors };

// Not derived from the slug: a slug can change, and a new record may then take the old one (the
// external id is unique and kept for life, so `page-<slug>` would clash).
const newExternalId = (kind: string) => `peerpolis-${kind}-${randomUUID()}`;

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

/**
 * One use case's transaction. The checks for a taken address run inside it, and two editors taking
 * the same address at once meet the unique index: the second hears `taken`, never a 500.
 */
async function saveOnce(db: Database, taken: FormErrors, save: (trx: Database) => Promise<FormErrors | null>): Promise<FormErrors | null> {
  try {
    return await db.transaction().execute(save);
  } catch (error) {
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
}

/**
 * Saves a page and its text in the form's language. The imprint and the privacy notice keep their slug
 * and stay published: the law asks for them at a known address, at all times.
 */
export async function savePage(db: Database, page: NetworkPage | null, form: PageForm): Promise<Saved> {
  const reserved = page !== null && isReservedSlug(page.slug);
  const slug = reserved ? page.slug : form.slug;
  const taken = { slug: 'slugTaken' };
  if (!reserved && isReservedSlug(slug)) return { ok: false, errors: taken };
  const errors = await saveOnce(db, taken, async (trx) => {
    if (await pages.slugTaken(trx, 'network_pages', slug, page?.id ?? null)) return taken;
    const id = await pages.savePageRow(trx, page?.id ?? null, {
      externalId: page?.externalId ?? newExternalId('page'),
      slug,
      status: reserved ? 'published' : form.status,
      placement: form.placement,
      position: form.position,
    });
    await pages.savePageText(trx, id, { locale: form.lang, title: form.title, body: form.body });
    return null;
  });
  if (errors) return { ok: false, errors };
  return { ok: true, key: slug };
}

/** Deletes a page; the imprint and the privacy notice cannot be deleted. */
export async function deletePage(db: Database, page: NetworkPage): Promise<'deleted' | 'reserved'> {
  if (isReservedSlug(page.slug)) return 'reserved';
  await db.transaction().execute((trx) => pages.deletePageRow(trx, page.id));
  return 'deleted';
}

/**
 * Saves a partner and its text in the form's language, with a newly chosen logo (checked and stored on
 * disk in `dir` before, recorded here): a refused or failed save records no upload and takes the file
 * back off the disk, where no row would ever lead housekeeping to it.
 */
export async function savePartner(
  db: Database,
  partner: Partner | null,
  form: PartnerForm,
  logo?: { file: PreparedUpload; uploaderUserId: number | null; dir: string },
): Promise<Saved> {
  const taken = { slug: 'slugTaken' };
  const discard = () => (logo ? discardPreparedUpload(db, logo.dir, logo.file) : Promise.resolve());
  const errors = await saveOnce(db, taken, async (trx) => {
    if (await pages.slugTaken(trx, 'network_partners', form.slug, partner?.id ?? null)) return taken;
    const logoUploadId = logo ? (await recordUpload(trx, logo.file, logo.uploaderUserId)).id : undefined;
    const id = await partners.savePartnerRow(
      trx,
      partner?.id ?? null,
      {
        externalId: partner?.externalId ?? newExternalId('partner'),
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
    return null;
  }).catch(async (error: unknown) => {
    await discard();
    throw error;
  });
  if (errors) {
    await discard();
    return { ok: false, errors };
  }
  return { ok: true, key: form.slug };
}

/**
 * Deletes a partner organisation with its texts and its logo's upload in one transaction; the logo's
 * file goes from the disk after the commit, unless another upload has the same bytes.
 */
export async function deletePartner(db: Database, partner: Partner, dir: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await partners.deletePartnerRow(trx, partner.id);
    if (partner.logo) await deleteUploads(trx, [partner.logo.uploadId]);
  });
  if (partner.logo) await removeUnusedFiles(db, dir, [{ sha256: partner.logo.sha256, kind: 'image', mediaType: 'image/jpeg' }]);
}

/** Deletes a regional network with its texts; its region falls back to the configured coordinator. */
export async function deleteRegionalNetwork(db: Database, network: RegionalNetwork): Promise<void> {
  await db.transaction().execute((trx) => regions.deleteRegionalNetworkRow(trx, network.id));
}

export async function saveRegionalNetwork(db: Database, network: RegionalNetwork | null, form: RegionalNetworkForm): Promise<Saved> {
  if (!(await regions.knownRegions(db)).includes(form.region)) return { ok: false, errors: { region: 'invalid' } };
  const taken = { region: 'regionTaken' };
  const errors = await saveOnce(db, taken, async (trx) => {
    if (await regions.regionTaken(trx, form.region, network?.id ?? null)) return taken;
    const id = await regions.saveRegionalNetworkRow(trx, network?.id ?? null, {
      externalId: network?.externalId ?? newExternalId('region'),
      regionSlug: form.region,
      status: form.status,
      position: form.position,
      coordinatorName: form.coordinatorName,
      coordinatorEmail: form.coordinatorEmail,
    });
    await regions.saveRegionalNetworkText(trx, id, { locale: form.lang, name: form.name, description: form.description });
    return null;
  });
  if (errors) return { ok: false, errors };
  return { ok: true, key: form.region };
}

/**
 * The privacy notice's version, stored with every consent (core/accounts' `privacyNoticeVersions`): the
 * moment of its last saved change, so a consent names the text it was given to.
 */
export async function privacyNoticeVersion(db: Database): Promise<string | null> {
  return (await pages.publishedPageChangedAt(db, 'privacy'))?.toISOString() ?? null;
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
