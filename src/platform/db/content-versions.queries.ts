import { sql } from 'kysely';
import type { Database } from './client.ts';

/** A module's change counter (migration 0021): moved once by every committed transaction that changed its public tables. */
export type ContentVersionRow = { module: string; version: string; changed_at: Date };

const TRIGGER = 'peerpolis_content_change';

export async function selectContentVersions(db: Database): Promise<ContentVersionRow[]> {
  const result = await sql<ContentVersionRow>`select module, version::text as version, changed_at from content_versions`.execute(db);
  return result.rows;
}

/**
 * Makes the database's triggers match the modules' `publicTables`: one statement trigger per table that
 * notes its module's change (0021), none on a table no module names any more. Only what differs is
 * changed, so a second process starting on the same database takes no table lock.
 */
export async function syncContentTriggers(db: Database, tablesByModule: Record<string, readonly string[]>): Promise<void> {
  const wanted = new Map<string, string>();
  for (const [module, tables] of Object.entries(tablesByModule)) for (const table of tables) wanted.set(table, module);
  const sync = async (trx: Database) => {
    const existing = await sql<{ table: string; module: string }>`
      select c.relname as table, encode(t.tgargs, 'escape') as module
      from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where t.tgname = ${TRIGGER} and c.relnamespace = current_schema()::regnamespace`.execute(trx);
    const have = new Map(existing.rows.map((r) => [r.table, r.module.replace(/\\000$/, '')]));
    for (const [table, module] of have) {
      if (wanted.get(table) !== module) await sql`drop trigger ${sql.id(TRIGGER)} on ${sql.table(table)}`.execute(trx);
    }
    for (const [table, module] of wanted) {
      if (have.get(table) === module) continue;
      await sql`create trigger ${sql.id(TRIGGER)} after insert or update or delete or truncate on ${sql.table(table)}
                for each statement execute function note_content_change(${sql.lit(module)})`.execute(trx);
    }
    const modules = Object.keys(tablesByModule).filter((m) => (tablesByModule[m]?.length ?? 0) > 0);
    if (modules.length > 0) {
      await sql`insert into content_versions (module) select unnest(${sql.val(modules)}::text[]) on conflict do nothing`.execute(trx);
    }
  };
  await (db.isTransaction ? sync(db) : db.transaction().execute(sync));
}
