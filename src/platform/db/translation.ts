import { sql } from 'kysely';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';

/**
 * ORDER BY for picking one translation row: the reader's locale first, then English, then any other
 * (alphabetically, so the choice is stable). Used with a LATERAL subquery `... limit 1`.
 */
export function preferLocale(locale: Locale, column = 'locale') {
  return sql`(${sql.ref(column)} = ${locale}) desc, (${sql.ref(column)} = ${DEFAULT_LOCALE}) desc, ${sql.ref(column)}`;
}
