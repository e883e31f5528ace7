import { uploadUrl } from '../../core/uploads/uploads.service.ts';
import { megabytes } from '../../core/uploads/uploads.views.tsx';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { directionOf, type Locale } from '../../platform/i18n/locales.ts';
import { Checkbox, CheckboxGroup, LanguageChoices, SelectField } from '../../platform/ui/choice-fields.tsx';
import { EditorHeader } from '../../platform/ui/components/editor-page.tsx';
import { TextLanguageTabs } from '../../platform/ui/components/language-tabs.tsx';
import { CsrfField, type FormErrors, TextArea, TextField } from '../../platform/ui/forms.tsx';
import type { FileMessage } from './publication-editor.service.ts';
import { COVER_ALT_MAX, SUMMARY_MAX, TITLE_MAX, URL_MAX } from './publications.forms.ts';
import type { PublicationRecord } from './publications.queries.ts';
import { PUBLICATION_KINDS } from './publications.table.ts';

// The editors' form for a publication: one language's texts per save, the facts, the document as an
// uploaded PDF or a link (exactly one), the cover.

export type PublicationFormProps = {
  i18n: I18n;
  publication: PublicationRecord | null;
  lang: Locale;
  values: Record<string, string>;
  lists: { languages: string[]; themes: string[]; regions: string[] };
  errors: FormErrors;
  file?: FileMessage;
  cover?: FileMessage;
  themes: Array<{ slug: string; label: string }>;
  regions: string[];
  events: Array<{ id: number; title: string; starts_at: string }>;
  csrfToken: string;
};

/** A file field: its message is already translated (the uploads module's refusals carry values). */
function FileField(props: { name: string; label: string; hint: string; accept: string; message?: string }) {
  const id = `field-${props.name}`;
  const described = [`${id}-hint`, props.message ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div class={props.message ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <p class="hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      {props.message ? (
        <p class="field-error" id={`${id}-error`}>
          {props.message}
        </p>
      ) : null}
      <input
        type="file"
        id={id}
        name={props.name}
        accept={props.accept}
        aria-invalid={props.message ? 'true' : undefined}
        aria-describedby={described}
      />
    </div>
  );
}

