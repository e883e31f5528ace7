import type { Database } from '../../platform/db/client.ts';
import { currentContentVersions } from '../../platform/db/content-versions.ts';
import { LOCALES, type Locale } from '../../platform/i18n/locales.ts';
import { type NetworkPage, type Partner, pagePath, pickText } from './network.model.ts';
import { isReservedSlug } from './network.table.ts';
import { selectPages } from './pages.queries.ts';
import { selectPartners } from './partners.queries.ts';

// What every page's footer shows of the network: the partners' names and the pages placed in the footer.
// The layout's footer panels get no database (they are drawn on every page), and a query per page for
// a list that changes a few times a year would be waste: each process keeps a snapshot per database,
// made at the network's change counter (ADR 015) and made again when that counter has moved, whichever
// process made the change. Reading the counters is one small query shared by the requests that arrive
// together, which the page cache reads anyway.

export type FooterLink = { href: string; title: string; lang: string };
type Snapshot = { partners: Record<Locale, FooterLink[]>; footerPages: Record<Locale, FooterLink[]>; version: number };

const snapshots = new WeakMap<Database, Snapshot>();
const loading = new WeakMap<Database, { version: number; done: Promise<void> }>();

function build(partners: Partner[], pages: NetworkPage[], version: number): Snapshot {
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
    version,
  };
}

/** The network's change counter now (-1 when unreadable: the snapshot is then made again next time). */
async function networkVersion(db: Database): Promise<number> {
  const versions = await currentContentVersions(db).catch(() => null);
  return versions?.byModule.get('network') ?? -1;
}

/** Reads the published partners and footer pages again; a failed read keeps the last snapshot. */
export async function reloadFooterSnapshot(db: Database, known?: number): Promise<void> {
  const version = known ?? (await networkVersion(db));
  const [partners, pages] = await Promise.all([selectPartners(db, { published: true }), selectPages(db, { published: true })]);
  snapshots.set(db, build(partners, pages, version));
}

/** Before a footer is drawn: makes the snapshot again when the network's counter has moved since it was made. */
export async function keepFooterSnapshotFresh(db: Database): Promise<void> {
  const version = await networkVersion(db);
  if (version !== -1 && snapshots.get(db)?.version === version) return;
  let load = loading.get(db);
  if (!load || load.version !== version) {
    const done = reloadFooterSnapshot(db, version)
      .catch(() => undefined)
      .finally(() => {
        if (loading.get(db)?.done === done) loading.delete(db);
      });
    load = { version, done };
    loading.set(db, load);
  }
  await load.done;
}

export function footerPartners(db: Database, locale: Locale): FooterLink[] {
  return snapshots.get(db)?.partners[locale] ?? [];
}

export function footerPages(db: Database, locale: Locale): FooterLink[] {
  return snapshots.get(db)?.footerPages[locale] ?? [];
}
