import type { Child } from 'hono/jsx';
import type { ThemeWithTopics } from '../../../core/taxonomy/taxonomy.service.ts';
import type { AttachedDocument } from '../../../core/uploads/uploads.service.ts';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { CheckboxGroup, CountrySelect, LanguageChoices, ThemeTopicPicker } from '../../../platform/ui/choice-fields.tsx';
import { type BoundFields, boundFields, TextsInLanguage } from '../../../platform/ui/editor-fields.tsx';
import type { FormErrors } from '../../../platform/ui/forms.tsx';
import { TimeZoneSelect } from '../../../platform/ui/time-zone-field.tsx';
import { EVENT_FORMATS, EVENT_KINDS, EVENT_STATUSES, REGISTRATION_QUESTIONS } from '../events.table.ts';
import type { GroupChoice } from './event-editor.queries.ts';
import type { EventFormValues } from './event-editor.service.ts';

// The fieldsets of the editors' event form (event-editor.views.tsx): the texts in one language, then
// what, where, registration, themes, hosts and partners, and what happened afterwards. Each builds its
// fields with one kit bound to what was typed, the errors and the labels.

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
  /** A new, untouched form: the time-zone list takes the browser's zone (by script). */
  guessZone?: boolean;
  notice?: string;
  documentError?: { message: string; title: string };
};

const FIELDS = [
  'title',
  'summary',
  'programme',
  'documentation',
  'kind',
  'format',
  'status',
  'startsAt',
  'endsAt',
  'registrationOpensAt',
  'registrationClosesAt',
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
];

type FieldExtra = { hint?: string; maxlength?: number; dir?: 'auto' | 'ltr'; type?: 'datetime-local'; required?: boolean };
type AreaExtra = { hint?: string; maxlength?: number; lang?: string; dir?: 'auto' | 'ltr' | 'rtl' };

/** The form's props with its field labels (in the error summary's order) and helpers for its fields. */
export type EventFormKit = EventFormPageProps & {
  labels: Record<string, string>;
  fields: BoundFields;
  v: (name: string) => string;
  field: (name: string, extra?: FieldExtra) => Child;
  choose: (name: string, options: Array<[string, string]>, extra?: { hint?: string; empty?: string; value?: string }) => Child;
  area: (name: string, rows: number, extra?: AreaExtra) => Child;
};

export function eventFormKit(props: EventFormPageProps): EventFormKit {
  const { i18n, form, errors } = props;
  const labels = Object.fromEntries(FIELDS.map((k) => [k, i18n.t(`eventEditor.fields.${k}`)]));
  const fields = boundFields({ i18n, values: form.values, errors, labels });
  return {
    ...props,
    labels,
    fields,
    v: fields.v,
    field: (name, extra = {}) => fields.text(name, { dir: 'auto', ...extra }),
    choose: (name, options, extra = {}) => fields.select(name, options, extra),
    area: (name, rows, extra = {}) => fields.area(name, { rows, dir: 'auto', ...extra }),
  };
}

/** The texts, in the language of the tab. */
export function TextsFieldset({ kit }: { kit: EventFormKit }) {
  const { i18n, lang } = kit;
  const { t } = i18n;
  return (
    <TextsInLanguage
      legend={t('eventEditor.texts', { language: i18n.languageName(lang) })}
      lang={lang}
      fields={kit.fields}
      texts={[
        { name: 'title', required: true, maxlength: 300 },
        { name: 'summary', rows: 3, maxlength: 2000 },
        { name: 'programme', rows: 8, maxlength: 20000, hint: t('eventEditor.hints.programme') },
        { name: 'documentation', rows: 6, maxlength: 20000, hint: t('eventEditor.hints.documentation') },
      ]}
    />
  );
}

/** What kind of event, its status, when, and the series or learning process it belongs to. */
export function WhatFieldset({ kit }: { kit: EventFormKit }) {
  const { i18n, event, errors, labels, v, field, choose } = kit;
  const { t } = i18n;
  return (
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
      {choose(
        'status',
        EVENT_STATUSES.map((k) => [k, t(`events.status.${k}`)]),
        { value: v('status') || 'draft' },
      )}
      {field('startsAt', { type: 'datetime-local', required: true })}
      {field('endsAt', { type: 'datetime-local', required: true })}
      <TimeZoneSelect
        i18n={i18n}
        name="timeZone"
        label={labels.timeZone as string}
        hint={t('eventEditor.hints.timeZone')}
        value={v('timeZone')}
        error={errors.timeZone}
        guess={kit.guessZone}
      />
      {choose(
        'series',
        kit.series.map((g) => [g.key, g.title]),
        { empty: t('eventEditor.none') },
      )}
      {choose(
        'learningProcess',
        kit.processes.map((g) => [g.key, g.title]),
        { empty: t('eventEditor.none') },
      )}
    </fieldset>
  );
}

/** The place, or the online room. */
export function WhereFieldset({ kit }: { kit: EventFormKit }) {
  const { i18n, errors, labels, v, field, choose } = kit;
  const { t } = i18n;
  return (
    <fieldset>
      <legend>{t('eventEditor.sections.where')}</legend>
      {field('venue', { maxlength: 300 })}
      {field('city', { maxlength: 200 })}
      <CountrySelect
        i18n={i18n}
        label={labels.country as string}
        placeholder={t('eventEditor.none')}
        countries={kit.countries}
        value={v('country')}
        error={errors.country}
        required={false}
      />
      {choose(
        'region',
        kit.regions.map((r) => [r, t(`common.regions.${r}`)]),
        { empty: t('eventEditor.none'), hint: t('eventEditor.hints.region') },
      )}
      {field('joinUrl', { hint: t('eventEditor.hints.joinUrl'), maxlength: 2000, dir: 'ltr' })}
    </fieldset>
  );
}

/** Places, the registration window and the questions asked. */
export function RegistrationFieldset({ kit }: { kit: EventFormKit }) {
  const { i18n, form, errors, labels, field } = kit;
  const { t } = i18n;
  return (
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
  );
}

/** Themes and topics, working languages, hosts and partners. */
export function ThemesFieldset({ kit }: { kit: EventFormKit }) {
  const { i18n, form, errors, area } = kit;
  const { t } = i18n;
  return (
    <fieldset>
      <legend>{t('eventEditor.sections.themes')}</legend>
      <ThemeTopicPicker
        i18n={i18n}
        themes={kit.taxonomy}
        legend={t('forms.themesLegend')}
        theme={{ name: 'themes', selected: form.themes, error: errors.themes, label: (theme) => t('forms.themeWhole', { theme }) }}
        topic={{ name: 'topics', selected: form.topics, error: errors.topics }}
      />
      <LanguageChoices
        i18n={i18n}
        name="languages"
        legend={kit.labels.languages as string}
        hint={t('eventEditor.hints.languages')}
        selected={form.languages}
        error={errors.languages}
      />
      {area('hosts', 3, { hint: t('eventEditor.hints.hosts'), maxlength: 5000 })}
      {area('partners', 3, { hint: t('eventEditor.hints.onePerLine'), maxlength: 10000 })}
    </fieldset>
  );
}

/** Recordings, the good practices presented, and figures for events before the platform. */
export function AfterwardsFieldset({ kit }: { kit: EventFormKit }) {
  const { i18n, field, area } = kit;
  const { t } = i18n;
  return (
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
  );
}
