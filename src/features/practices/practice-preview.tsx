import { listThemesWithTopics, loadTaxonomyIndex, regionOfCountry } from '../../core/taxonomy/taxonomy.service.ts';
import type { Database } from '../../platform/db/client.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { emptyText, themesWithTopics } from './practice-content.ts';
import { PracticePage } from './practice-page.views.tsx';
import type { Workspace } from './practice-workflow.service.ts';
import type { PracticeDetail } from './practices.service.ts';

/**
 * The proposed version rendered exactly as the public page would show it (same view), so authors and
 * reviewers judge what readers will see. `lang` picks the translation, with the usual fallback.
 */
export async function PracticePreview(input: { db: Database; i18n: I18n; workspace: Workspace; lang: Locale; back: string }) {
  const { db, i18n, workspace, lang } = input;
  const c = workspace.content;
  const locales = Object.keys(c.translations).sort();
  const chosen = (c.translations[lang] ? lang : c.translations.en ? 'en' : locales[0]) as Locale | undefined;
  const text = (chosen && c.translations[chosen]) || emptyText();
  const [themes, region, index] = await Promise.all([
    listThemesWithTopics(db, i18n.locale),
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
    },
    translation: { practice_id: workspace.practice.id, locale: chosen ?? i18n.locale, ...text },
    locales,
    themes: taxonomy.themes,
    topics: taxonomy.topics,
  };
  const page = (
    <>
      <p class="notice" role="status">
        {i18n.t('practiceWorkflow.previewNote')} <a href={input.back}>{i18n.t('practiceWorkflow.backToWorkspace')}</a>
      </p>
      {PracticePage({ i18n, detail, themes })}
    </>
  );
  return { title: text.title || i18n.t('practiceWorkflow.untitled'), page };
}
