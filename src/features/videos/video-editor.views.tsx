import type { ThemeWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { DataTable, EditorHeader } from '../../platform/ui/components/editor-page.tsx';
import { TextLanguageTabs } from '../../platform/ui/components/language-tabs.tsx';
import { boundFields, PublishStatusSelect, TextsInLanguage, ThemeAndRegionChoices } from '../../platform/ui/editor-fields.tsx';
import { FileField } from '../../platform/ui/file-field.tsx';
import { CsrfField, ErrorSummary, type FormErrors } from '../../platform/ui/forms.tsx';
import { DESCRIPTION_MAX, TITLE_MAX, TRANSCRIPT_MAX } from './videos.forms.ts';
import type { VideoRecord } from './videos.queries.ts';
import type { VideoStatus } from './videos.table.ts';

// Editors' pages for videos: the list and the form (one language's texts per save, the recording's
// facts and its files). A refused file's own message stands next to its field.

export function EditorVideosPage({
  i18n,
  rows,
}: {
  i18n: I18n;
  rows: Array<{ slug: string; title: string; status: VideoStatus; recorded_at: string }>;
}) {
  const { t, locale } = i18n;
  return (
    <>
      <EditorHeader title={t('videos.editor.title')} action={{ href: `/${locale}/editor/videos/new`, label: t('videos.editor.new') }} />
      {rows.length === 0 ? (
        <p class="empty">{t('videos.none')}</p>
      ) : (
        <DataTable
          caption={t('videos.editor.title')}
          columns={[t('videos.editor.titleLabel'), t('videos.recorded'), t('videos.editor.statusLabel')]}
        >
          {rows.map((r) => (
            <tr>
              <td>
                <a href={`/${locale}/editor/videos/${r.slug}/edit`} dir="auto">
                  {r.title}
                </a>
              </td>
              <td>{i18n.formatDate(r.recorded_at, 'medium')}</td>
              <td>{t(`videos.editor.status.${r.status}`)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

export type VideoFormProps = {
  i18n: I18n;
  video: VideoRecord | null;
  lang: Locale;
  values: Record<string, string>;
  themes: string[];
  regions: string[];
  errors: FormErrors;
  fileMessages: Record<string, string>;
  themeChoices: ThemeWithTopics[];
  regionChoices: string[];
  /** Newest first; the date tells apart the sessions of a series with the same title. */
  events: Array<{ id: number; title: string; starts_at: Date }>;
  csrfToken: string;
};

export function VideoFormPage(props: VideoFormProps) {
  const { i18n, values, errors, lang, video } = props;
  const { t, locale } = i18n;
  const labels: Record<string, string> = {
    title: t('videos.editor.titleLabel'),
    description: t('videos.editor.description'),
    transcript: t('videos.transcript'),
    provider: t('videos.editor.provider'),
    providerId: t('videos.editor.providerId'),
    duration: t('videos.duration'),
    recordedAt: t('videos.recorded'),
    eventId: t('videos.event'),
    poster: t('videos.editor.poster'),
    file: t('videos.editor.file'),
    captions: t('videos.editor.captions'),
    themes: t('videos.theme'),
    regions: t('videos.region'),
  };
  const base = video ? `/${locale}/editor/videos/${video.slug}` : `/${locale}/editor/videos`;
  const action = video ? `${base}/edit?lang=${lang}` : `${base}/new?lang=${lang}`;
  const fields = boundFields({ i18n, values, errors, labels });
  const { v } = fields;
  // A refused file's own message follows the field's hint; its error (a key) says that it was refused.
  const file = (name: string, hint: string, accept: string) => {
    const message = props.fileMessages[name];
    return (
      <FileField
        i18n={i18n}
        name={name}
        label={labels[name] as string}
        hint={message ? `${hint} — ${message}` : hint}
        error={errors[name]}
        accept={accept}
      />
    );
  };
  return (
    <>
      <EditorHeader
        back={{ href: `/${locale}/editor/videos`, label: t('videos.editor.title') }}
        title={video ? t('videos.editor.editTitle') : t('videos.editor.new')}
        notice={v('notice') === 'saved' ? t('videos.editor.saved') : undefined}
      />
      {video ? (
        <>
          <p>
            <a href={`/${locale}/videos/${video.slug}`}>{t('videos.editor.view')}</a>
          </p>
          <TextLanguageTabs
            i18n={i18n}
            label={t('videos.editor.language')}
            href={(l) => `${base}/edit?lang=${l}`}
            current={lang}
            written={video.texts.map((x) => x.locale)}
            notWritten={t('videos.editor.notWritten')}
          />
        </>
      ) : null}
      <form method="post" action={action} enctype="multipart/form-data" novalidate class="practice-editor">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="lang" value={lang} />
        <ErrorSummary i18n={i18n} errors={errors} labels={labels} />
        <TextsInLanguage
          legend={t('videos.editor.texts', { language: i18n.languageName(lang) })}
          lang={lang}
          fields={fields}
          texts={[
            { name: 'title', required: true, maxlength: TITLE_MAX },
            { name: 'description', hint: t('videos.editor.markdownHint'), maxlength: DESCRIPTION_MAX, rows: 6 },
            { name: 'transcript', maxlength: TRANSCRIPT_MAX, rows: 6 },
          ]}
        >
          {file('captions', t('videos.editor.captionsHint'), '.vtt,text/vtt')}
        </TextsInLanguage>
        {fields.select(
          'provider',
          [
            ['youtube', 'YouTube'],
            ['vimeo', 'Vimeo'],
            ['file', t('videos.editor.providerFile')],
          ],
          { value: v('provider') || 'youtube' },
        )}
        {fields.text('providerId', { hint: t('videos.editor.providerIdHint'), maxlength: 500, dir: 'ltr' })}
        {file('file', t('videos.editor.fileHint'), 'video/mp4,video/webm')}
        {file('poster', t('videos.editor.posterHint'), 'image/jpeg,image/png,image/webp')}
        {fields.text('duration', { hint: t('videos.editor.durationHint'), required: true, maxlength: 10, dir: 'ltr' })}
        {fields.text('recordedAt', { type: 'date', required: true })}
        {fields.select(
          'eventId',
          props.events.map((e) => [String(e.id), `${e.title} (${e.starts_at.toISOString().slice(0, 10)})`]),
          { empty: t('videos.editor.noEvent') },
        )}
        <ThemeAndRegionChoices
          i18n={i18n}
          legends={{ themes: labels.themes as string, regions: labels.regions as string }}
          themes={props.themeChoices}
          regions={props.regionChoices}
          selected={{ themes: props.themes, regions: props.regions }}
          errors={errors}
        />
        <PublishStatusSelect
          i18n={i18n}
          label={t('videos.editor.statusLabel')}
          value={v('status')}
          text={(s) => t(`videos.editor.status.${s}`)}
        />
        <button type="submit" class="button">
          {t('videos.editor.save')}
        </button>
      </form>
    </>
  );
}
