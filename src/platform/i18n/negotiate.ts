import { DEFAULT_LOCALE, isLocale, type Locale } from './locales.ts';

export const LOCALE_COOKIE = 'locale';

type Weighted = { tag: string; q: number; order: number };

/**
 * Picks the best supported locale from an Accept-Language header ("de-DE,de;q=0.9,en;q=0.5").
 * Tolerant of any garbage: a header it cannot read yields null, never an exception.
 */
export function matchAcceptLanguage(header: string | undefined | null): Locale | null {
  if (!header || header.length > 1000) return null;
  const ranges: Weighted[] = [];
  header.split(',').forEach((part, order) => {
    const [rawTag, ...params] = part.trim().split(';');
    const tag = rawTag?.trim().toLowerCase() ?? '';
    if (!/^[a-z]{1,8}(-[a-z0-9]{1,8})*$|^\*$/.test(tag)) return;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([01](\.\d{0,3})?)\s*$/.exec(p);
      if (m?.[1]) q = Number(m[1]);
    }
    if (q > 0) ranges.push({ tag, q, order });
  });
  ranges.sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { tag } of ranges) {
    const primary = tag.split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return null;
}

/** Accept-Language first, then the remembered choice (cookie), then English. */
export function negotiateLocale(acceptLanguage: string | undefined, cookieLocale: string | undefined): Locale {
  return matchAcceptLanguage(acceptLanguage) ?? (isLocale(cookieLocale) ? cookieLocale : DEFAULT_LOCALE);
}
