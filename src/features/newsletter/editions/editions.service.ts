import type { Database } from '../../../platform/db/client.ts';
import { SECTION_KINDS, type SectionKind } from '../newsletter.model.ts';
import type { EditionAudience, FreeItemTranslations } from '../newsletter.table.ts';
import * as q from './editions.queries.ts';

export type EditionText = { subject: string; preheader: string; editorial: string };

export type EditionItem = {
  id: number;
  section: SectionKind;
  position: number;
  ref: string | null;
  url: string | null;
  translations: FreeItemTranslations;
};

/** An edition with its texts per language and its items per section: what the editor, the renderer and the sender read. */
export type Edition = q.EditionRow & {
  audience: EditionAudience;
  translations: Record<string, EditionText>;
  /** The languages it is written in (those with a subject), English first. */
  locales: string[];
  sections: Record<SectionKind, EditionItem[]>;
};

function assemble(row: q.EditionRow, translations: q.EditionTranslationRow[], items: q.EditionItemRow[]): Edition {
  const texts: Record<string, EditionText> = {};
  for (const t of translations) texts[t.locale] = { subject: t.subject, preheader: t.preheader, editorial: t.editorial };
  const locales = Object.keys(texts)
    .filter((l) => texts[l]?.subject.trim())
    .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
  const sections = Object.fromEntries(SECTION_KINDS.map((kind) => [kind, [] as EditionItem[]])) as Record<SectionKind, EditionItem[]>;
  for (const item of items) {
    sections[item.section].push({
      id: item.id,
      section: item.section,
      position: item.position,
      ref: item.ref,
      url: item.url,
      translations: item.translations ?? {},
    });
  }
  for (const kind of SECTION_KINDS) sections[kind].sort((a, b) => a.position - b.position || a.id - b.id);
  return { ...row, audience: (row.audience ?? {}) as EditionAudience, translations: texts, locales, sections };
}

async function complete(db: Database, row: q.EditionRow | undefined): Promise<Edition | null> {
  if (!row) return null;
  const [translations, items] = await Promise.all([q.listEditionTranslations(db, [row.id]), q.listEditionItems(db, row.id)]);
  return assemble(row, translations, items);
}

export async function loadEditionById(db: Database, id: number): Promise<Edition | null> {
  return complete(db, await q.findEditionById(db, id));
}

export async function loadEditionByNumber(db: Database, number: number): Promise<Edition | null> {
  if (!Number.isSafeInteger(number) || number < 1) return null;
  return complete(db, await q.findEditionByNumber(db, number));
}

/**
 * Why an edition cannot be sent yet (catalog keys under newsletterEditor.problems, with values):
 * it needs at least one language with a subject, every language its audience asks for a subject,
 * and no section without items.
 */
export function editionProblems(edition: Edition): Array<{ key: string; values?: Record<string, string> }> {
  const problems: Array<{ key: string; values?: Record<string, string> }> = [];
  if (edition.locales.length === 0) problems.push({ key: 'noLanguage' });
  for (const [locale, text] of Object.entries(edition.translations)) {
    if (!text.subject.trim() && (text.editorial.trim() || text.preheader.trim())) problems.push({ key: 'noSubject', values: { locale } });
  }
  for (const locale of edition.audience.locales ?? []) {
    if (!edition.locales.includes(locale) && !problems.some((p) => p.values?.locale === locale)) {
      problems.push({ key: 'noSubject', values: { locale } });
    }
  }
  for (const kind of SECTION_KINDS)
    if (edition.sections[kind].length === 0) problems.push({ key: 'emptySection', values: { section: kind } });
  return problems;
}
