import { uploadUrl } from '../../core/uploads/uploads.service.ts';
import { megabytes } from '../../core/uploads/uploads.views.tsx';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { directionOf, type Locale } from '../../platform/i18n/locales.ts';
import { Checkbox, CheckboxGroup, LanguageChoices } from '../../platform/ui/choice-fields.tsx';
import { EditorHeader } from '../../platform/ui/components/editor-page.tsx';
import { TextLanguageTabs } from '../../platform/ui/components/language-tabs.tsx';
import { boundFields, PublishStatusSelect, TextsInLanguage, ThemeAndRegionChoices } from '../../platform/ui/editor-fields.tsx';
import { FileField } from '../../platform/ui/file-field.tsx';
import { CsrfField, ErrorSummary, type FormErrors } from '../../platform/ui/forms.tsx';
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

export function PublicationFormPage(props: PublicationFormProps) {
  const { i18n, values, errors, lang, publication: p } = props;
  const { t, locale } = i18n;
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
  const fields = boundFields({ i18n, values, errors, labels });
  const { v } = fields;
  const refusals: Array<[string, string]> = [
    ...(props.file ? [['file', `${t('publications.editor.file')}: ${message(props.file)}`] as [string, string]] : []),
    ...(props.cover ? [['cover', `${t('publications.editor.cover')}: ${message(props.cover)}`] as [string, string]] : []),
  ];
  // A refused file's message is already worded (the uploads module's refusals carry values).
  const upload = (name: 'file' | 'cover', label: string, hint: string, accept: string) => (
    <FileField i18n={i18n} name={name} label={label} hint={hint} accept={accept} message={message(props[name])} />
  );
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
        <ErrorSummary i18n={i18n} errors={errors} labels={labels} worded={refusals} />
        <TextsInLanguage
          legend={t('publications.editor.texts', { language: i18n.languageName(lang) })}
          lang={lang}
          fields={fields}
          texts={[
            { name: 'title', required: true, maxlength: TITLE_MAX },
            { name: 'summary', hint: t('publications.editor.summaryHint'), maxlength: SUMMARY_MAX, rows: 8 },
          ]}
        />
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
          {upload('file', t('publications.editor.file'), t('publications.editor.fileHint'), 'application/pdf,.pdf')}
          {fields.text('url', { hint: t('publications.editor.urlHint'), maxlength: URL_MAX, dir: 'ltr' })}
          <LanguageChoices
            i18n={i18n}
            name="languages"
            legend={labels.languages as string}
            selected={props.lists.languages}
            error={errors.languages}
            hint={t('publications.editor.languagesHint')}
          />
        </fieldset>
        {fields.select(
          'kind',
          PUBLICATION_KINDS.map((k) => [k, t(`publications.kind.${k}`)]),
          { empty: t('publications.editor.chooseKind'), required: true },
        )}
        {fields.text('year', { required: true, maxlength: 4, dir: 'ltr' })}
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
          {upload('cover', t('publications.editor.coverFile'), t('publications.editor.coverHint'), 'image/jpeg,image/png,image/webp')}
          {fields.text('coverAlt', { maxlength: COVER_ALT_MAX, dir: directionOf(lang), lang })}
        </fieldset>
        {fields.select(
          'eventId',
          props.events.map((e) => [String(e.id), `${e.title} (${e.starts_at.slice(0, 10)})`]),
          { empty: t('publications.editor.noEvent') },
        )}
        <ThemeAndRegionChoices
          i18n={i18n}
          legends={{ themes: labels.themes as string, regions: labels.regions as string }}
          themes={props.themes}
          regions={props.regions}
          selected={props.lists}
          errors={errors}
        />
        <PublishStatusSelect
          i18n={i18n}
          label={t('publications.editor.statusLabel')}
          value={v('status')}
          text={(s) => t(`publications.editor.status.${s}`)}
        />
        <button type="submit" class="button">
          {t('publications.editor.save')}
        </button>
      </form>
    </>
  );
}
