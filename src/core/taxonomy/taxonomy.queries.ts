import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import type { LocalizedLabel } from './taxonomy.table.ts';

type Labelled = { slug: string; position: number; label: LocalizedLabel };

export async function upsertRegions(db: Database, rows: Labelled[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('regions')
    .values(rows.map((r) => ({ ...r, label: JSON.stringify(r.label) })))
    .onConflict((oc) => oc.column('slug').doUpdateSet((eb) => ({ position: eb.ref('excluded.position'), label: eb.ref('excluded.label') })))
    .execute();
}

export async function upsertThemes(db: Database, rows: Labelled[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('themes')
    .values(rows.map((r) => ({ ...r, label: JSON.stringify(r.label) })))
    .onConflict((oc) => oc.column('slug').doUpdateSet((eb) => ({ position: eb.ref('excluded.position'), label: eb.ref('excluded.label') })))
    .execute();
}

export async function upsertTopics(db: Database, rows: Array<Labelled & { theme_slug: string }>): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('topics')
    .values(rows.map((r) => ({ ...r, label: JSON.stringify(r.label) })))
    .onConflict((oc) =>
      oc.column('slug').doUpdateSet((eb) => ({
        theme_slug: eb.ref('excluded.theme_slug'),
        position: eb.ref('excluded.position'),
        label: eb.ref('excluded.label'),
      })),
    )
    .execute();
}

export async function upsertCountries(db: Database, rows: Array<{ code: string; region_slug: string }>): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('countries')
    .values(rows)
    .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ region_slug: eb.ref('excluded.region_slug') })))
    .execute();
}

export function listRegions(db: Database) {
  return db.selectFrom('regions').select(['slug', 'label']).orderBy('position').execute();
}

export function listThemes(db: Database) {
  return db.selectFrom('themes').select(['slug', 'label']).orderBy('position').execute();
}

export function listTopics(db: Database) {
  return db.selectFrom('topics').select(['slug', 'theme_slug', 'label']).orderBy('theme_slug').orderBy('position').execute();
}

export async function findRegionOfCountry(db: Database, code: string): Promise<string | null> {
  const row = await db.selectFrom('countries').select('region_slug').where('code', '=', code).executeTakeFirst();
  return row?.region_slug ?? null;
}

export async function countCountriesByRegion(db: Database) {
  return db
    .selectFrom('countries')
    .select(['region_slug', sql<number>`count(*)::int`.as('countries')])
    .groupBy('region_slug')
    .execute();
}

export function listCountryCodes(db: Database) {
  return db.selectFrom('countries').select(['code', 'region_slug']).execute();
}
