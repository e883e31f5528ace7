import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import type { Edition, EditionItem } from '../editions/editions.service.ts';
import {
  editionLocaleFor,
  type NewsletterItemSource,
  parseItemRef,
  type RenderedItem,
  SECTION_KINDS,
  type SectionKind,
} from '../newsletter.model.ts';

// One edition as one reader sees it: the edition's texts in the reader's language (else English, else
// its first), each referenced item rendered by the module that owns it, free items from their own
// translations with the same rule. The web page, the editor's preview and every mail start from this.

export type RenderedSection = { kind: SectionKind; items: RenderedItem[] };

export type RenderedEdition = {
  number: number;
  /** 'YYYY-MM-DD'. */
  date: string;
  readerLocale: Locale;
  /** The language of the edition's own texts (subject, preheader, editorial). */
  locale: string;
  subject: string;
  preheader: string;
  editorial: string;
  /** True when the edition's texts are not in the reader's language. */
  fellBack: boolean;
  /** Only sections with at least one item, in the order of SECTION_KINDS. */
  sections: RenderedSection[];
};

/** A free item's text in the reader's language, else English, else its first language with a title. */
export function renderFreeItem(item: Pick<EditionItem, 'translations' | 'url'>, readerLocale: string): RenderedItem | null {
  const written = Object.keys(item.translations).filter((l) => item.translations[l]?.title.trim());
  const locale = editionLocaleFor(readerLocale, written);
  const text = locale ? item.translations[locale] : undefined;
  if (!locale || !text) return null;
  // Only web addresses become links: anything else (a javascript: or data: URL) would run in the page.
  const url = item.url && /^https?:\/\//i.test(item.url) ? item.url : null;
  return { title: text.title.trim(), text: text.text.trim(), url, locale };
}

/** The referenced items of an edition, rendered with one call per source; key `<kind>:<externalId>`. */
async function renderRefs(
  db: Database,
  sources: Map<string, NewsletterItemSource>,
  items: EditionItem[],
  readerLocale: Locale,
  baseUrl: string,
): Promise<Map<string, RenderedItem>> {
  const idsByKind = new Map<string, Set<string>>();
  for (const item of items) {
    const ref = item.ref ? parseItemRef(item.ref) : null;
    if (!ref || !sources.has(ref.kind)) continue;
    const ids = idsByKind.get(ref.kind) ?? new Set<string>();
    ids.add(ref.externalId);
    idsByKind.set(ref.kind, ids);
  }
  const rendered = new Map<string, RenderedItem>();
  await Promise.all(
    [...idsByKind].map(async ([kind, ids]) => {
      const source = sources.get(kind) as NewsletterItemSource;
      const byId = await source.render(db, [...ids], readerLocale, baseUrl);
      for (const [externalId, item] of byId) rendered.set(`${kind}:${externalId}`, item);
    }),
  );
  return rendered;
}

export async function renderEdition(
  db: Database,
  sources: Map<string, NewsletterItemSource>,
  edition: Edition,
  readerLocale: Locale,
  baseUrl: string,
): Promise<RenderedEdition> {
  const locale = editionLocaleFor(readerLocale, edition.locales) ?? readerLocale;
  const text = edition.translations[locale] ?? { subject: '', preheader: '', editorial: '' };
  const all = SECTION_KINDS.flatMap((kind) => edition.sections[kind]);
  const refs = await renderRefs(db, sources, all, readerLocale, baseUrl);
  const sections: RenderedSection[] = [];
  for (const kind of SECTION_KINDS) {
    // A referenced item whose content was deleted or unpublished since is left out, as is a free item
    // without any title: the reader sees what exists, never an empty entry.
    const items = edition.sections[kind].flatMap((item) => {
      const rendered = item.ref ? (refs.get(item.ref) ?? null) : renderFreeItem(item, readerLocale);
      return rendered ? [rendered] : [];
    });
    if (items.length) sections.push({ kind, items });
  }
  return {
    number: edition.number,
    date: edition.edition_date,
    readerLocale,
    locale,
    subject: text.subject.trim(),
    preheader: text.preheader.trim(),
    editorial: text.editorial.trim(),
    fellBack: locale !== readerLocale,
    sections,
  };
}
