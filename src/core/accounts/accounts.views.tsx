import type { Child } from 'hono/jsx';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { LOCALE_NAMES, LOCALES } from '../../platform/i18n/locales.ts';
import { Checkbox, SelectField } from '../../platform/ui/choice-fields.tsx';
import { CsrfField, ErrorSummary, type FormErrors, type FormValues, TextField } from '../../platform/ui/forms.tsx';
import { AccountSettings } from './credentials.views.tsx';
import { PASSWORD_MIN } from './passwords.service.ts';

type FormState = { errors: FormErrors; values: FormValues };
const empty: FormState = { errors: {}, values: {} };

export function RegisterPage({ i18n, csrfToken, state = empty }: { i18n: I18n; csrfToken: string; state?: FormState }) {
  const { t, locale } = i18n;
  const labels = {
    name: t('accounts.name'),
    email: t('accounts.email'),
    password: t('accounts.password'),
    locale: t('accounts.preferredLanguage'),
    privacy: t('accounts.privacyConsentShort'),
  };
  const chosen = state.values.locale ?? locale;
  return (
    <>
      <h1>{t('accounts.registerTitle')}</h1>
      <p class="lead">{t('accounts.registerIntro')}</p>
      <form method="post" action={`/${locale}/register`} class="form" novalidate>
        <ErrorSummary i18n={i18n} errors={state.errors} labels={labels} />
        <CsrfField token={csrfToken} />
        <TextField
          i18n={i18n}
          name="name"
          label={labels.name}
          value={state.values.name}
          error={state.errors.name}
          autocomplete="name"
          required
          maxlength={120}
          dir="auto"
        />
        <TextField
          i18n={i18n}
          name="email"
          type="email"
          label={labels.email}
          value={state.values.email}
          error={state.errors.email}
          autocomplete="email"
          required
          maxlength={254}
          dir="ltr"
        />
        <TextField
          i18n={i18n}
          name="password"
          type="password"
          label={labels.password}
          hint={t('accounts.passwordHint', { min: PASSWORD_MIN })}
          error={state.errors.password}
          autocomplete="new-password"
          required
          dir="ltr"
        />
        <SelectField
          i18n={i18n}
          name="locale"
          label={labels.locale}
          value={chosen}
          error={state.errors.locale}
          options={LOCALES.map((l) => [l, LOCALE_NAMES[l], l])}
        />
        <Checkbox
          i18n={i18n}
          name="privacy"
          value="yes"
          id="field-privacy"
          required
          checked={state.values.privacy === 'yes'}
          error={state.errors.privacy}
          label={
            <>
              {t('accounts.privacyConsent')} <a href={`/${locale}/privacy`}>{t('accounts.privacyLink')}</a>
            </>
          }
        />
        <button type="submit" class="button">
          {t('accounts.registerAction')}
        </button>
      </form>
      <p>
        {t('accounts.haveAccount')} <a href={`/${locale}/sign-in`}>{t('common.signIn')}</a>
      </p>
    </>
  );
}

export function CheckInboxPage({ i18n }: { i18n: I18n }) {
  return (
    <>
      <h1>{i18n.t('accounts.checkInboxTitle')}</h1>
      <p class="lead">{i18n.t('accounts.checkInboxText')}</p>
      <p>
        <a href={`/${i18n.locale}/sign-in`}>{i18n.t('common.signIn')}</a>
      </p>
    </>
  );
}

export type LinkOutcome = 'verified' | 'invalid' | 'expired' | 'used';

/** What a link from a mail led to: confirmed, or why not (invalid, expired, used). */
export function VerifyResultPage(props: {
  i18n: I18n;
  scope: 'verify' | 'reset' | 'changeEmail';
  outcome: LinkOutcome;
  signedIn: boolean;
}) {
  const { i18n, scope, outcome, signedIn } = props;
  const { t, locale } = i18n;
  return (
    <>
      <h1>{t(`accounts.${scope}.${outcome}.title`)}</h1>
      <p class="lead">{t(`accounts.${scope}.${outcome}.text`)}</p>
      {scope === 'reset' ? (
        <p>
          <a href={`/${locale}/forgot-password`}>{t('accounts.forgotTitle')}</a>
        </p>
      ) : null}
      <p>
        <a href={signedIn ? `/${locale}/account` : `/${locale}/sign-in`}>{signedIn ? t('common.myAccount') : t('common.signIn')}</a>
      </p>
    </>
  );
}

