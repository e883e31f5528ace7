import { readdirSync, readFileSync } from 'node:fs';
import { LOCALES, type Locale } from './locales.ts';

// UI strings live in <folder>/<locale>/<namespace>.json as ICU MessageFormat; a key is
// "<namespace>.<key>" (e.g. "home.numbersTitle"; nested objects join with dots). The platform's own
// namespaces (common, forms, errors) sit beside this file; each module declares its folder in its entry
// file and the registry (src/modules.ts) registers it once at start-up. Files are read synchronously.

export type Catalog = Record<string, string>;

/** { a: { b: 'x' } } under "ns" → { 'ns.a.b': 'x' }. Non-string leaves become '' so the check reports them. */
function flatten(value: unknown, prefix: string, into: Catalog): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, `${prefix}.${key}`, into);
  } else {
    into[prefix] = typeof value === 'string' ? value : '';
  }
}

/** Every locale's messages; filled in place as folders are registered. */
export const catalogs: Record<Locale, Catalog> = Object.fromEntries(LOCALES.map((locale) => [locale, {}])) as Record<Locale, Catalog>;

const registered = new Set<string>();
const owners = new Map<string, string>();

/**
 * Adds a folder of catalogs. Registering the same folder twice is a no-op; two folders claiming one
 * namespace is a programming error (one would silently shadow the other), so it throws.
 */
export function registerMessages(folder: URL): void {
  if (registered.has(folder.href)) return;
  registered.add(folder.href);
  for (const locale of LOCALES) {
    const dir = new URL(`${locale}/`, folder);
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const namespace = file.replace(/\.json$/, '');
      const owner = owners.get(namespace);
      if (owner && owner !== folder.href)
        throw new Error(`Message namespace "${namespace}" is declared twice: ${owner} and ${folder.href}`);
      owners.set(namespace, folder.href);
      flatten(JSON.parse(readFileSync(new URL(file, dir), 'utf8')), namespace, catalogs[locale]);
    }
  }
}

registerMessages(new URL('./messages/', import.meta.url));
