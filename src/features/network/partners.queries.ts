import type { Database } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { Partner, PartnerText } from './network.model.ts';
import type { NetworkStatus } from './network.table.ts';

// The partner organisations: a handful, read with all their texts at once.

export async function selectPartners(
  db: Database,
  filter: { published?: boolean; slug?: string; externalId?: string } = {},
): Promise<Partner[]> {
  let query = db
    .selectFrom('network_partners as p')
    .leftJoin('uploads as u', 'u.id', 'p.logo_upload_id')
    .selectAll('p')
    .select(['u.sha256 as logo_sha256'])
    .orderBy('p.position')
    .orderBy('p.id');
  if (filter.published) query = query.where('p.status', '=', 'published');
  if (filter.slug !== undefined) query = query.where('p.slug', '=', filter.slug);
  if (filter.externalId !== undefined) query = query.where('p.external_id', '=', filter.externalId);
  const partners = await query.execute();
  if (!partners.length) return [];
  const texts = await db
    .selectFrom('network_partner_translations')
    .select(['partner_id', 'locale', 'name', 'description', 'logo_alt'])
    .where(
      'partner_id',
      'in',
      partners.map((p) => p.id),
    )
    .orderBy('locale')
    .execute();
  return partners.map((p) => ({
    id: p.id,
    externalId: p.external_id,
    slug: p.slug,
    status: p.status,
    position: p.position,
    websiteUrl: p.website_url,
    logo: p.logo_upload_id !== null && p.logo_sha256 ? { uploadId: p.logo_upload_id, sha256: p.logo_sha256 } : null,
    contactName: p.contact_name,
    contactEmail: p.contact_email,
    texts: texts
      .filter((t) => t.partner_id === p.id)
      .map((t) => ({ locale: t.locale as Locale, name: t.name, description: t.description, logoAlt: t.logo_alt })),
  }));
}

/** The published partners' names in each language they have (the footer's and the newsletter's list). */
export async function selectPartnerNames(db: Database): Promise<Array<{ id: number; locale: string; name: string }>> {
  return db
    .selectFrom('network_partners as p')
    .innerJoin('network_partner_translations as t', 't.partner_id', 'p.id')
    .select(['p.id', 't.locale', 't.name'])
    .where('p.status', '=', 'published')
    .orderBy('p.position')
    .orderBy('p.id')
    .execute();
}

export type PartnerRow = {
  externalId: string;
  slug: string;
  status: NetworkStatus;
  position: number;
  websiteUrl: string;
  contactName: string;
  contactEmail: string;
};

export async function savePartnerRow(db: Database, id: number | null, row: PartnerRow, logoUploadId?: number | null): Promise<number> {
  const values = {
    external_id: row.externalId,
    slug: row.slug,
    status: row.status,
    position: row.position,
    website_url: row.websiteUrl,
    contact_name: row.contactName,
    contact_email: row.contactEmail,
    updated_at: new Date(),
    ...(logoUploadId !== undefined ? { logo_upload_id: logoUploadId } : {}),
  };
  if (id === null) return (await db.insertInto('network_partners').values(values).returning('id').executeTakeFirstOrThrow()).id;
  await db.updateTable('network_partners').set(values).where('id', '=', id).execute();
  return id;
}

export async function savePartnerText(db: Database, partnerId: number, text: PartnerText): Promise<void> {
  const values = { name: text.name, description: text.description, logo_alt: text.logoAlt };
  await db
    .insertInto('network_partner_translations')
    .values({ partner_id: partnerId, locale: text.locale, ...values })
    .onConflict((oc) => oc.columns(['partner_id', 'locale']).doUpdateSet(values))
    .execute();
}

/** Every language's text of a partner (an import replaces them by the file's). */
export async function deletePartnerTexts(db: Database, partnerId: number): Promise<void> {
  await db.deleteFrom('network_partner_translations').where('partner_id', '=', partnerId).execute();
}

export async function deletePartnerRow(db: Database, id: number): Promise<void> {
  await db.deleteFrom('network_partners').where('id', '=', id).execute();
}

/** Whether a stored file is a published partner's logo, only a draft partner's, or no partner's. */
export async function logoUse(db: Database, sha256: string): Promise<'published' | 'draft' | 'none'> {
  const rows = await db
    .selectFrom('network_partners as p')
    .innerJoin('uploads as u', 'u.id', 'p.logo_upload_id')
    .select('p.status')
    .where('u.sha256', '=', sha256)
    .execute();
  if (rows.some((r) => r.status === 'published')) return 'published';
  return rows.length ? 'draft' : 'none';
}
