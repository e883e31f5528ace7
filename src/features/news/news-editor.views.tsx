import type { I18n } from '../../platform/i18n/i18n.ts';
import { directionOf, LOCALES } from '../../platform/i18n/locales.ts';
import { CheckboxGroup } from '../../platform/ui/choice-fields.tsx';
import { DataTable, EditorHeader } from '../../platform/ui/components/editor-page.tsx';
import { CsrfField, ErrorSummary } from '../../platform/ui/forms.tsx';
import type { NewsFormErrors } from './news.forms.ts';
import type { NewsRecord } from './news.queries.ts';
import { NEWS_LIMITS } from './news.table.ts';
import { Field } from './news-field.views.tsx';
import { isComplete } from './news-record.service.ts';

// Editors' pages: the list of articles and one article's form (its picture: news-picture.views.tsx).

export type NewsFormValues = Record<string, string | string[]>;
type Choices = { themes: Array<[string, string]>; regions: Array<[string, string]> };

const titleOf = (r: NewsRecord, locale: string) => (r.texts.find((t) => t.locale === locale) ?? r.texts[0])?.title ?? r.slug;

export function EditorNewsPage({ i18n, records, notice }: { i18n: I18n; records: NewsRecord[]; notice?: string }) {
  const { t, locale } = i18n;
  return (
    <>
      <EditorHeader
        title={t('news.editor.title')}
        notice={notice}
        action={{ href: `/${locale}/editor/news/new`, label: t('news.editor.new') }}
      />
      {/* A phone may be narrower than the table: it scrolls on its own, the page does not. */}
      <section class="table-scroll" tabindex={0} aria-label={t('news.editor.title')}>
        <DataTable
          caption={t('news.editor.title')}
          columns={[t('news.editor.article'), t('news.editor.statusLabel'), t('news.editor.languages')]}
        >
          {records.map((r) => (
            <tr>
              <td>
                <a href={`/${locale}/editor/news/${r.slug}`} dir="auto">
                  {titleOf(r, locale)}
                </a>
              </td>
              <td>
                {t(`news.editor.status.${r.status}`)}
                {r.published_at ? ` · ${i18n.formatDate(r.published_at.toISOString().slice(0, 10), 'medium')}` : ''}
              </td>
              <td>{r.texts.map((x) => x.locale).join(' ')}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  );
}

export function NewsFormPage(props: {
  i18n: I18n;
  record: NewsRecord | null;
  values: NewsFormValues;
  errors: NewsFormErrors;
  choices: Choices;
  csrfToken: string;
  notice?: string;
}) {
  const { i18n, record, values, errors } = props;
  const { t, locale } = i18n;
  const v = (k: string) => {
    const value = values[k];
    return typeof value === 'string' ? value : '';
  };
  const many = (k: string) => {
    const value = values[k];
    return Array.isArray(value) ? value : value ? [value] : [];
  };
  const base = record ? `/${locale}/editor/news/${record.slug}` : `/${locale}/editor/news/new`;
  const problems = Object.entries(errors).map(([field, e]): [string, string] => [field, t(e.key, e.values)]);
  // Each language's texts: title, lead and body, named `<field>_<locale>`.
  const texts = [
    { name: 'title', label: t('news.editor.titleLabel'), maxlength: NEWS_LIMITS.title },
    { name: 'lead', label: t('news.editor.lead'), rows: 3, maxlength: NEWS_LIMITS.lead },
    { name: 'body', label: t('news.editor.body'), hint: t('news.editor.bodyHint'), rows: 12, maxlength: NEWS_LIMITS.body },
  ];
  return (
    <>
      <EditorHeader
        back={{
          href: `/${locale}/editor/news`,
          label: t('news.editor.title'),
          note: record ? t(`news.editor.status.${record.status}`) : undefined,
        }}
        title={record ? titleOf(record, locale) : t('news.editor.new')}
        titleIsContent={Boolean(record)}
        notice={props.notice}
      />
      {record ? (
        <p>
          <a href={record.status === 'published' ? `/${locale}/news/${record.slug}` : `${base}/preview`}>
            {record.status === 'published' ? t('news.editor.publicPage') : t('news.editor.preview')}
          </a>
        </p>
      ) : null}
      <form method="post" action={record ? base : base} novalidate class="form">
        <CsrfField token={props.csrfToken} />
        <ErrorSummary i18n={i18n} errors={{}} labels={{}} worded={problems} />
        <p class="hint" id="field-translations">
          {t('news.editor.languagesHint')}
        </p>
        {errors.translations ? <p class="field-error">{t(errors.translations.key, errors.translations.values)}</p> : null}
        {LOCALES.map((l) => (
          <fieldset lang={l} dir={directionOf(l)}>
            <legend lang={locale} dir={directionOf(locale)}>
              {i18n.languageName(l)}
              {record && isComplete(record.texts.find((x) => x.locale === l)) ? '' : ` (${t('news.editor.incomplete')})`}
            </legend>
            {texts.map((text) => (
              <Field {...text} i18n={i18n} name={`${text.name}_${l}`} value={v(`${text.name}_${l}`)} error={errors[`${text.name}_${l}`]} />
            ))}
          </fieldset>
        ))}
        <CheckboxGroup i18n={i18n} name="themes" legend={t('news.themes')} options={props.choices.themes} selected={many('themes')} />
        {errors.themes ? <p class="field-error">{t(errors.themes.key, errors.themes.values)}</p> : null}
        <CheckboxGroup i18n={i18n} name="regions" legend={t('news.regions')} options={props.choices.regions} selected={many('regions')} />
        {errors.regions ? <p class="field-error">{t(errors.regions.key, errors.regions.values)}</p> : null}
        <Field
          i18n={i18n}
          name="countries"
          label={t('news.countries')}
          hint={t('news.editor.countriesHint')}
          value={v('countries')}
          error={errors.countries}
          maxlength={400}
        />
        <Field
          i18n={i18n}
          name="related"
          label={t('news.editor.related')}
          hint={t('news.editor.relatedHint')}
          value={v('related')}
          error={errors.related}
          rows={4}
          maxlength={3000}
        />
        <Field
          i18n={i18n}
          name="publishedAt"
          type="date"
          label={t('news.editor.publishedAt')}
          hint={t('news.editor.publishedAtHint')}
          value={v('publishedAt')}
          error={errors.publishedAt}
        />
        <div class="actions">
          <button type="submit" class="button" name="intent" value="save">
            {t('news.editor.save')}
          </button>{' '}
          {record?.status === 'published' ? (
            <button type="submit" class="button secondary" name="intent" value="unpublish">
              {t('news.editor.unpublish')}
            </button>
          ) : (
            <button type="submit" class="button secondary" name="intent" value="publish">
              {t('news.editor.publish')}
            </button>
          )}
        </div>
      </form>
    </>
  );
}

/** The form's values from a stored article. */
export function valuesOf(record: NewsRecord): NewsFormValues {
  const values: NewsFormValues = {
    themes: record.themes,
    regions: record.regions,
    countries: record.countries.join(', '),
    related: record.related.map((r) => `${r.kind}:${r.ref}`).join('\n'),
    publishedAt: record.published_at ? record.published_at.toISOString().slice(0, 10) : '',
  };
  for (const text of record.texts) {
    values[`title_${text.locale}`] = text.title;
    values[`lead_${text.locale}`] = text.lead;
    values[`body_${text.locale}`] = text.body;
  }
  return values;
}
