import { type Kysely, sql } from 'kysely';

// The practice search index kept in each app process (ADR 016) tells which practices changed by their
// row version: `xmin` of the `practices` row, which PostgreSQL renews on every update. A practice's texts,
// themes and topics live in other tables, so a change there now touches the practice's row too; one read
// of (id, xmin) for the published practices then names exactly the practices to read again, whichever
// process, import or hand-written statement made the change. No counter is locked, nothing is pruned.

const CHILDREN = ['practice_translations', 'practice_themes', 'practice_topics'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function touch_practices_of_changed_rows() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        update practices set updated_at = updated_at where id in (select practice_id from new_rows);
      elsif tg_op = 'DELETE' then
        update practices set updated_at = updated_at where id in (select practice_id from old_rows);
      else
        update practices set updated_at = updated_at
        where id in (select practice_id from old_rows union select practice_id from new_rows);
      end if;
      return null;
    end $$`.execute(db);
  for (const table of CHILDREN) {
    const t = sql.table(table);
    const name = (op: string) => sql.id(`${table}_touch_practice_${op}`);
    await sql`create trigger ${name('insert')} after insert on ${t} referencing new table as new_rows
              for each statement execute function touch_practices_of_changed_rows()`.execute(db);
    await sql`create trigger ${name('update')} after update on ${t} referencing old table as old_rows new table as new_rows
              for each statement execute function touch_practices_of_changed_rows()`.execute(db);
    await sql`create trigger ${name('delete')} after delete on ${t} referencing old table as old_rows
              for each statement execute function touch_practices_of_changed_rows()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of CHILDREN) {
    for (const op of ['insert', 'update', 'delete']) {
      await sql`drop trigger ${sql.id(`${table}_touch_practice_${op}`)} on ${sql.table(table)}`.execute(db);
    }
  }
  await sql`drop function touch_practices_of_changed_rows()`.execute(db);
}
