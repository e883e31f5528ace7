import type { Database } from '../../platform/db/client.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { RegionalNetwork, RegionalNetworkText } from './network.model.ts';
import type { NetworkStatus } from './network.table.ts';

// The regional networks: one per region of the taxonomy at most.

export async function selectRegionalNetworks(
  db: Database,
  filter: { published?: boolean; regionSlug?: string; externalId?: string } = {},
): Promise<RegionalNetwork[]> {
  let query = db.selectFrom('regional_networks').selectAll().orderBy('position').orderBy('id');
  if (filter.published) query = query.where('status', '=', 'published');
  if (filter.regionSlug !== undefined) query = query.where('region_slug', '=', filter.regionSlug);
  if (filter.externalId !== undefined) query = query.where('external_id', '=', filter.externalId);
  const rows = await query.execute();
  if (!rows.length) return [];
  const texts = await db
    .selectFrom('regional_network_translations')
    .select(['regional_network_id', 'locale', 'name', 'description'])
    .where(
      'regional_network_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('locale')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    regionSlug: r.region_slug,
    status: r.status,
    position: r.position,
    coordinatorName: r.coordinator_name,
    coordinatorEmail: r.coordinator_email,
    updatedAt: r.updated_at,
    texts: texts
      .filter((t) => t.regional_network_id === r.id)
      .map((t) => ({ locale: t.locale as Locale, name: t.name, description: t.description })),
  }));
}

export type RegionalNetworkRow = {
  externalId: string;
  regionSlug: string;
  status: NetworkStatus;
  position: number;
  coordinatorName: string;
  coordinatorEmail: string;
};

export async function saveRegionalNetworkRow(db: Database, id: number | null, row: RegionalNetworkRow): Promise<number> {
  const values = {
    external_id: row.externalId,
    region_slug: row.regionSlug,
    status: row.status,
    position: row.position,
    coordinator_name: row.coordinatorName,
    coordinator_email: row.coordinatorEmail,
    updated_at: new Date(),
  };
  if (id === null) return (await db.insertInto('regional_networks').values(values).returning('id').executeTakeFirstOrThrow()).id;
  await db.updateTable('regional_networks').set(values).where('id', '=', id).execute();
  return id;
}

export async function saveRegionalNetworkText(db: Database, id: number, text: RegionalNetworkText): Promise<void> {
  const values = { name: text.name, description: text.description };
  await db
    .insertInto('regional_network_translations')
    .values({ regional_network_id: id, locale: text.locale, ...values })
    .onConflict((oc) => oc.columns(['regional_network_id', 'locale']).doUpdateSet(values))
    .execute();
}

/** Every language's text of a regional network (an import replaces them by the file's). */
export async function deleteRegionalNetworkTexts(db: Database, id: number): Promise<void> {
  await db.deleteFrom('regional_network_translations').where('regional_network_id', '=', id).execute();
}

export async function deleteRegionalNetworkRow(db: Database, id: number): Promise<void> {
  await db.deleteFrom('regional_networks').where('id', '=', id).execute();
}

/** Whether another regional network already covers the region. */
export async function regionTaken(db: Database, regionSlug: string, exceptId: number | null): Promise<boolean> {
  const row = await db
    .selectFrom('regional_networks')
    .select('id')
    .where('region_slug', '=', regionSlug)
    .$if(exceptId !== null, (q) => q.where('id', '!=', exceptId as number))
    .executeTakeFirst();
  return row !== undefined;
}

export async function knownRegions(db: Database): Promise<string[]> {
  return (await db.selectFrom('regions').select('slug').orderBy('position').execute()).map((r) => r.slug);
}