export function SignInPage(props: { i18n: I18n; csrfToken: string; state?: FormState; next?: string; notice?: string }) {
  const { i18n, csrfToken, state = empty } = props;
  const { t, locale } = i18n;
  const labels = { email: t('accounts.email'), password: t('accounts.password') };
  return (
    <>
      <h1>{t('accounts.signInTitle')}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {t(`accounts.notices.${props.notice}`)}
        </p>
      ) : null}
      <form method="post" action={`/${locale}/sign-in`} class="form" novalidate>
        <ErrorSummary i18n={i18n} errors={state.errors} labels={labels} />
        <CsrfField token={csrfToken} />
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <TextField
          i18n={i18n}
          name="email"
          type="email"
          label={labels.email}
          value={state.values.email}
          error={state.errors.email}
          autocomplete="username"
          required
          dir="ltr"
        />
        <TextField
          i18n={i18n}
          name="password"
          type="password"
          label={labels.password}
          error={state.errors.password}
          autocomplete="current-password"
          required
          dir="ltr"
        />
        <button type="submit" class="button">
          {t('common.signIn')}
        </button>
      </form>
      <p>
        <a href={`/${locale}/forgot-password`}>{t('accounts.forgotLink')}</a>
      </p>
      <p>
        {t('accounts.noAccount')} <a href={`/${locale}/register`}>{t('common.register')}</a>
      </p>
    </>
  );
}

export type AccountView = { name: string; email: string; emailVerified: boolean; role: string; sessions: number };

export type SettingsState = { form: string; errors: FormErrors; values: FormValues };

export function AccountPage(props: {
  i18n: I18n;
  csrfToken: string;
  account: AccountView;
  notice?: string;
  settings?: SettingsState;
  /** Other modules' settings (accountSettingsSections), rendered by them. */
  sections?: Child[];
}) {
  const { i18n, csrfToken, account, notice, settings } = props;
  const { t, locale } = i18n;
  return (
    <>
      <p class="kicker">
        <a href={`/${locale}/my`}>{t('common.myAccount')}</a>
      </p>
      <h1>{t('accounts.accountTitle')}</h1>
      {notice ? (
        <p class="notice" role="status">
          {t(`accounts.notices.${notice}`)}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{t('accounts.name')}</dt>
        <dd dir="auto">{account.name}</dd>
        <dt>{t('accounts.email')}</dt>
        <dd dir="ltr">{account.email}</dd>
        <dt>{t('accounts.role')}</dt>
        <dd>{t(`accounts.roles.${account.role}`)}</dd>
      </dl>
      <ul>
        <li>
          <a href={`/${locale}/my/practices`}>{t('practiceWorkflow.myTitle')}</a>
        </li>
        <li>
          <a href={`/${locale}/my/expert-profile`}>{t('experts.myProfile')}</a>
        </li>
      </ul>
      {account.emailVerified ? null : (
        <section class="card callout" aria-labelledby="verify-title">
          <h2 id="verify-title">{t('accounts.unverifiedTitle')}</h2>
          <p>{t('accounts.unverifiedText')}</p>
          <form method="post" action={`/${locale}/account/resend-verification`}>
            <CsrfField token={csrfToken} />
            <button type="submit" class="button secondary">
              {t('accounts.resendAction')}
            </button>
          </form>
        </section>
      )}
      {props.sections ?? null}
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('accounts.sessionsTitle')}</h2>
        <p>{t('accounts.sessionsText', { count: account.sessions })}</p>
        <form method="post" action={`/${locale}/account/sign-out-everywhere`}>
          <CsrfField token={csrfToken} />
          <button type="submit" class="button secondary">
            {t('accounts.signOutEverywhere')}
          </button>
        </form>
      </section>
      <AccountSettings i18n={i18n} csrfToken={csrfToken} form={settings?.form} state={settings} />
    </>
  );
}
