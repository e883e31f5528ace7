import { findOrAddCity } from '../../../core/cities/cities.service.ts';
import type { TaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { PRACTICE_SECTIONS } from '../practices.table.ts';
import { type PracticeContent, readContent, themesWithTopics } from './practice-content.model.ts';
import * as q from './practice-record.queries.ts';

// The live record: what the public sees. Written only when an editor publishes a revision (or by the
// importer); read when someone starts editing a published practice.

/** Replaces a practice's live content (record, texts, themes and topics) with `content`. */
export async function writeLiveRecord(
  db: Database,
  practiceId: number,
  content: PracticeContent,
  index: TaxonomyIndex,
  options: { status: 'published' | 'draft'; keepFiles?: boolean },
): Promise<void> {
  const { themes, topics } = themesWithTopics(content, index);
  const cityId = content.city.trim() && content.country ? await findOrAddCity(db, content.country, content.city) : null;
  await q.updatePracticeRecord(db, practiceId, {
    status: options.status,
    city_id: cityId,
    country_code: content.country || null,
    start_year: content.startYear,
    end_year: content.endYear,
    project_state: content.projectState,
    sdgs: [...new Set(content.sdgs)].sort((a, b) => a - b),
    partners: content.partners,
    links: content.links,
    contact_name: content.contact.name || null,
    contact_organisation: content.contact.organisation || null,
    ...(options.keepFiles ? {} : { contact_user_id: content.contact.userId, documents: content.documents, images: content.images }),
  });
  const translations = Object.entries(content.translations).map(([locale, t]) => ({ locale: locale as Locale, ...t }));
  await q.replacePracticeTranslations(db, practiceId, translations);
  await q.replacePracticeTaxonomy(db, practiceId, themes, topics);
}

/** The live record as revision content: the starting point when a published practice is edited. */
export async function readLiveContent(db: Database, practiceId: number): Promise<PracticeContent | undefined> {
  const live = await q.findLiveRecord(db, practiceId);
  if (!live) return undefined;
  const p = live.practice;
  return readContent({
    city: p.city_name ?? '',
    country: p.country_code ?? '',
    themes: live.themes,
    topics: live.topics,
    sdgs: p.sdgs,
    startYear: p.start_year,
    endYear: p.end_year,
    projectState: p.project_state,
    partners: p.partners,
    links: p.links,
    contact: { name: p.contact_name ?? '', organisation: p.contact_organisation ?? '', userId: p.contact_user_id },
    translations: Object.fromEntries(
      live.translations.map((t) => [
        t.locale,
        { title: t.title, summary: t.summary, ...Object.fromEntries(PRACTICE_SECTIONS.map((s) => [s, t[s]])) },
      ]),
    ),
    documents: p.documents,
    images: p.images,
  });
}

/** The slug, or the first of slug-2, slug-3 … not yet taken. Slugs never change once given (URLs stay). */
export async function freeSlug(db: Database, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await q.isSlugTaken(db, slug))) return slug;
  }
}
