import { uploadUrl } from '../../core/uploads/uploads.service.ts';
import type { Database } from '../../platform/db/client.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { can } from '../../platform/http/policy.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { type AtomFeed, atomFeedXml } from '../../platform/lib/atom.ts';
import { markdownToText } from '../../platform/lib/markdown.ts';
import type { EventOutcomeSection } from '../events/index.ts';
import { PUBLICATION_PAGE_SIZE, type PublicationParams } from './publications.forms.ts';
import * as q from './publications.queries.ts';

// Reading publications: the public list (published only), one publication's page (drafts for editors
// only), the feed per language, and the documentation an event's page shows.

export type PublicationSearchResult = {
  items: q.PublicationListRow[];
  total: number;
  page: number;
  pages: number;
};

export async function searchPublications(db: Database, params: PublicationParams, locale: Locale): Promise<PublicationSearchResult> {
  const filters: q.PublicationFilters = {
    words: params.q,
    kinds: params.kind,
    themes: params.theme,
    regions: params.region,
    years: params.year,
    languages: params.lang,
    includeDrafts: false,
  };
  const items = await q.searchPublications(db, locale, filters, {
    limit: PUBLICATION_PAGE_SIZE,
    offset: (params.page - 1) * PUBLICATION_PAGE_SIZE,
  });
  const total = items[0]?.total ?? 0;
  return { items, total, page: params.page, pages: Math.max(1, Math.ceil(total / PUBLICATION_PAGE_SIZE)) };
}

export function listPublishedFacets(db: Database) {
  return q.listPublishedFacets(db);
}

export type PublicationRecord = q.PublicationRecord;
export type PublicationText = q.PublicationText;

/** The text for a reader: their language, else English, else the first written (then show a FallbackNote). */
export function pickPublicationText(texts: PublicationText[], locale: string): PublicationText | undefined {
  return texts.find((t) => t.locale === locale) ?? texts.find((t) => t.locale === 'en') ?? texts[0];
}

export type LoadedPublication = { publication: PublicationRecord; text: PublicationText };

/** One publication for its page; a draft exists only for editors (for anyone else it is not found). */
export async function loadPublication(db: Database, slug: string, locale: Locale, viewer: CurrentUser | null) {
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return undefined;
  const found = await q.findPublicationBySlug(db, slug);
  const editor = can(viewer, 'edit-content');
  if (!found || (found.status !== 'published' && !editor)) return undefined;
  // An event still in draft is not public: its title stays off the page for everyone else.
  const publication = editor || found.event?.status !== 'draft' ? found : { ...found, event: null };
  const text = pickPublicationText(publication.texts, locale);
  return text ? ({ publication, text } satisfies LoadedPublication) : undefined;
}

/** Where the document is: the uploaded PDF on the platform, or the address elsewhere. */
export function documentHref(p: { url: string | null; file: { sha256: string } | null }): string {
  return p.file ? uploadUrl(p.file.sha256, 'document') : (p.url ?? '');
}

const FEED_SIZE = 30;

/** The Atom feed of one language: the newest published publications, each with its PDF as an enclosure. */
export async function publicationsFeed(db: Database, i18n: I18n, baseUrl: string): Promise<string> {
  const rows = await q.listFeedPublications(db, i18n.locale, FEED_SIZE);
  const page = `${baseUrl}/${i18n.locale}/publications`;
  const feed: AtomFeed = {
    locale: i18n.locale,
    id: `${page}/feed.atom`,
    title: `${i18n.t('publications.title')} · ${i18n.t('common.siteName')}`,
    subtitle: i18n.t('publications.intro'),
    selfUrl: `${page}/feed.atom`,
    pageUrl: page,
    author: i18n.t('common.siteName'),
    // The newest change, or a fixed day for an empty feed (a date that moved on every request would say it changed).
    updated: new Date(Math.max(Date.parse('2020-01-01T00:00:00Z'), ...rows.map((r) => r.updated_at.getTime()))),
    entries: rows.map((r) => ({
      id: `${page}/${r.slug}`,
      url: `${page}/${r.slug}`,
      locale: r.content_locale,
      title: r.title,
      summary: markdownToText(r.summary, 600),
      published: r.published_at ?? r.updated_at,
      updated: r.updated_at,
      categories: [i18n.t(`publications.kind.${r.kind}`), String(r.year)],
      enclosure: r.file_sha256
        ? { url: `${baseUrl}${uploadUrl(r.file_sha256, 'document')}`, type: 'application/pdf', length: r.file_bytes ?? undefined }
        : undefined,
    })),
  };
  return atomFeedXml(feed);
}

/** The publications documenting an event, as a section of its documentation (events' extension point). */
export async function publicationsOfEvent(db: Database, i18n: I18n, eventId: number): Promise<EventOutcomeSection | null> {
  const rows = await q.listPublicationsOfEvent(db, i18n.locale, eventId);
  if (!rows.length) return null;
  return {
    heading: i18n.t('publications.ofEvent'),
    links: rows.map((p) => ({
      href: `/${i18n.locale}/publications/${p.slug}`,
      title: p.title,
      lang: p.content_locale,
      detail: [i18n.t(`publications.kind.${p.kind}`), String(p.year)].join(i18n.t('common.listSeparator')),
    })),
  };
}
