import type { Database } from '../../db/client.ts';
import { isSlugTaken } from './practices.queries.ts';

/** A URL slug from a title or city name: ASCII, lower case, hyphens, at most 80 characters. */
export function slugify(value: string): string {
  return (
    value
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'practice'
  );
}

/** The slug, or the first of slug-2, slug-3 … not yet taken. Slugs never change once given (URLs stay). */
export async function freeSlug(db: Database, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await isSlugTaken(db, slug))) return slug;
  }
}
