import { sql } from 'kysely';
import type { Database } from '../../src/platform/db/client.ts';

// Records tied to a municipality, written straight into the tables (their forms and importers have
// their own tests): for the city pages and the pages of series and learning processes.

/** A municipality; returns its id. */
export async function insertCity(db: Database, slug: string, name: string, countryCode: string): Promise<number> {
  const row = await sql<{ id: number }>`insert into cities (slug, country_code, name, names)
    values (${slug}, ${countryCode}, ${name}, '{}') returning id`.execute(db);
  return row.rows[0]?.id as number;
}

/** A good practice with an English title (published unless said otherwise); returns its id. */
export async function insertPractice(
  db: Database,
  f: { slug: string; title: string; cityId?: number | null; country?: string | null; status?: 'published' | 'draft' },
): Promise<number> {
  const row = await sql<{ id: number }>`insert into practices (slug, status, city_id, country_code, updated_at, published_at)
    values (${f.slug}, ${f.status ?? 'published'}, ${f.cityId ?? null}, ${f.country ?? null}, now(), now()) returning id`.execute(db);
  const id = row.rows[0]?.id as number;
  await sql`insert into practice_translations (practice_id, locale, title, summary) values (${id}, 'en', ${f.title}, 'What was done.')`.execute(
    db,
  );
  return id;
}

/** A project idea of a municipality with an English title; returns its id. */
export async function insertProjectIdea(
  db: Database,
  f: { slug: string; title: string; cityId: number; country: string; status?: 'published' | 'draft' },
): Promise<number> {
  const row = await sql<{ id: number }>`insert into project_ideas (slug, status, city_id, country_code, updated_at, published_at)
    values (${f.slug}, ${f.status ?? 'published'}, ${f.cityId}, ${f.country}, now(), now()) returning id`.execute(db);
  const id = row.rows[0]?.id as number;
  await sql`insert into project_idea_translations (project_idea_id, locale, title, summary) values (${id}, 'en', ${f.title}, 'The idea.')`.execute(
    db,
  );
  return id;
}
