import type { Database } from './client.ts';

export async function hasSeedRun(db: Database, name: string): Promise<boolean> {
  return (await db.selectFrom('seed_runs').select('name').where('name', '=', name).executeTakeFirst()) !== undefined;
}

export async function recordSeedRun(db: Database, name: string): Promise<void> {
  await db
    .insertInto('seed_runs')
    .values({ name })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}
