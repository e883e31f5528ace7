import { cityName } from '../../core/cities/cities.service.ts';
import type { ThemeWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { CountrySelect, ThemeTopicPicker } from '../../platform/ui/choice-fields.tsx';
import { placeLabel } from '../../platform/ui/components/content.tsx';
import { DataTable, EditorHeader } from '../../platform/ui/components/editor-page.tsx';
import { TextLanguageTabs } from '../../platform/ui/components/language-tabs.tsx';
import { boundFields, PublishStatusSelect, TextsInLanguage } from '../../platform/ui/editor-fields.tsx';
import { CsrfField, ErrorSummary, type FormErrors } from '../../platform/ui/forms.tsx';
import type { ProjectIdeaListRow } from './project-ideas.queries.ts';

// Editors' pages for project ideas: the list, the idea's form (one language per save) and the page
// that keeps its stage, supporting experts, workshops and documents.

export function EditorProjectIdeasPage({ i18n, rows, notice }: { i18n: I18n; rows: ProjectIdeaListRow[]; notice?: string }) {
  const { t, locale } = i18n;
  return (
    <>
      <EditorHeader
        title={t('projectIdeas.editor.title')}
        notice={notice}
        action={{ href: `/${locale}/editor/project-ideas/new`, label: t('projectIdeas.editor.new') }}
      />
      {rows.length === 0 ? (
        <p class="empty">{t('projectIdeas.none')}</p>
      ) : (
        <DataTable
          caption={t('projectIdeas.editor.title')}
          columns={[
            t('projectIdeas.editor.idea'),
            t('projectIdeas.projectCity'),
            t('projectIdeas.stageLabel'),
            t('projectIdeas.editor.statusLabel'),
            t('projectIdeas.supportingExperts'),
          ]}
        >
          {rows.map((r) => (
            <tr>
              <td>
                <a href={`/${locale}/editor/project-ideas/${r.slug}`} dir="auto">
                  {r.title}
                </a>
              </td>
              <td>{placeLabel(i18n, cityName({ name: r.city_name, names: r.city_names ?? {} }, locale), r.country_code)}</td>
              <td>{t(`projectIdeas.stage.${r.stage}`)}</td>
              <td>{t(`projectIdeas.editor.status.${r.status}`)}</td>
              <td>{i18n.formatNumber(r.experts)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

export type ProjectIdeaFormProps = {
  i18n: I18n;
  idea: { slug: string; texts: Array<{ locale: string }> } | null;
  lang: Locale;
  values: Record<string, string>;
  themes: string[];
  topics: string[];
  errors: FormErrors;
  taxonomy: ThemeWithTopics[];
  countries: Array<{ code: string; name: string }>;
  calls: Array<{ id: number; title: string }>;
  csrfToken: string;
};

export function ProjectIdeaFormPage(props: ProjectIdeaFormProps) {
  const { i18n, values, errors, lang } = props;
  const { t, locale } = i18n;
  const labels: Record<string, string> = {
    title: t('projectIdeas.editor.titleLabel'),
    summary: t('projectIdeas.editor.summary'),
    challenge: t('projectIdeas.challenge'),
    approach: t('projectIdeas.approach'),
    nextSteps: t('projectIdeas.nextSteps'),
    city: t('projectIdeas.projectCity'),
    country: t('projectIdeas.editor.country'),
    themes: t('projectIdeas.themes'),
    topics: t('projectIdeas.topics'),
    budget: t('projectIdeas.budget'),
    form: t('projectIdeas.editor.idea'),
  };
  const fields = boundFields({ i18n, values, errors, labels });
  const { v } = fields;
  const base = props.idea ? `/${locale}/editor/project-ideas/${props.idea.slug}` : `/${locale}/editor/project-ideas`;
  const action = props.idea ? `${base}/edit?lang=${lang}` : `${base}/new?lang=${lang}`;
  return (
    <>
      <EditorHeader
        back={{ href: `/${locale}/editor/project-ideas`, label: t('projectIdeas.editor.title') }}
        title={props.idea ? t('projectIdeas.editor.editTitle') : t('projectIdeas.editor.new')}
      />
      {props.idea ? (
        <TextLanguageTabs
          i18n={i18n}
          label={t('projectIdeas.editor.language')}
          href={(l) => `${base}/edit?lang=${l}`}
          current={lang}
          written={props.idea.texts.map((x) => x.locale)}
          notWritten={t('projectIdeas.editor.notWritten')}
        />
      ) : null}
      <form method="post" action={action} novalidate class="practice-editor">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="lang" value={lang} />
        <ErrorSummary i18n={i18n} errors={errors} labels={labels} />
        <TextsInLanguage
          legend={t('projectIdeas.editor.texts', { language: i18n.languageName(lang) })}
          lang={lang}
          fields={fields}
          texts={[
            { name: 'title', required: true, maxlength: 300 },
            { name: 'summary', hint: t('projectIdeas.editor.publishHint'), maxlength: 2000, rows: 3 },
            ...(['challenge', 'approach', 'nextSteps'] as const).map((name) => ({ name, maxlength: 10000, rows: 6 })),
          ]}
        />
        {fields.text('city', { required: true, maxlength: 200, dir: 'auto' })}
        <CountrySelect
          i18n={i18n}
          label={labels.country as string}
          placeholder={t('events.registration.chooseCountry')}
          countries={props.countries}
          value={v('country')}
          error={errors.country}
        />
        <ThemeTopicPicker
          i18n={i18n}
          themes={props.taxonomy}
          legend={t('forms.themesLegend')}
          theme={{ name: 'themes', selected: props.themes, error: errors.themes, label: (theme) => t('forms.themeWhole', { theme }) }}
          topic={{ name: 'topics', selected: props.topics, error: errors.topics }}
        />
        {fields.text('budget', { hint: t('projectIdeas.editor.budgetHint'), maxlength: 16, dir: 'ltr' })}
        {fields.select(
          'callId',
          props.calls.map((c) => [String(c.id), c.title]),
          { label: t('projectIdeas.call'), empty: t('projectIdeas.editor.noCall') },
        )}
        <PublishStatusSelect
          i18n={i18n}
          label={t('projectIdeas.editor.statusLabel')}
          value={v('status')}
          text={(s) => t(`projectIdeas.editor.status.${s}`)}
        />
        <button type="submit" class="button">
          {t('projectIdeas.editor.save')}
        </button>
      </form>
    </>
  );
}
