import type { ThemeWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { directionOf, type Locale } from '../../platform/i18n/locales.ts';
import { CheckboxGroup, SelectField } from '../../platform/ui/choice-fields.tsx';
import { DataTable, EditorHeader } from '../../platform/ui/components/editor-page.tsx';
import { TextLanguageTabs } from '../../platform/ui/components/language-tabs.tsx';
import { CsrfField, ErrorSummary, FieldFrame, type FormErrors, TextArea, TextField } from '../../platform/ui/forms.tsx';
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

function FileField(props: { i18n: I18n; name: string; label: string; hint: string; accept: string; message?: string; error?: string }) {
  return (
    <FieldFrame
      i18n={props.i18n}
      name={props.name}
      label={props.label}
      hint={props.message ? `${props.hint} — ${props.message}` : props.hint}
      error={props.error}
      control={({ names, aria }) => <input type="file" {...names} accept={props.accept} {...aria} />}
    />
  );
}

export function VideoFormPage(props: VideoFormProps) {
  const { i18n, values, errors, lang, video } = props;
  const { t, locale } = i18n;
  const v = (k: string) => values[k] ?? '';
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
  const dir = directionOf(lang);
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
        <fieldset>
          <legend>{t('videos.editor.texts', { language: i18n.languageName(lang) })}</legend>
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
            name="description"
            label={labels.description as string}
            hint={t('videos.editor.markdownHint')}
            value={v('description')}
            error={errors.description}
            maxlength={DESCRIPTION_MAX}
            rows={6}
            dir={dir}
            lang={lang}
          />
          <TextArea
            i18n={i18n}
            name="transcript"
            label={labels.transcript as string}
            value={v('transcript')}
            error={errors.transcript}
            maxlength={TRANSCRIPT_MAX}
            rows={6}
            dir={dir}
            lang={lang}
          />
          <FileField
            i18n={i18n}
            name="captions"
            label={labels.captions as string}
            hint={t('videos.editor.captionsHint')}
            accept=".vtt,text/vtt"
            message={props.fileMessages.captions}
            error={errors.captions}
          />
        </fieldset>
        <SelectField
          i18n={i18n}
          name="provider"
          label={labels.provider as string}
          value={v('provider') || 'youtube'}
          error={errors.provider}
          options={[
            ['youtube', 'YouTube'],
            ['vimeo', 'Vimeo'],
            ['file', t('videos.editor.providerFile')],
          ]}
        />
        <TextField
          i18n={i18n}
          name="providerId"
          label={labels.providerId as string}
          hint={t('videos.editor.providerIdHint')}
          value={v('providerId')}
          error={errors.providerId}
          maxlength={500}
          dir="ltr"
        />
        <FileField
          i18n={i18n}
          name="file"
          label={labels.file as string}
          hint={t('videos.editor.fileHint')}
          accept="video/mp4,video/webm"
          message={props.fileMessages.file}
          error={errors.file}
        />
        <FileField
          i18n={i18n}
          name="poster"
          label={labels.poster as string}
          hint={t('videos.editor.posterHint')}
          accept="image/jpeg,image/png,image/webp"
          message={props.fileMessages.poster}
          error={errors.poster}
        />
        <TextField
          i18n={i18n}
          name="duration"
          label={labels.duration as string}
          hint={t('videos.editor.durationHint')}
          value={v('duration')}
          error={errors.duration}
          required
          maxlength={10}
          dir="ltr"
        />
        <TextField
          i18n={i18n}
          name="recordedAt"
          type="date"
          label={labels.recordedAt as string}
          value={v('recordedAt')}
          error={errors.recordedAt}
          required
        />
        <SelectField
          i18n={i18n}
          name="eventId"
          label={labels.eventId as string}
          value={v('eventId')}
          error={errors.eventId}
          empty={t('videos.editor.noEvent')}
          options={props.events.map((e) => [String(e.id), `${e.title} (${e.starts_at.toISOString().slice(0, 10)})`])}
        />
        <CheckboxGroup
          i18n={i18n}
          name="themes"
          legend={labels.themes as string}
          options={props.themeChoices.map((th) => [th.slug, th.label])}
          selected={props.themes}
          error={errors.themes}
        />
        <CheckboxGroup
          i18n={i18n}
          name="regions"
          legend={labels.regions as string}
          options={props.regionChoices.map((r) => [r, t(`common.regions.${r}`)])}
          selected={props.regions}
          error={errors.regions}
        />
        <SelectField
          i18n={i18n}
          name="status"
          label={t('videos.editor.statusLabel')}
          value={v('status') || 'draft'}
          options={(['draft', 'published'] as const).map((s) => [s, t(`videos.editor.status.${s}`)])}
        />
        <button type="submit" class="button">
          {t('videos.editor.save')}
        </button>
      </form>
    </>
  );
}
