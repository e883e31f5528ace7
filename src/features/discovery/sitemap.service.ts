import type { Database } from '../../platform/db/client.ts';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../platform/i18n/locales.ts';
import type { Logger } from '../../platform/log.ts';
import { entriesOf, type NavEntry } from '../../platform/ui/navigation.ts';
import { SITEMAP_PAGE_SIZE, type SitemapEntry, type SitemapSource } from './sitemap-sources.ts';

// /sitemap.xml (a sitemap index) and /sitemaps/<name>-<n>.xml (one per source and page of
// SITEMAP_PAGE_SIZE entries). Each entry is one <url> per language it exists in, each naming every
// language version with xhtml:link hreflang plus x-default, by the same rules as the pages' own <head>
// (platform/ui/page-head.tsx): x-default is English when the content exists in English, else its first
// language.
//
// The XML is written by hand with one escaping function rather than with xmlbuilder2: a full sitemap
// holds 50,000 URLs with 300,000 links, which xmlbuilder2's DOM took 7–8 seconds (and the memory of the
// tree) to build, blocking the server; writing strings takes milliseconds. The text is escaped
// completely (& < > " ') and characters XML 1.0 forbids are dropped.

export const SITEMAP_MEDIA_TYPE = 'application/xml; charset=utf-8';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

// The characters XML 1.0 forbids (control characters, lone surrogates: possible in pasted text).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/**
 * The interface pages every language has: home, and the sections of the main and footer navigation
 * (less the pages other sources list themselves, `navigationPaths`).
 */
export function staticPagesSource(navigation: readonly NavEntry[], others: readonly SitemapSource[]): SitemapSource {
  const listed = new Set(others.flatMap((s) => s.navigationPaths ?? []));
  const sections = [...entriesOf([...navigation], 'main'), ...entriesOf([...navigation], 'footer')].map((e) => e.href);
  const paths = [...new Set(['/', ...sections])].filter((path) => !listed.has(path));
  const entries: SitemapEntry[] = paths.map((path) => ({ path, locales: LOCALES, updatedAt: null }));
  return {
    name: 'site',
    count: async () => entries.length,
    entries: async (_db, { offset, limit }) => entries.slice(offset, offset + limit),
  };
}

export type SitemapFile = { source: SitemapSource; page: number };

export const sitemapFileName = (name: string, page: number) => `${name}-${page}.xml`;

/** The index: each source's files; a source that fails to count is left out this time (and logged). */
export async function sitemapIndexXml(db: Database, sources: readonly SitemapSource[], baseUrl: string, logger: Logger): Promise<string> {
  const counts = await Promise.all(
    sources.map(async (source) => {
      try {
        return await source.count(db);
      } catch (error) {
        logger.error({ sitemap: source.name, err: error instanceof Error ? error.message : String(error) }, 'sitemap source failed');
        return 0;
      }
    }),
  );
  const lines = sources.flatMap((source, i) =>
    Array.from({ length: Math.ceil((counts[i] ?? 0) / SITEMAP_PAGE_SIZE) }, (_, n) => {
      const loc = `${baseUrl}/sitemaps/${sitemapFileName(source.name, n + 1)}`;
      return `  <sitemap>\n    <loc>${xmlEscape(loc)}</loc>\n  </sitemap>\n`;
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${SITEMAP_NS}">\n${lines.join('')}</sitemapindex>\n`;
}

/** Which file `/sitemaps/<file>` names, or null when no source has it (404). */
export async function findSitemapFile(db: Database, sources: readonly SitemapSource[], file: string): Promise<SitemapFile | null> {
  const match = /^([a-z][a-z-]*)-([1-9][0-9]{0,5})\.xml$/.exec(file);
  if (!match) return null;
  const source = sources.find((s) => s.name === match[1]);
  const page = Number(match[2]);
  if (!source) return null;
  // Page 1 of an empty source is still a (valid, empty) sitemap: it may have just lost its last entry.
  if (page > 1 && (page - 1) * SITEMAP_PAGE_SIZE >= (await source.count(db))) return null;
  return { source, page };
}

export async function sitemapXml(db: Database, { source, page }: SitemapFile, baseUrl: string): Promise<string> {
  const entries = await source.entries(db, { offset: (page - 1) * SITEMAP_PAGE_SIZE, limit: SITEMAP_PAGE_SIZE });
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NS}" xmlns:xhtml="${XHTML_NS}">\n`];
  for (const entry of entries) parts.push(...urlsOf(entry, baseUrl));
  parts.push('</urlset>\n');
  return parts.join('');
}

function urlsOf(entry: SitemapEntry, baseUrl: string): string[] {
  const locales = LOCALES.filter((l) => entry.locales.includes(l));
  const url = (l: Locale) => xmlEscape(`${baseUrl}/${l}${entry.path}`);
  const xDefault = locales.includes(DEFAULT_LOCALE) ? DEFAULT_LOCALE : locales[0];
  const links = [
    ...locales.map((l) => `    <xhtml:link rel="alternate" hreflang="${l}" href="${url(l)}"/>\n`),
    ...(xDefault ? [`    <xhtml:link rel="alternate" hreflang="x-default" href="${url(xDefault)}"/>\n`] : []),
  ].join('');
  const lastmod = entry.updatedAt ? `    <lastmod>${entry.updatedAt.toISOString()}</lastmod>\n` : '';
  return locales.map((l) => `  <url>\n    <loc>${url(l)}</loc>\n${lastmod}${links}  </url>\n`);
}
