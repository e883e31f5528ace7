import { join } from 'node:path';
import type { Context } from 'hono';
import type { Locale } from '../i18n/locales.ts';
import { SHARE_CARD, shareCard, shareCardVersion } from '../lib/share-card.ts';
import type { AppEnv } from './context.ts';

// Serving the generated share cards (lib/share-card.ts). A page names its card by a versioned URL
// (`…/card.png?v=<hash of the content's key>`); the card route looks the title up in the database by
// the content in its path, never from the query string, so no one can make the site draw their text.

/** The picture a page announces for sharing (og:image): absolute URL, size and a text for it. */
export type ShareImage = { url: string; width: number; height: number; type?: string; alt: string };

/**
 * The share image of a card served at `path` (under the site, e.g. `/fr/practices/x/card.png`), for the
 * content version `key`: the same key the card route passes to `sendShareCard`.
 */
export function shareCardImage(baseUrl: string, path: string, key: string, alt: string): ShareImage {
  return {
    url: `${baseUrl}${path}?v=${shareCardVersion(key)}`,
    width: SHARE_CARD.width,
    height: SHARE_CARD.height,
    type: SHARE_CARD.type,
    alt,
  };
}

/** The network's own card (home, lists and other pages without content of their own), per language. */
export function siteCardPath(locale: Locale): string {
  return `/${locale}/card.png`;
}

/** The key of the network's card: its text is the tagline of that language. */
export function siteCardKey(locale: Locale, tagline: string): string {
  return `site:${locale}:${tagline}`;
}

/** Where drawn cards are kept: beside the uploads, on the same (shared) storage. */
export function shareCardsDir(config: { DATA_DIR: string }): string {
  return join(config.DATA_DIR, 'uploads', 'cards');
}

/**
 * Answers with the card for `key` (drawn once, then read from `<DATA_DIR>/uploads/cards/`). The URL of
 * the current version is cached for a year; an outdated `v` still gets the current card, revalidated.
 */
export async function sendShareCard(c: Context<AppEnv>, content: { key: string; title: string; draft?: boolean }) {
  const dir = shareCardsDir(c.var.deps.config);
  const { png, version } = await shareCard(dir, { key: content.key, title: content.title, siteName: c.var.i18n.t('common.siteName') });
  const current = c.req.query('v') === version;
  // A draft's card is seen by editors only: never kept by a shared cache.
  const cacheControl = content.draft ? 'private, no-store' : current ? 'public, max-age=31536000, immutable' : 'public, no-cache';
  const headers: Record<string, string> = {
    'content-type': SHARE_CARD.type,
    'cache-control': cacheControl,
    etag: `"${version}"`,
    'x-content-type-options': 'nosniff',
  };
  const res =
    c.req.header('if-none-match') === headers.etag
      ? c.body(null, 304, headers)
      : c.body(new Uint8Array(png), 200, { ...headers, 'content-length': String(png.length) });
  // The page middleware set cookies (CSRF, language) for a page; a picture that shared caches keep
  // must carry none, or one visitor's cookie would be handed to the next.
  res.headers.delete('set-cookie');
  return res;
}
