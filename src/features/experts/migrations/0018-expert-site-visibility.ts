import { type Kysely, sql } from 'kysely';

// The site search over 100,000 profiles (docs/search.md). Its count and candidates read the matching
// texts (`expert_translations`, migration 0017's per-language indexes); telling which of them the reader
// may see meant joining every match to `experts` (a hash join over all visible profiles, ~40 ms for a
// common word), and no count could stop early. So each text also carries who may see its profile in the
// site search: the profile's visibility, or 'hidden' while the profile is suspended. Triggers keep it in
// step, so writers (the profile form, the importer, an administrator suspending) need not know about it.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table expert_translations add column site_visibility text not null default 'hidden'`.execute(db);
  await sql`update expert_translations t set site_visibility = case when x.suspended then 'hidden' else x.visibility end
            from experts x where x.id = t.expert_id`.execute(db);
  // A new text takes its profile's visibility.
  await sql`
    create or replace function expert_translation_site_visibility() returns trigger language plpgsql as $$
    begin
      select case when x.suspended then 'hidden' else x.visibility end into new.site_visibility from experts x where x.id = new.expert_id;
      return new;
    end $$`.execute(db);
  await sql`create trigger expert_translations_site_visibility before insert or update of expert_id on expert_translations
            for each row execute function expert_translation_site_visibility()`.execute(db);
  // A profile made public, members-only or hidden, suspended or restored: its texts follow.
  await sql`
    create or replace function expert_site_visibility_changed() returns trigger language plpgsql as $$
    begin
      update expert_translations set site_visibility = case when new.suspended then 'hidden' else new.visibility end
      where expert_id = new.id and site_visibility <> case when new.suspended then 'hidden' else new.visibility end;
      return null;
    end $$`.execute(db);
  await sql`create trigger experts_site_visibility after update of visibility, suspended on experts
            for each row execute function expert_site_visibility_changed()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger experts_site_visibility on experts`.execute(db);
  await sql`drop function expert_site_visibility_changed()`.execute(db);
  await sql`drop trigger expert_translations_site_visibility on expert_translations`.execute(db);
  await sql`drop function expert_translation_site_visibility()`.execute(db);
  await sql`alter table expert_translations drop column site_visibility`.execute(db);
}
