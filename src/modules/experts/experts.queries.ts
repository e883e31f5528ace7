import type { Database } from '../../db/client.ts';

/** Public profiles only: this list is shown to anonymous visitors. */
export function listPublicExperts(db: Database, limit: number) {
  return db
    .selectFrom('experts as x')
    .leftJoin('cities as c', 'c.id', 'x.city_id')
    .select(['x.slug', 'x.display_name', 'x.country_code', 'c.name as city_name', 'c.names as city_names'])
    .where('x.visibility', '=', 'public')
    .orderBy('x.display_name')
    .limit(limit)
    .execute();
}
