import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Database } from '../db/client.ts';

// Parts of the layout that are the same on every anonymous page of a language: the menu around the
// language switcher (and the section marked in it) and the footer. Drawing them took a third of a list
// page's rendering, and each of their ~2,000 string pieces is joined again when the page is encoded
// (~0.3 ms a page for the whole of it); kept as one string each, a page joins them as one piece.
// What they show comes from the modules' navigation (fixed for the process), the catalogs, and for the
// footer the database's records: its key carries the content counters' stamp (ADR 015), so any change
// draws it again. Each is kept at most a minute, as a page is: a footer panel whose copy of its records
// could not be read again (footer-snapshot.ts) is asked again within that time. Per database, as the page
// cache is: tests run several apps in one process.

export type Drawable = { toString(): string | Promise<string> };

type Kept = { html: HtmlEscapedString; keptAt: number };

const kept = new WeakMap<Database, Map<string, Kept>>();
/** Languages × sections × footer states: a few dozen in use; more means stamps have moved on. */
const KEPT_AT_MOST = 200;
const LIFETIME_MS = 60_000;

/**
 * The fragment `draw` gives, drawn once per database and `key` (null: drawn every time, as for a
 * signed-in person's menu). A fragment with asynchronous parts is kept once they are drawn.
 */
export function keptFragment(
  db: Database | undefined,
  key: string | null,
  draw: () => Drawable,
  now = Date.now(),
): Drawable | HtmlEscapedString | Promise<HtmlEscapedString> {
  if (!db || key === null) return draw();
  let fragments = kept.get(db);
  if (!fragments) {
    fragments = new Map();
    kept.set(db, fragments);
  }
  const known = fragments.get(key);
  if (known && now - known.keptAt < LIFETIME_MS) return known.html;
  const keep = (text: string) => {
    const html = raw(text);
    if ((fragments as Map<string, Kept>).size >= KEPT_AT_MOST) fragments?.clear();
    fragments?.set(key, { html, keptAt: now });
    return html;
  };
  const html = draw().toString();
  return typeof html === 'string' ? keep(html) : html.then(keep);
}
