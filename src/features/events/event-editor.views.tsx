import type { ThemeWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import { ThemeTopicChoices } from '../../core/taxonomy/taxonomy.views.tsx';
import type { AttachedDocument } from '../../core/uploads/uploads.service.ts';
import { DocumentsPanel } from '../../core/uploads/uploads.views.tsx';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { directionOf, type Locale } from '../../platform/i18n/locales.ts';
import { TextLanguageTabs } from '../../platform/ui/components/language-tabs.tsx';
import {
  CheckboxGroup,
  CountrySelect,
  CsrfField,
  ErrorSummary,
  type FormErrors,
  SelectField,
  TextArea,
  TextField,
} from '../../platform/ui/forms.tsx';
import type { GroupChoice } from './event-editor.queries.ts';
import type { EventFormValues } from './event-editor.service.ts';
import { EVENT_FORMATS, EVENT_KINDS, EVENT_STATUSES, REGISTRATION_QUESTIONS } from './events.table.ts';

// The editors' event form: the texts in one language at a time (a tab per language), then what, when,
// where, registration, themes, hosts and partners, and what happened afterwards; below it, the
// documents of the documentation.

export type EventFormPageProps = {
  i18n: I18n;
  event: { slug: string; languages: string[]; documents: AttachedDocument[] } | null;
  lang: Locale;
  form: EventFormValues;
  errors: FormErrors;
  taxonomy: ThemeWithTopics[];
  countries: Array<{ code: string; name: string }>;
  regions: string[];
  series: GroupChoice[];
  processes: GroupChoice[];
  csrfToken: string;
  notice?: string;
  documentError?: { message: string; title: string };
};

const WALL_CLOCK = ['startsAt', 'endsAt', 'registrationOpensAt', 'registrationClosesAt'] as const;

export function EventFormPage(props: EventFormPageProps) {
  const { i18n, form, errors, lang, event } = props;
  const { t, locale } = i18n;
  const v = (k: string) => form.values[k] ?? '';
  const label = (k: string) => t(`eventEditor.fields.${k}`);
  const labels = Object.fromEntries(
    [
      'title',
      'summary',
      'programme',
      'documentation',
      'kind',
      'format',
      'status',
      ...WALL_CLOCK,
      'timeZone',
      'city',
      'country',
      'region',
      'venue',
      'joinUrl',
      'capacity',
      'questions',
      'themes',
      'topics',
      'languages',
      'hosts',
      'partners',
      'recordings',
      'practices',
      'series',
      'learningProcess',
      'reportedParticipants',
      'reportedMunicipalities',
      'reportedCountries',
    ].map((k) => [k, label(k)]),
  );
  const base = event ? `/${locale}/editor/events/${event.slug}` : `/${locale}/editor/events`;
  const textDir = directionOf(lang);
  const field = (
    name: string,
    extra: { hint?: string; maxlength?: number; dir?: 'auto' | 'ltr'; type?: 'datetime-local'; required?: boolean } = {},
  ) => <TextField i18n={i18n} name={name} label={labels[name] as string} value={v(name)} error={errors[name]} dir="auto" {...extra} />;
  const choose = (name: string, options: Array<[string, string]>, extra: { hint?: string; empty?: string } = {}) => (
    <SelectField i18n={i18n} name={name} label={labels[name] as string} value={v(name)} error={errors[name]} options={options} {...extra} />
  );
  const area = (
    name: string,
    rows: number,
    extra: { hint?: string; maxlength?: number; lang?: string; dir?: 'auto' | 'ltr' | 'rtl' } = {},
  ) => (
    <TextArea
      i18n={i18n}
      name={name}
      label={labels[name] as string}
      value={v(name)}
      error={errors[name]}
      rows={rows}
      dir="auto"
      {...extra}
    />
  );
  return (
    <>
      <p class="kicker">
        <a href={`/${locale}/editor/events`}>{t('events.admin.title')}</a>
      </p>
      <h1>{event ? t('eventEditor.editTitle') : t('eventEditor.new')}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
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
        <ErrorSummary i18n={i18n} errors={errors} labels={labels} />
        <fieldset>
          <legend>{t('eventEditor.texts', { language: i18n.languageName(lang) })}</legend>
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
          {area('summary', 3, { maxlength: 2000, lang, dir: textDir })}
          {area('programme', 8, { maxlength: 20000, lang, dir: textDir, hint: t('eventEditor.hints.programme') })}
          {area('documentation', 6, { maxlength: 20000, lang, dir: textDir, hint: t('eventEditor.hints.documentation') })}
        </fieldset>
        <fieldset>
          <legend>{t('eventEditor.sections.what')}</legend>
          {choose(
            'kind',
            EVENT_KINDS.map((k) => [k, t(`events.kind.${k}`)]),
            { empty: t('eventEditor.choose') },
          )}
          {choose(
            'format',
            EVENT_FORMATS.map((k) => [k, t(`events.format.${k}`)]),
            { empty: t('eventEditor.choose'), hint: event ? t('eventEditor.hints.change') : undefined },
          )}
          <SelectField
            i18n={i18n}
            name="status"
            label={labels.status as string}
            value={v('status') || 'draft'}
            error={errors.status}
            options={EVENT_STATUSES.map((k) => [k, t(`events.status.${k}`)])}
          />
          {field('startsAt', { type: 'datetime-local', required: true })}
          {field('endsAt', { type: 'datetime-local', required: true })}
          {field('timeZone', { hint: t('eventEditor.hints.timeZone'), maxlength: 60, dir: 'ltr' })}
          {choose(
            'series',
            props.series.map((g) => [g.key, g.title]),
            { empty: t('eventEditor.none') },
          )}
          {choose(
            'learningProcess',
            props.processes.map((g) => [g.key, g.title]),
            { empty: t('eventEditor.none') },
          )}
        </fieldset>
        <fieldset>
          <legend>{t('eventEditor.sections.where')}</legend>
          {field('venue', { maxlength: 300 })}
          {field('city', { maxlength: 200 })}
          <CountrySelect
            i18n={i18n}
            label={labels.country as string}
            placeholder={t('eventEditor.none')}
            countries={props.countries}
            value={v('country')}
            error={errors.country}
            required={false}
          />
          {choose(
            'region',
            props.regions.map((r) => [r, t(`common.regions.${r}`)]),
            { empty: t('eventEditor.none'), hint: t('eventEditor.hints.region') },
          )}
          {field('joinUrl', { hint: t('eventEditor.hints.joinUrl'), maxlength: 2000, dir: 'ltr' })}
        </fieldset>
        <fieldset>
          <legend>{t('eventEditor.sections.registration')}</legend>
          {field('capacity', { hint: t('eventEditor.hints.capacity'), maxlength: 6, dir: 'ltr' })}
          {field('registrationOpensAt', { type: 'datetime-local', hint: t('eventEditor.hints.window') })}
          {field('registrationClosesAt', { type: 'datetime-local', hint: t('eventEditor.hints.window') })}
          <CheckboxGroup
            i18n={i18n}
            name="questions"
            legend={labels.questions as string}
            options={REGISTRATION_QUESTIONS.map((q) => [q, t(`eventEditor.questions.${q}`)])}
            selected={form.questions}
            error={errors.questions}
          />
        </fieldset>
        <fieldset>
          <legend>{t('eventEditor.sections.themes')}</legend>
          <ThemeTopicChoices
            i18n={i18n}
            taxonomy={props.taxonomy}
            themes={form.themes}
            topics={form.topics}
            errors={errors}
            labels={{ themes: labels.themes as string, topics: labels.topics as string }}
          />
          {field('languages', { hint: t('eventEditor.hints.languages'), maxlength: 100, dir: 'ltr' })}
          {area('hosts', 3, { hint: t('eventEditor.hints.hosts'), maxlength: 5000 })}
          {area('partners', 3, { hint: t('eventEditor.hints.onePerLine'), maxlength: 10000 })}
        </fieldset>
        <fieldset>
          <legend>{t('eventEditor.sections.afterwards')}</legend>
          {area('recordings', 3, { hint: t('eventEditor.hints.recordings'), maxlength: 20000, dir: 'ltr' })}
          {area('practices', 3, { hint: t('eventEditor.hints.practices'), maxlength: 10000, dir: 'ltr' })}
          <p class="hint">{t('eventEditor.hints.reported')}</p>
          <div class="field-row">
            {field('reportedParticipants', { maxlength: 8, dir: 'ltr' })}
            {field('reportedMunicipalities', { maxlength: 8, dir: 'ltr' })}
            {field('reportedCountries', { maxlength: 4, dir: 'ltr' })}
          </div>
        </fieldset>
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
