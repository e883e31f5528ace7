import type { Database } from '../../platform/db/client.ts';
import { isSlugTaken } from './practices.queries.ts';

/** The slug, or the first of slug-2, slug-3 … not yet taken. Slugs never change once given (URLs stay). */
export async function freeSlug(db: Database, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await isSlugTaken(db, slug))) return slug;
  }
}
