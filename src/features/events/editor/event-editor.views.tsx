import { DocumentsPanel } from '../../../core/uploads/uploads.views.tsx';
import { EditorHeader } from '../../../platform/ui/components/editor-page.tsx';
import { TextLanguageTabs } from '../../../platform/ui/components/language-tabs.tsx';
import { CsrfField, ErrorSummary } from '../../../platform/ui/forms.tsx';
import {
  AfterwardsFieldset,
  type EventFormPageProps,
  eventFormKit,
  RegistrationFieldset,
  TextsFieldset,
  ThemesFieldset,
  WhatFieldset,
  WhereFieldset,
} from './event-form-fields.views.tsx';

// The editors' event form: the texts in one language at a time (a tab per language), then the
// fieldsets of event-form-fields.views.tsx; below it, the documents of the documentation.

export function EventFormPage(props: EventFormPageProps) {
  const { i18n, errors, lang, event } = props;
  const { t, locale } = i18n;
  const kit = eventFormKit(props);
  const base = event ? `/${locale}/editor/events/${event.slug}` : `/${locale}/editor/events`;
  return (
    <>
      <EditorHeader
        back={{ href: `/${locale}/editor/events`, label: t('events.admin.title') }}
        title={event ? t('eventEditor.editTitle') : t('eventEditor.new')}
        notice={props.notice}
      />
      {event ? (
        <p>
          <a href={`/${locale}/events/${event.slug}`}>{t('events.admin.publicPage')}</a> ·{' '}
          <a href={`${base}/registrations`}>{t('events.admin.participants')}</a>
        </p>
      ) : null}
      {event ? (
        <TextLanguageTabs
          i18n={i18n}
          label={t('eventEditor.textLanguage')}
          href={(l) => `${base}/edit?lang=${l}`}
          current={lang}
          written={event.languages}
          notWritten={t('eventEditor.notWritten')}
        />
      ) : null}
      <form method="post" action={event ? `${base}/edit?lang=${lang}` : `${base}/new?lang=${lang}`} novalidate class="practice-editor">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="lang" value={lang} />
        <ErrorSummary i18n={i18n} errors={errors} labels={kit.labels} />
        <TextsFieldset kit={kit} />
        <WhatFieldset kit={kit} />
        <WhereFieldset kit={kit} />
        <RegistrationFieldset kit={kit} />
        <ThemesFieldset kit={kit} />
        <AfterwardsFieldset kit={kit} />
        <button type="submit" class="button">
          {t('eventEditor.save')}
        </button>
      </form>
      {event ? (
        <DocumentsPanel
          i18n={i18n}
          heading={t('eventEditor.documents')}
          documents={event.documents}
          action={`${base}/documents`}
          csrfToken={props.csrfToken}
          error={props.documentError}
        />
      ) : null}
    </>
  );
}
