import type { ShareImage } from '../http/share-card.ts';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../i18n/locales.ts';

// What search engines and social sites read in <head>: the canonical URL, the language versions
// (hreflang, with x-default) and the OpenGraph card. The rules (docs/api.md, "Search engines and sharing"):
// - x-default is the English page: English is the network's working language and every interface page
//   exists in it (a practice written in other languages only: its English-else-first version).
// - The canonical URL is the page's own without its query string. A list filtered by a query points to
//   the unfiltered list (filters make near-duplicates); only a bare `?page=N` is kept, because each page of
//   a list shows other items (Google: paginated pages are canonical to themselves, not to page 1).
// - Content written in some languages only (a practice, an event, a call, a project idea, an expert's
//   texts) lists only those in hreflang; shown in a fallback language, its canonical is the URL of the
//   language shown, and og:locale names that language.

/** Languages a piece of content is written in, and the one whose text this page shows. */
export type ContentLocales = { available: readonly string[]; shown: string };

/** OpenGraph: the kind of page and its picture (else the network's card). */
export type ShareInfo = { type?: 'website' | 'article' | 'profile'; image?: ShareImage };

// og:locale takes language_TERRITORY; the territory is the one the social sites list for each language.
const OG_LOCALES: Record<Locale, string> = { en: 'en_GB', de: 'de_DE', fr: 'fr_FR', es: 'es_ES', ar: 'ar_AR' };

const isLocale = (l: string): l is Locale => (LOCALES as readonly string[]).includes(l);

/** The path (after the locale) search engines should index for `path`: see the rules above. */
export function canonicalPath(path: string): string {
  const [pathname = '/', search = ''] = path.split('?', 2);
  const params = new URLSearchParams(search);
  const page = params.get('page');
  const onlyPage = [...params.keys()].every((k) => k === 'page') && page !== null && /^[1-9][0-9]{0,5}$/.test(page) && page !== '1';
  return onlyPage ? `${pathname}?page=${page}` : pathname;
}

export function PageHead(props: {
  baseUrl: string;
  locale: Locale;
  path: string;
  title: string;
  description: string;
  siteName: string;
  /** False on pages whose own head carries canonical and hreflang. */
  alternates: boolean;
  contentLocales?: ContentLocales;
  share?: ShareInfo;
  defaultImage: ShareImage;
}) {
  const { baseUrl, locale, contentLocales } = props;
  const path = canonicalPath(props.path);
  const url = (l: string) => `${baseUrl}/${l}${path}`;
  const available = contentLocales ? LOCALES.filter((l) => contentLocales.available.includes(l)) : [...LOCALES];
  // The language of the text shown; a content language without an interface of its own (say Portuguese)
  // has no page of its own, so that page stays its own canonical.
  const shownLanguage = contentLocales?.shown ?? locale;
  const shown = isLocale(shownLanguage) ? shownLanguage : locale;
  // A page showing a fallback text is the same content as the page in that language: one canonical.
  const canonical = url(available.includes(locale) ? locale : shown);
  const xDefault = available.includes(DEFAULT_LOCALE) ? DEFAULT_LOCALE : available[0];
  const image = props.share?.image ?? props.defaultImage;
  return (
    <>
      {props.alternates ? (
        <>
          <link rel="canonical" href={canonical} />
          {available.map((l) => (
            <link rel="alternate" hreflang={l} href={url(l)} />
          ))}
          {xDefault ? <link rel="alternate" hreflang="x-default" href={url(xDefault)} /> : null}
        </>
      ) : null}
      <meta property="og:type" content={props.share?.type ?? 'website'} />
      <meta property="og:site_name" content={props.siteName} />
      <meta property="og:title" content={props.title} />
      <meta property="og:description" content={props.description} />
      <meta property="og:url" content={canonical} />
      <meta property="og:locale" content={isLocale(shownLanguage) ? OG_LOCALES[shownLanguage] : shownLanguage.replace('-', '_')} />
      {available
        .filter((l) => l !== shownLanguage)
        .map((l) => (
          <meta property="og:locale:alternate" content={OG_LOCALES[l]} />
        ))}
      <meta property="og:image" content={image.url} />
      {image.type ? <meta property="og:image:type" content={image.type} /> : null}
      <meta property="og:image:width" content={String(image.width)} />
      <meta property="og:image:height" content={String(image.height)} />
      <meta property="og:image:alt" content={image.alt} />
      <meta name="twitter:card" content="summary_large_image" />
    </>
  );
}
