import type { Database } from '../../platform/db/client.ts';
import { LOCALES, type Locale } from '../../platform/i18n/locales.ts';
import { type NetworkPage, type Partner, pagePath, pickText } from './network.model.ts';
import { isReservedSlug } from './network.table.ts';
import { selectPages } from './pages.queries.ts';
import { selectPartners } from './partners.queries.ts';

// What every page's footer shows of the network: the partners' names and the pages placed in the footer.
// The layout's footer panels get no database (they are drawn on every page), and a query per page for
// a list that changes a few times a year would be waste: each process keeps a snapshot per database,
// loaded by the first page it draws (whichever module serves it), reloaded at once after an editor's
// change in this process and in the background at most every REFRESH_MS otherwise. With several processes, another process's footer may lag behind a
// change by up to a minute; the pages themselves (About, partners, imprint) always read the database.

export const REFRESH_MS = 60_000;

export type FooterLink = { href: string; title: string; lang: string };
type Snapshot = { partners: Record<Locale, FooterLink[]>; footerPages: Record<Locale, FooterLink[]>; loadedAt: number };

const snapshots = new WeakMap<Database, Snapshot>();
const loading = new WeakMap<Database, Promise<void>>();

function build(partners: Partner[], pages: NetworkPage[]): Snapshot {
  const byLocale = <T>(make: (locale: Locale) => T) => Object.fromEntries(LOCALES.map((l) => [l, make(l)])) as Record<Locale, T>;
  return {
    partners: byLocale((locale) =>
      partners.flatMap((p) => {
        const text = pickText(p.texts, locale);
        return text ? [{ href: `/about#partner-${p.slug}`, title: text.name, lang: text.locale }] : [];
      }),
    ),
    footerPages: byLocale((locale) =>
      pages
        // The imprint and the privacy notice have footer links of their own (the module's navigation).
        .filter((p) => p.placement === 'footer' && !isReservedSlug(p.slug))
        .flatMap((p) => {
          const text = pickText(p.texts, locale);
          return text ? [{ href: pagePath(p.slug), title: text.title, lang: text.locale }] : [];
        }),
    ),
    loadedAt: Date.now(),
  };
}

/** Reads the published partners and footer pages again; a failed read keeps the last snapshot. */
export async function reloadFooterSnapshot(db: Database): Promise<void> {
  const [partners, pages] = await Promise.all([selectPartners(db, { published: true }), selectPages(db, { published: true })]);
  snapshots.set(db, build(partners, pages));
}

/**
 * Before a page is drawn: waits for the first load, and otherwise starts a reload in the background
 * when the snapshot is older than REFRESH_MS (the page is drawn with the one it has).
 */
export async function keepFooterSnapshotFresh(db: Database): Promise<void> {
  const snapshot = snapshots.get(db);
  if (snapshot && Date.now() - snapshot.loadedAt < REFRESH_MS) return;
  let load = loading.get(db);
  if (!load) {
    load = reloadFooterSnapshot(db)
      .catch(() => undefined)
      .finally(() => loading.delete(db));
    loading.set(db, load);
  }
  if (!snapshot) await load;
}

export function footerPartners(db: Database, locale: Locale): FooterLink[] {
  return snapshots.get(db)?.partners[locale] ?? [];
}

export function footerPages(db: Database, locale: Locale): FooterLink[] {
  return snapshots.get(db)?.footerPages[locale] ?? [];
}
