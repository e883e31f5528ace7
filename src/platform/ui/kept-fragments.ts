import { raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Database } from '../db/client.ts';

// Parts of the layout that are the same on every anonymous page of a language: the menu around the
// language switcher (and the section marked in it) and the footer. Drawing them took a third of a list
// page's rendering, and each of their ~2,000 string pieces is joined again when the page is encoded
// (~0.3 ms a page for the whole of it); kept as one string each, a page joins them as one piece.
// What they show comes from the modules' navigation (fixed for the process), the catalogs, and for the
// footer the database's records: its key carries the content counters' stamp (ADR 015), so any change
// draws it again. Per database, as the page cache is: tests run several apps in one process.

export type Drawable = { toString(): string | Promise<string> };

const kept = new WeakMap<Database, Map<string, HtmlEscapedString>>();
/** Languages × sections × footer states: a few dozen in use; more means stamps have moved on. */
const KEPT_AT_MOST = 200;

/**
 * The fragment `draw` gives, drawn once per database and `key` (null: drawn every time, as for a
 * signed-in person's menu). A fragment with asynchronous parts is kept once they are drawn.
 */
export function keptFragment(
  db: Database | undefined,
  key: string | null,
  draw: () => Drawable,
): Drawable | HtmlEscapedString | Promise<HtmlEscapedString> {
  if (!db || key === null) return draw();
  let fragments = kept.get(db);
  if (!fragments) {
    fragments = new Map();
    kept.set(db, fragments);
  }
  const known = fragments.get(key);
  if (known) return known;
  const keep = (html: string) => {
    const fragment = raw(html);
    if ((fragments as Map<string, HtmlEscapedString>).size >= KEPT_AT_MOST) fragments?.clear();
    fragments?.set(key, fragment);
    return fragment;
  };
  const html = draw().toString();
  return typeof html === 'string' ? keep(html) : html.then(keep);
}
