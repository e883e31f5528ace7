import type { I18n } from '../../../platform/i18n/i18n.ts';
import { Checkbox, CountrySelect } from '../../../platform/ui/choice-fields.tsx';
import { CsrfField, ErrorSummary, FieldError, type FormErrors, TextArea, TextField } from '../../../platform/ui/forms.tsx';
import type { EventRow, RegistrationAnswers } from '../events.table.ts';
import type { ViewerRegistration } from '../page/event-page.queries.ts';

// The registration panel of an event's page (before the event): sign in, verify, the form, or the
// member's place (with the join link) and how to give it up.

export type RegistrationView =
  | { kind: 'sign-in'; next: string }
  | { kind: 'verify' }
  | { kind: 'form'; values: RegistrationFormValues; errors: FormErrors }
  | { kind: 'registration'; registration: ViewerRegistration }
  | { kind: 'state'; state: 'not-open' | 'closed' | 'over' | 'not-taking' };

export type RegistrationFormValues = { city: string; country: string } & RegistrationAnswers;

export type RegistrationPanelProps = {
  i18n: I18n;
  event: Pick<EventRow, 'slug' | 'capacity' | 'questions' | 'format'> & { registered: number; waitlisted: number };
  registration: RegistrationView;
  countries: Array<{ code: string; name: string }>;
  csrfToken: string;
};

export function Registration(props: RegistrationPanelProps) {
  const { i18n, event, registration: view } = props;
  const { t, locale } = i18n;
  const base = `/${locale}/events/${event.slug}`;
  return (
    <section aria-labelledby="registration" class="panel">
      <h2 id="registration">{t('events.registration.title')}</h2>
      {view.kind === 'sign-in' ? (
        <p>
          <a href={`/${locale}/sign-in?next=${encodeURIComponent(view.next)}`}>{t('events.registration.signIn')}</a>
        </p>
      ) : null}
      {view.kind === 'verify' ? <p>{t('events.registration.verify')}</p> : null}
      {view.kind === 'state' ? <p>{t(`events.registration.${view.state}`)}</p> : null}
      {view.kind === 'registration' ? (
        <>
          <p role="status">
            {view.registration.status === 'registered'
              ? t('events.registration.youAreRegistered')
              : t('events.registration.youAreWaitlisted', { position: view.registration.position ?? 0 })}
          </p>
          {view.registration.join_url ? (
            <p>
              {t('events.registration.joinHere')}{' '}
              <a href={view.registration.join_url} rel="noopener noreferrer" dir="ltr">
                {view.registration.join_url}
              </a>
            </p>
          ) : null}
          <form method="post" action={`${base}/cancel`}>
            <CsrfField token={props.csrfToken} />
            <button type="submit" class="button secondary">
              {view.registration.status === 'registered' ? t('events.registration.cancel') : t('events.registration.leaveWaitlist')}
            </button>
          </form>
        </>
      ) : null}
      {view.kind === 'form' ? <RegistrationForm {...props} values={view.values} errors={view.errors} action={`${base}/register`} /> : null}
    </section>
  );
}

function RegistrationForm(props: RegistrationPanelProps & { values: RegistrationFormValues; errors: FormErrors; action: string }) {
  const { i18n, event, values, errors } = props;
  const { t } = i18n;
  const labels = {
    city: t('events.registration.city'),
    country: t('events.registration.country'),
    role: t('events.registration.role'),
    bringsText: t('events.registration.bringsText'),
    dietary: t('events.registration.dietary'),
  };
  const full = event.capacity !== null && event.registered >= event.capacity;
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrfToken} />
      <ErrorSummary i18n={i18n} errors={errors} labels={labels} />
      {full ? <p>{t('events.registration.fullWaitlist', { waiting: event.waitlisted })}</p> : null}
      <TextField
        i18n={i18n}
        name="city"
        label={labels.city}
        value={values.city}
        error={errors.city}
        required
        maxlength={200}
        dir="auto"
        autocomplete="address-level2"
      />
      <CountrySelect
        i18n={i18n}
        label={labels.country as string}
        placeholder={t('events.registration.chooseCountry')}
        countries={props.countries}
        value={values.country}
        error={errors.country}
      />
      {event.questions.includes('role') ? (
        <TextField i18n={i18n} name="role" label={labels.role} value={values.role ?? ''} error={errors.role} maxlength={200} dir="auto" />
      ) : null}
      {event.questions.includes('brings') ? (
        <fieldset class={errors.brings ? 'field has-error' : 'field'} id="field-brings">
          <legend>{t('events.registration.brings')}</legend>
          <FieldError i18n={i18n} id="field-brings" error={errors.brings} />
          {(['practice', 'challenge'] as const).map((v) => (
            <Checkbox
              i18n={i18n}
              type="radio"
              name="brings"
              value={v}
              label={t(`events.registration.bringsOptions.${v}`)}
              checked={values.brings === v}
            />
          ))}
          <TextArea
            i18n={i18n}
            name="bringsText"
            label={labels.bringsText}
            value={values.bringsText ?? ''}
            error={errors.bringsText}
            maxlength={2000}
            rows={4}
            dir="auto"
          />
        </fieldset>
      ) : null}
      {event.questions.includes('dietary') && event.format !== 'virtual' ? (
        <TextField
          i18n={i18n}
          name="dietary"
          label={labels.dietary}
          value={values.dietary ?? ''}
          error={errors.dietary}
          maxlength={300}
          dir="auto"
        />
      ) : null}
      <button type="submit" class="button">
        {full ? t('events.registration.joinWaitlist') : t('events.registration.register')}
      </button>
    </form>
  );
}
