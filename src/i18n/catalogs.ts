import { readdirSync, readFileSync } from 'node:fs';
import { LOCALES, type Locale } from './locales.ts';

// UI strings live in messages/<locale>/<namespace>.json as ICU MessageFormat; a key is
// "<namespace>.<key>" (e.g. "home.numbersTitle"; nested objects join with dots). Loaded once, synchronously, at import.

export type Catalog = Record<string, string>;

const MESSAGES_DIR = new URL('./messages/', import.meta.url);

/** { a: { b: 'x' } } under "ns" → { 'ns.a.b': 'x' }. Non-string leaves become '' so the check reports them. */
function flatten(value: unknown, prefix: string, into: Catalog): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, `${prefix}.${key}`, into);
  } else {
    into[prefix] = typeof value === 'string' ? value : '';
  }
}

function loadCatalog(locale: Locale): Catalog {
  const dir = new URL(`${locale}/`, MESSAGES_DIR);
  const catalog: Catalog = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const namespace = file.replace(/\.json$/, '');
    flatten(JSON.parse(readFileSync(new URL(file, dir), 'utf8')), namespace, catalog);
  }
  return catalog;
}

export const catalogs: Record<Locale, Catalog> = Object.fromEntries(LOCALES.map((locale) => [locale, loadCatalog(locale)])) as Record<
  Locale,
  Catalog
>;
