import { createHash } from 'node:crypto';
import { sql } from 'kysely';

// Statements PostgreSQL prepares once per connection and may then run without planning them again.
// A statement that starts with `prepared` is sent under a name made from its text (client.ts): the
// server plans it afresh for its first five runs and then keeps a generic plan if that plan is estimated
// no dearer (plan_cache_mode auto). A generic plan knows no words, so only statements measured no slower
// on it, for every kind of query, carry the mark (docs/search.md): the site search's shared ranked
// statement, on the small tables of events, calls and project ideas (planning was 1–2 ms of their
// 2–3 ms; 0.4–1.5 ms prepared), and the practice list's page statement (its plan does not depend on the
// words or ids: 1.3–1.8× faster for every kind of search). Generic plans ran experts' common words 2×
// slower, practices' two German words 3.5× (73 against 20 ms) and news' phrases 3×. PGlite prepares a
// marked statement with SQL's PREPARE (pglite-prepared.ts).

export const PREPARED_MARK = '/* prepared */';

/** Put first in a statement (sql`${prepared}select …`) to have it prepared (PostgreSQL by name, PGlite by PREPARE). */
export const prepared = sql.raw(`${PREPARED_MARK} `);

/** Names of the marked texts seen, so a statement every page runs is not hashed again each time (a few dozen texts). */
const names = new Map<string, string>();
const NAMES_KEPT = 500;

/** The statement's name on a connection: the same text always gets the same name, other texts others. */
export function preparedName(text: string): string | null {
  if (!text.startsWith(PREPARED_MARK)) return null;
  let name = names.get(text);
  if (!name) {
    name = `p${createHash('sha1').update(text).digest('base64url').slice(0, 27)}`;
    if (names.size >= NAMES_KEPT) names.clear();
    names.set(text, name);
  }
  return name;
}