export function PublicationFormPage(props: PublicationFormProps) {
  const { i18n, values, errors, lang, publication: p } = props;
  const { t, locale } = i18n;
  const v = (k: string) => values[k] ?? '';
  const dir = directionOf(lang);
  const message = (m?: FileMessage) => (m ? t(m.key, m.values) : undefined);
  const labels: Record<string, string> = {
    title: t('publications.editor.titleLabel'),
    summary: t('publications.editor.summary'),
    coverAlt: t('publications.editor.coverAlt'),
    kind: t('publications.kindLabel'),
    year: t('publications.year'),
    languages: t('publications.documentLanguage'),
    themes: t('publications.theme'),
    regions: t('publications.region'),
    eventId: t('publications.documentsEvent'),
    url: t('publications.editor.url'),
    form: t('publications.editor.title'),
  };
  const problems = [
    ...Object.entries(errors).map(([field, key]) => [field, `${labels[field] ? `${labels[field]}: ` : ''}${t(`forms.errors.${key}`)}`]),
    ...(props.file ? [['file', `${t('publications.editor.file')}: ${message(props.file)}`]] : []),
    ...(props.cover ? [['cover', `${t('publications.editor.cover')}: ${message(props.cover)}`]] : []),
  ];
  const base = p ? `/${locale}/editor/publications/${p.slug}` : `/${locale}/editor/publications`;
  const action = p ? `${base}/edit?lang=${lang}` : `${base}/new?lang=${lang}`;
  return (
    <>
      <EditorHeader
        back={{ href: `/${locale}/editor/publications`, label: t('publications.editor.title') }}
        title={p ? t('publications.editor.editTitle') : t('publications.editor.new')}
      />
      {p ? (
        <>
          <TextLanguageTabs
            i18n={i18n}
            label={t('publications.editor.language')}
            href={(l) => `${base}/edit?lang=${l}`}
            current={lang}
            written={p.texts.map((x) => x.locale)}
            notWritten={t('publications.editor.notWritten')}
          />
          <p>
            <a href={`/${locale}/publications/${p.slug}`}>{t('publications.editor.view')}</a>
          </p>
        </>
      ) : null}
      <form method="post" action={action} enctype="multipart/form-data" novalidate class="practice-editor">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="lang" value={lang} />
        {problems.length ? (
          <div class="error-summary" role="alert" tabindex={-1} autofocus aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">{t('forms.errorSummary', { count: problems.length })}</h2>
            <ul>
              {problems.map(([field, text]) => (
                <li>{field === 'form' ? text : <a href={`#field-${field}`}>{text}</a>}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <fieldset>
          <legend>{t('publications.editor.texts', { language: i18n.languageName(lang) })}</legend>
          <TextField
            i18n={i18n}
            name="title"
            label={labels.title as string}
            value={v('title')}
            error={errors.title}
            required
            maxlength={TITLE_MAX}
            dir={dir}
            lang={lang}
          />
          <TextArea
            i18n={i18n}
            name="summary"
            label={labels.summary as string}
            hint={t('publications.editor.summaryHint')}
            value={v('summary')}
            error={errors.summary}
            maxlength={SUMMARY_MAX}
            rows={8}
            dir={dir}
            lang={lang}
          />
        </fieldset>
        <fieldset>
          <legend>{t('publications.document')}</legend>
          <CheckboxGroup
            i18n={i18n}
            type="radio"
            name="source"
            legend={t('publications.editor.source')}
            options={[
              ['file', t('publications.editor.sourceFile')],
              ['link', t('publications.editor.sourceLink')],
            ]}
            selected={[v('source') || 'file']}
          />
          {p?.file ? (
            <p class="meta">
              {t('publications.editor.currentFile')}{' '}
              <a href={uploadUrl(p.file.sha256, 'document')} dir="auto">
                {p.file.original_name}
              </a>{' '}
              {t('publications.fileSize', { size: megabytes(p.file.bytes) })}
            </p>
          ) : null}
          <FileField
            name="file"
            label={t('publications.editor.file')}
            hint={t('publications.editor.fileHint')}
            accept="application/pdf,.pdf"
            message={message(props.file)}
          />
          <TextField
            i18n={i18n}
            name="url"
            label={labels.url as string}
            hint={t('publications.editor.urlHint')}
            value={v('url')}
            error={errors.url}
            maxlength={URL_MAX}
            dir="ltr"
          />
          <LanguageChoices
            i18n={i18n}
            name="languages"
            legend={labels.languages as string}
            selected={props.lists.languages}
            error={errors.languages}
            hint={t('publications.editor.languagesHint')}
          />
        </fieldset>
        <SelectField
          i18n={i18n}
          name="kind"
          label={labels.kind as string}
          value={v('kind')}
          error={errors.kind}
          empty={t('publications.editor.chooseKind')}
          required
          options={PUBLICATION_KINDS.map((k) => [k, t(`publications.kind.${k}`)])}
        />
        <TextField
          i18n={i18n}
          name="year"
          label={labels.year as string}
          value={v('year')}
          error={errors.year}
          required
          maxlength={4}
          dir="ltr"
        />
        <fieldset>
          <legend>{t('publications.editor.cover')}</legend>
          {p?.cover ? (
            <>
              <img
                src={uploadUrl(p.cover.sha256, 'image', 'small')}
                alt={v('coverAlt')}
                width={160}
                height={Math.round((160 * p.cover.height) / Math.max(1, p.cover.width))}
              />
              <Checkbox
                i18n={i18n}
                name="removeCover"
                value="yes"
                label={t('publications.editor.removeCover')}
                checked={v('removeCover') === 'yes'}
              />
            </>
          ) : null}
          <FileField
            name="cover"
            label={t('publications.editor.coverFile')}
            hint={t('publications.editor.coverHint')}
            accept="image/jpeg,image/png,image/webp"
            message={message(props.cover)}
          />
          <TextField
            i18n={i18n}
            name="coverAlt"
            label={labels.coverAlt as string}
            value={v('coverAlt')}
            error={errors.coverAlt}
            maxlength={COVER_ALT_MAX}
            dir={dir}
            lang={lang}
          />
        </fieldset>
        <SelectField
          i18n={i18n}
          name="eventId"
          label={labels.eventId as string}
          value={v('eventId')}
          error={errors.eventId}
          empty={t('publications.editor.noEvent')}
          options={props.events.map((e) => [String(e.id), `${e.title} (${e.starts_at.slice(0, 10)})`])}
        />
        <CheckboxGroup
          i18n={i18n}
          name="themes"
          legend={labels.themes as string}
          options={props.themes.map((th) => [th.slug, th.label])}
          selected={props.lists.themes}
          error={errors.themes}
        />
        <CheckboxGroup
          i18n={i18n}
          name="regions"
          legend={labels.regions as string}
          options={props.regions.map((r) => [r, t(`common.regions.${r}`)])}
          selected={props.lists.regions}
          error={errors.regions}
        />
        <SelectField
          i18n={i18n}
          name="status"
          label={t('publications.editor.statusLabel')}
          value={v('status') || 'draft'}
          options={(['draft', 'published'] as const).map((s) => [s, t(`publications.editor.status.${s}`)])}
        />
        <button type="submit" class="button">
          {t('publications.editor.save')}
        </button>
      </form>
    </>
  );
}
