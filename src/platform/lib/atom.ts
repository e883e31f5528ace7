import { create } from 'xmlbuilder2';

// Atom feeds (RFC 4287) of the news, publications, videos, practices, events and the newsletter, one per
// language. Built with xmlbuilder2, which escapes every text and attribute; characters XML 1.0 forbids
// (control characters, lone surrogates: possible in pasted text) are dropped rather than breaking the feed.

export type AtomEntry = {
  /** A permanent, unique id: the entry's page URL, or a `tag:`/`urn:` URI. */
  id: string;
  url: string;
  /** The language of this entry's texts: the feed's, or the one it fell back to. */
  locale: string;
  title: string;
  /** Plain text. */
  summary: string;
  /** Plain text, or HTML when `contentType` is 'html' (sanitised: see markdown.ts). */
  content?: string;
  contentType?: 'text' | 'html';
  published: Date;
  updated: Date;
  /** Themes, kinds: Atom categories, by label. */
  categories?: string[];
  /** A file the entry is about (a publication's PDF): an enclosure link. */
  enclosure?: { url: string; type: string; length?: number };
};

export type AtomFeed = {
  locale: string;
  /** A permanent id for the feed: its self URL is fine. */
  id: string;
  title: string;
  subtitle: string;
  selfUrl: string;
  pageUrl: string;
  author: string;
  /** When the newest entry changed (or the feed's own date when it has none). */
  updated: Date;
  entries: AtomEntry[];
};

/**
 * xmlbuilder2 leaves an `&` that starts something entity-like alone (so "&amp;" typed in a title would
 * read "&"): every ampersand is escaped here first, and the library escapes the rest (<, >, quotes).
 */
export const xmlText = (text: string) => text.replace(/&/g, '&amp;');

export const ATOM_MEDIA_TYPE = 'application/atom+xml; charset=utf-8';

export function atomFeedXml(feed: AtomFeed): string {
  const doc = create({ version: '1.0', encoding: 'utf-8', invalidCharReplacement: '' });
  const root = doc.ele('http://www.w3.org/2005/Atom', 'feed').att('xml:lang', xmlText(feed.locale));
  root.ele('id').txt(xmlText(feed.id));
  root.ele('title', { type: 'text' }).txt(xmlText(feed.title));
  root.ele('subtitle', { type: 'text' }).txt(xmlText(feed.subtitle));
  root.ele('link', { rel: 'self', type: 'application/atom+xml', href: xmlText(feed.selfUrl) });
  root.ele('link', { rel: 'alternate', type: 'text/html', href: xmlText(feed.pageUrl) });
  root.ele('updated').txt(feed.updated.toISOString());
  root.ele('author').ele('name').txt(xmlText(feed.author));
  for (const entry of feed.entries) {
    // The entry's language when it fell back to another: readers and screen readers switch to it.
    const e = root.ele('entry', { 'xml:lang': xmlText(entry.locale) });
    e.ele('id').txt(xmlText(entry.id));
    e.ele('title', { type: 'text' }).txt(xmlText(entry.title));
    e.ele('link', { rel: 'alternate', type: 'text/html', hreflang: xmlText(feed.locale), href: xmlText(entry.url) });
    if (entry.enclosure) {
      const { url, type, length } = entry.enclosure;
      e.ele('link', { rel: 'enclosure', href: xmlText(url), type: xmlText(type), ...(length ? { length: String(length) } : {}) });
    }
    e.ele('published').txt(entry.published.toISOString());
    e.ele('updated').txt(entry.updated.toISOString());
    for (const term of entry.categories ?? []) e.ele('category', { term: xmlText(term) });
    if (entry.summary) e.ele('summary', { type: 'text' }).txt(xmlText(entry.summary));
    if (entry.content) e.ele('content', { type: entry.contentType ?? 'text' }).txt(xmlText(entry.content));
  }
  return `${doc.end({ prettyPrint: true })}\n`;
}
