import { type Kysely, sql } from 'kysely';

// Also: `suspended` (an administrator disabled the expert's account).
//
// The directory counts six facets over every profile a reader may see. Joining five link tables per
// profile made that cost hundreds of milliseconds at 100,000 experts, so each profile also carries its
// facet values as arrays (experience includes the home country and its region), kept in step with the
// link tables by triggers: writers (the profile form, the importer) need not know about them.

const LINKS = [
  ['expert_themes', 'f_themes'],
  ['expert_topics', 'f_topics'],
  ['expert_languages', 'f_languages'],
  ['expert_regions', 'f_regions'],
  ['expert_countries', 'f_countries'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [, column] of LINKS) {
    await db.schema
      .alterTable('experts')
      .addColumn(column, sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .execute();
  }

  await sql`
    create or replace function refresh_expert_facets(eid integer) returns void language sql as $$
      update experts x set
        f_themes = array(select theme_slug from expert_themes where expert_id = eid order by 1),
        f_topics = array(select topic_slug from expert_topics where expert_id = eid order by 1),
        f_languages = array(select code from expert_languages where expert_id = eid order by 1),
        f_regions = array(select r from (
          select region_slug as r from expert_regions where expert_id = eid
          union select co.region_slug from countries co where co.code = x.country_code and co.region_slug is not null) s order by 1),
        f_countries = array(select c from (
          select country_code::text as c from expert_countries where expert_id = eid
          union select x.country_code::text where x.country_code is not null) s order by 1)
      where x.id = eid
    $$`.execute(db);
  await sql`
    create or replace function expert_links_changed() returns trigger language plpgsql as $$
    begin
      if tg_op in ('INSERT', 'UPDATE') then perform refresh_expert_facets(new.expert_id); end if;
      if tg_op in ('DELETE', 'UPDATE') then perform refresh_expert_facets(old.expert_id); end if;
      return null;
    end $$`.execute(db);
  for (const [table] of LINKS) {
    await sql`create trigger ${sql.raw(`${table}_facets`)} after insert or update or delete on ${sql.table(table)}
              for each row execute function expert_links_changed()`.execute(db);
  }
  await sql`
    create or replace function expert_home_changed() returns trigger language plpgsql as $$
    begin perform refresh_expert_facets(new.id); return null; end $$`.execute(db);
  await sql`create trigger experts_home_facets after insert or update of country_code on experts
            for each row execute function expert_home_changed()`.execute(db);
  await sql`select refresh_expert_facets(id) from experts`.execute(db);
  for (const [, column] of LINKS) {
    await sql`create index ${sql.raw(`experts_${column}`)} on experts using gin (${sql.ref(column)})`.execute(db);
  }
  await sql`create index experts_visible_name on experts (visibility, display_name, id)`.execute(db);
  // Set while the expert's account is disabled by an administrator: the profile leaves the directory,
  // matching and its page for everyone but editors, without touching the expert's own choices.
  await db.schema
    .alterTable('experts')
    .addColumn('suspended', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('experts').dropColumn('suspended').execute();
  await sql`drop index experts_visible_name`.execute(db);
  await sql`drop trigger experts_home_facets on experts`.execute(db);
  for (const [table] of LINKS) await sql`drop trigger ${sql.raw(`${table}_facets`)} on ${sql.table(table)}`.execute(db);
  await sql`drop function expert_home_changed()`.execute(db);
  await sql`drop function expert_links_changed()`.execute(db);
  await sql`drop function refresh_expert_facets(integer)`.execute(db);
  for (const [, column] of LINKS) await db.schema.alterTable('experts').dropColumn(column).execute();
}
