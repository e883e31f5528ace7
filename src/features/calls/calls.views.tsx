import type { I18n } from '../../platform/i18n/i18n.ts';
import { CountrySelect } from '../../platform/ui/choice-fields.tsx';
import { InLanguage } from '../../platform/ui/components/content.tsx';
import { CsrfField, ErrorSummary, type FormErrors, TextArea, TextField } from '../../platform/ui/forms.tsx';
import type { ApplicationRow, CallRecord, CallText } from './calls.queries.ts';

// Calls for participation: the list, one call with its application form, and the member's own
// application (status, change, withdraw).

export function pickCallText(texts: CallText[], locale: string): CallText | undefined {
  return texts.find((t) => t.locale === locale) ?? texts.find((t) => t.locale === 'en') ?? texts[0];
}

function Deadline({ i18n, call }: { i18n: I18n; call: CallRecord }) {
  return (
    <time datetime={call.deadline.toISOString()}>
      {i18n.formatPeriodInZone(call.deadline, call.deadline, call.time_zone).split(' – ')[0]}
    </time>
  );
}

export function CallsPage({ i18n, calls }: { i18n: I18n; calls: CallRecord[] }) {
  const { t, locale } = i18n;
  const now = Date.now();
  return (
    <>
      <h1>{t('calls.title')}</h1>
      <p class="lead">{t('calls.intro')}</p>
      {calls.length ? (
        <ul class="cards">
          {calls.map((c) => {
            const text = pickCallText(c.texts, locale);
            const open = c.status === 'open' && c.deadline.getTime() > now;
            return (
              <li class="card">
                <p class="kicker">
                  {t(`calls.kind.${c.kind}`)} · {open ? t('calls.open') : t('calls.closed')}
                </p>
                <InLanguage i18n={i18n} contentLocale={text?.locale ?? 'en'}>
                  <h2>
                    <a href={`/${locale}/calls/${c.slug}`}>{text?.title}</a>
                  </h2>
                  <p>{text?.summary}</p>
                </InLanguage>
                <p class="meta">
                  {t('calls.deadline')}: <Deadline i18n={i18n} call={c} />
                </p>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="empty">{t('calls.none')}</p>
      )}
    </>
  );
}

export type ApplicationFormValues = { city: string; country: string; organisation: string; proposal: string; answers: string[] };

export type CallView =
  | { kind: 'sign-in'; next: string }
  | { kind: 'verify' }
  | { kind: 'closed' }
  | { kind: 'form'; values: ApplicationFormValues; errors: FormErrors; application?: ApplicationRow }
  | { kind: 'application'; application: ApplicationRow; canChange: boolean };

export type CallPageProps = {
  i18n: I18n;
  call: CallRecord;
  text: CallText;
  view: CallView;
  countries: Array<{ code: string; name: string }>;
  csrfToken: string;
  notice?: string;
};

export function CallPage(props: CallPageProps) {
  const { i18n, call, text } = props;
  const { t, locale } = i18n;
  const base = `/${locale}/calls/${call.slug}`;
  return (
    <article>
      <p class="kicker">
        <a href={`/${locale}/calls`}>{t('calls.title')}</a> · {t(`calls.kind.${call.kind}`)}
      </p>
      {props.notice ? (
        <p class="notice" role="status">
          {t(`calls.notices.${props.notice}`)}
        </p>
      ) : null}
      <InLanguage i18n={i18n} contentLocale={text.locale}>
        <h1>{text.title}</h1>
        <p class="lead">{text.summary}</p>
      </InLanguage>
      <dl class="facts">
        <dt>{t('calls.deadline')}</dt>
        <dd>
          <Deadline i18n={i18n} call={call} />
        </dd>
        {call.per_municipality ? (
          <>
            <dt>{t('calls.quota')}</dt>
            <dd>{t('calls.perMunicipality', { count: call.per_municipality })}</dd>
          </>
        ) : null}
        {call.event_slug ? (
          <>
            <dt>{t('calls.event')}</dt>
            <dd>
              <a href={`/${locale}/events/${call.event_slug}`} dir="auto">
                {i18n.label(call.event_titles)}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {text.eligibility ? (
        <section aria-labelledby="eligibility">
          <h2 id="eligibility">{t('calls.eligibility')}</h2>
          <InLanguage i18n={i18n} contentLocale={text.locale}>
            <div class="prose">
              {text.eligibility.split(/\n{2,}/).map((p) => (
                <p>{p}</p>
              ))}
            </div>
          </InLanguage>
        </section>
      ) : null}
      <section aria-labelledby="apply" class="panel">
        <h2 id="apply">{t('calls.apply')}</h2>
        {props.view.kind === 'sign-in' ? (
          <p>
            <a href={`/${locale}/sign-in?next=${encodeURIComponent(props.view.next)}`}>{t('calls.signIn')}</a>
          </p>
        ) : null}
        {props.view.kind === 'verify' ? <p>{t('events.registration.verify')}</p> : null}
        {props.view.kind === 'closed' ? <p>{t('calls.isClosed')}</p> : null}
        {props.view.kind === 'application' ? (
          <Application {...props} application={props.view.application} canChange={props.view.canChange} />
        ) : null}
        {props.view.kind === 'form' ? (
          <>
            {props.view.application ? <p role="status">{t(`calls.status.${props.view.application.status}`)}</p> : null}
            <ApplicationForm {...props} values={props.view.values} errors={props.view.errors} action={`${base}/apply`} />
            {props.view.application && props.view.application.status !== 'withdrawn' ? (
              <form method="post" action={`${base}/withdraw`}>
                <CsrfField token={props.csrfToken} />
                <button type="submit" class="button secondary">
                  {t('calls.withdraw')}
                </button>
              </form>
            ) : null}
          </>
        ) : null}
      </section>
    </article>
  );
}

function Application(props: CallPageProps & { application: ApplicationRow; canChange: boolean }) {
  const { t } = props.i18n;
  return (
    <>
      <p role="status">{t(`calls.status.${props.application.status}`)}</p>
      <p dir="auto">{props.application.proposal}</p>
    </>
  );
}

function ApplicationForm(props: CallPageProps & { values: ApplicationFormValues; errors: FormErrors; action: string }) {
  const { i18n, text, values, errors } = props;
  const { t } = i18n;
  const labels: Record<string, string> = {
    city: t('calls.form.city'),
    country: t('events.registration.country'),
    organisation: t('calls.form.organisation'),
    proposal: t(`calls.form.proposal.${props.call.kind}`),
  };
  text.questions.forEach((q, i) => {
    labels[`answer-${i}`] = q;
  });
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={props.csrfToken} />
      <ErrorSummary i18n={i18n} errors={errors} labels={labels} />
      <TextField
        i18n={i18n}
        name="city"
        label={labels.city as string}
        value={values.city}
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
        value={values.country}
        error={errors.country}
      />
      <TextField
        i18n={i18n}
        name="organisation"
        label={labels.organisation as string}
        value={values.organisation}
        error={errors.organisation}
        required
        maxlength={300}
        dir="auto"
      />
      <TextArea
        i18n={i18n}
        name="proposal"
        label={labels.proposal as string}
        value={values.proposal}
        error={errors.proposal}
        required
        maxlength={4000}
        rows={6}
        dir="auto"
      />
      {text.questions.map((q, i) => (
        <TextArea
          i18n={i18n}
          name={`answer-${i}`}
          label={q}
          lang={text.locale}
          value={values.answers[i] ?? ''}
          error={errors[`answer-${i}`]}
          required
          maxlength={4000}
          rows={4}
          dir="auto"
        />
      ))}
      <button type="submit" class="button">
        {t('calls.submit')}
      </button>
    </form>
  );
}
