import { createHash } from 'node:crypto';
import { type Encoding, encodeBody } from './middleware/compress.ts';

/** A page as an anonymous visitor got it, with what it was drawn from (ADR 015). */
export type CachedPage = {
  /** The content counters when the page was drawn: the page is served only while they are unchanged. */
  stamp: string;
  /** Response headers of the route (content type, its own security policy), without cookies or caching headers. */
  headers: Array<[string, string]>;
  identity: Buffer<ArrayBuffer>;
  /** Weak, from the HTML: two processes that drew the same page give the same tag. */
  etag: string;
  lastModified: Date;
  storedAt: number;
  /** Compressed copies, made on the first request that asks for each encoding. */
  encoded: Map<Encoding, Promise<Buffer<ArrayBuffer>>>;
};

export type PageStore = {
  /** The page kept for `key` unless older than the store's lifetime (moved to the front: used last, evicted last). */
  get(key: string, now?: number): CachedPage | undefined;
  set(key: string, page: CachedPage): void;
  /** The page's body in `encoding`, compressed once and kept with it. */
  body(page: CachedPage, encoding: Encoding | null): Promise<Buffer<ArrayBuffer>>;
  readonly size: number;
  readonly bytes: number;
};

export function etagOf(html: Buffer): string {
  return `W/"${createHash('sha1').update(html).digest('base64url').slice(0, 22)}"`;
}

/**
 * Pages by URL, least recently used evicted first once `maxBytes` is reached (counting every copy), and
 * each kept at most `ttlMs`: what changes with the clock rather than with a write (a news article whose
 * publication date arrives, an event that becomes past) shows within that time.
 */
export function createPageStore(options: { maxBytes: number; ttlMs: number }): PageStore {
  const pages = new Map<string, CachedPage>();
  const sizes = new Map<CachedPage, number>();
  let bytes = 0;
  const account = (page: CachedPage, delta: number) => {
    sizes.set(page, (sizes.get(page) ?? 0) + delta);
    bytes += delta;
  };
  const drop = (key: string) => {
    const page = pages.get(key);
    if (!page) return;
    pages.delete(key);
    bytes -= sizes.get(page) ?? 0;
    sizes.delete(page);
  };
  const evict = () => {
    for (const key of pages.keys()) {
      if (bytes <= options.maxBytes) break;
      drop(key);
    }
  };
  return {
    get(key, now = Date.now()) {
      const page = pages.get(key);
      if (!page) return undefined;
      pages.delete(key);
      if (now - page.storedAt >= options.ttlMs) {
        bytes -= sizes.get(page) ?? 0;
        sizes.delete(page);
        return undefined;
      }
      pages.set(key, page);
      return page;
    },
    set(key, page) {
      drop(key);
      if (options.maxBytes <= 0) return;
      pages.set(key, page);
      account(page, page.identity.length + key.length);
      evict();
    },
    body(page, encoding) {
      if (!encoding) return Promise.resolve(page.identity);
      let copy = page.encoded.get(encoding);
      if (!copy) {
        copy = encodeBody(page.identity, encoding);
        page.encoded.set(encoding, copy);
        copy.then(
          (packed) => {
            // Only while the page is still kept: an evicted page's copy is garbage once answered.
            if (sizes.has(page)) {
              account(page, packed.length);
              evict();
            }
          },
          () => page.encoded.delete(encoding),
        );
      }
      return copy;
    },
    get size() {
      return pages.size;
    },
    get bytes() {
      return bytes;
    },
  };
}
