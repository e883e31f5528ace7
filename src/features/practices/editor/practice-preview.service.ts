import { listThemesWithTopics, loadTaxonomyIndex, regionOfCountry } from '../../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import type { PracticeDetail } from '../page/practice-page.service.ts';
import { emptyText, themesWithTopics } from '../record/practice-content.model.ts';
import type { Workspace } from '../workflow/practice-workflow.service.ts';

/**
 * The proposed version as the public page would show it (practice-preview.views.tsx renders it with the
 * page's own view), so authors and reviewers judge what readers will see. `lang` picks the translation,
 * with the usual fallback; `locale` is the reader's. The title is '' while the text has none.
 */
export async function previewPractice(db: Database, locale: Locale, workspace: Workspace, lang: Locale) {
  const c = workspace.content;
  const locales = Object.keys(c.translations).sort();
  const chosen = (c.translations[lang] ? lang : c.translations.en ? 'en' : locales[0]) as Locale | undefined;
  const text = (chosen && c.translations[chosen]) || emptyText();
  const [themes, region, index] = await Promise.all([
    listThemesWithTopics(db, locale),
    c.country ? regionOfCountry(db, c.country) : null,
    loadTaxonomyIndex(db),
  ]);
  // Themes and topics as publishing will store them: known slugs only, each topic's theme added.
  const taxonomy = themesWithTopics(c, index);
  const detail: PracticeDetail = {
    practice: {
      id: workspace.practice.id,
      slug: workspace.practice.slug,
      external_id: null,
      country_code: c.country || null,
      region_slug: region,
      start_year: c.startYear,
      end_year: c.endYear,
      sdgs: c.sdgs,
      partners: c.partners,
      links: c.links,
      contact_name: c.contact.name || null,
      contact_organisation: c.contact.organisation || null,
      project_state: c.projectState,
      documents: c.documents,
      images: c.images,
      published_at: workspace.practice.published_at,
      updated_at: new Date(),
      city_name: c.city || null,
      city_names: {},
      // A typed city has no page yet: the preview names it without a link.
      city_slug: null,
      city_country: null,
    },
    translation: { practice_id: workspace.practice.id, locale: chosen ?? locale, ...text },
    locales,
    themes: taxonomy.themes,
    topics: taxonomy.topics,
  };
  return { detail, themes, title: text.title };
}
