import { cityName } from '../../core/cities/cities.service.ts';
import type { ThemeWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import { ThemeTopicChoices } from '../../core/taxonomy/taxonomy.views.tsx';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { directionOf, type Locale } from '../../platform/i18n/locales.ts';
import { placeLabel } from '../../platform/ui/components/content.tsx';
import { TextLanguageTabs } from '../../platform/ui/components/language-tabs.tsx';
import { CountrySelect, CsrfField, ErrorSummary, type FormErrors, SelectField, TextArea, TextField } from '../../platform/ui/forms.tsx';
import type { ProjectIdeaListRow } from './project-ideas.queries.ts';

// Editors' pages for project ideas: the list, the idea's form (one language per save) and the page
// that keeps its stage, supporting experts, workshops and documents.

export function EditorProjectIdeasPage({ i18n, rows, notice }: { i18n: I18n; rows: ProjectIdeaListRow[]; notice?: string }) {
  const { t, locale } = i18n;
  return (
    <>
      <h1>{t('projectIdeas.editor.title')}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>
        <a class="button" href={`/${locale}/editor/project-ideas/new`}>
          {t('projectIdeas.editor.new')}
        </a>
      </p>
      {rows.length === 0 ? <p class="empty">{t('projectIdeas.none')}</p> : null}
      {rows.length ? (
        <table class="table">
          <caption class="visually-hidden">{t('projectIdeas.editor.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('projectIdeas.editor.idea')}</th>
              <th scope="col">{t('projectIdeas.projectCity')}</th>
              <th scope="col">{t('projectIdeas.stageLabel')}</th>
              <th scope="col">{t('projectIdeas.editor.statusLabel')}</th>
              <th scope="col">{t('projectIdeas.supportingExperts')}</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      ) : null}
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
  const v = (k: string) => values[k] ?? '';
  const textDir = directionOf(lang);
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
  const base = props.idea ? `/${locale}/editor/project-ideas/${props.idea.slug}` : `/${locale}/editor/project-ideas`;
  const action = props.idea ? `${base}/edit?lang=${lang}` : `${base}/new?lang=${lang}`;
  return (
    <>
      <p class="kicker">
        <a href={`/${locale}/editor/project-ideas`}>{t('projectIdeas.editor.title')}</a>
      </p>
      <h1>{props.idea ? t('projectIdeas.editor.editTitle') : t('projectIdeas.editor.new')}</h1>
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
        <fieldset>
          <legend>{t('projectIdeas.editor.texts', { language: i18n.languageName(lang) })}</legend>
          <TextField
            i18n={i18n}
            name="title"
            label={labels.title as string}
            value={v('title')}
            error={errors.title}
            required
            maxlength={300}
            dir={textDir}
            lang={lang}
          />
          {(['summary', 'challenge', 'approach', 'nextSteps'] as const).map((name) => (
            <TextArea
              i18n={i18n}
              name={name}
              label={labels[name] as string}
              hint={name === 'summary' ? t('projectIdeas.editor.publishHint') : undefined}
              value={v(name)}
              error={errors[name]}
              maxlength={name === 'summary' ? 2000 : 10000}
              rows={name === 'summary' ? 3 : 6}
              dir={textDir}
              lang={lang}
            />
          ))}
        </fieldset>
        <TextField
          i18n={i18n}
          name="city"
          label={labels.city as string}
          value={v('city')}
          error={errors.city}
          required
          maxlength={200}
          dir="auto"
        />
        <CountrySelect
          i18n={i18n}
          label={labels.country as string}
          placeholder={t('events.registration.chooseCountry')}
          countries={props.countries}
          value={v('country')}
          error={errors.country}
        />
        <ThemeTopicChoices
          i18n={i18n}
          taxonomy={props.taxonomy}
          themes={props.themes}
          topics={props.topics}
          errors={errors}
          labels={{ themes: labels.themes as string, topics: labels.topics as string }}
        />
        <TextField
          i18n={i18n}
          name="budget"
          label={labels.budget as string}
          hint={t('projectIdeas.editor.budgetHint')}
          value={v('budget')}
          error={errors.budget}
          maxlength={16}
          dir="ltr"
        />
        <SelectField
          i18n={i18n}
          name="callId"
          label={t('projectIdeas.call')}
          value={v('callId')}
          empty={t('projectIdeas.editor.noCall')}
          options={props.calls.map((c) => [String(c.id), c.title])}
        />
        <SelectField
          i18n={i18n}
          name="status"
          label={t('projectIdeas.editor.statusLabel')}
          value={v('status') || 'draft'}
          options={(['draft', 'published'] as const).map((s) => [s, t(`projectIdeas.editor.status.${s}`)])}
        />
        <button type="submit" class="button">
          {t('projectIdeas.editor.save')}
        </button>
      </form>
    </>
  );
}
