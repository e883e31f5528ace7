import type { I18n } from '../../platform/i18n/i18n.ts';
import { CsrfField, ErrorSummary, type FormErrors, type FormValues, TextField } from '../../platform/ui/forms.tsx';
import { PASSWORD_MIN } from './passwords.service.ts';

type FormState = { errors: FormErrors; values: FormValues };
const empty: FormState = { errors: {}, values: {} };

export function ForgotPasswordPage({
  i18n,
  csrfToken,
  state = empty,
  sent,
}: {
  i18n: I18n;
  csrfToken: string;
  state?: FormState;
  sent?: boolean;
}) {
  const { t, locale } = i18n;
  return (
    <>
      <h1>{t('accounts.forgotTitle')}</h1>
      {sent ? (
        <p class="notice" role="status">
          {t('accounts.forgotSent')}
        </p>
      ) : (
        <p class="lead">{t('accounts.forgotIntro')}</p>
      )}
      <form method="post" action={`/${locale}/forgot-password`} class="form" novalidate>
        <ErrorSummary i18n={i18n} errors={state.errors} labels={{ email: t('accounts.email') }} />
        <CsrfField token={csrfToken} />
        <TextField
          i18n={i18n}
          name="email"
          type="email"
          label={t('accounts.email')}
          value={state.values.email}
          error={state.errors.email}
          autocomplete="email"
          required
          dir="ltr"
        />
        <button type="submit" class="button">
          {t('accounts.forgotAction')}
        </button>
      </form>
    </>
  );
}

export function ResetPasswordPage({
  i18n,
  csrfToken,
  token,
  state = empty,
}: {
  i18n: I18n;
  csrfToken: string;
  token: string;
  state?: FormState;
}) {
  const { t, locale } = i18n;
  return (
    <>
      <h1>{t('accounts.resetTitle')}</h1>
      <form method="post" action={`/${locale}/reset-password`} class="form" novalidate>
        <ErrorSummary i18n={i18n} errors={state.errors} labels={{ password: t('accounts.newPassword') }} />
        <CsrfField token={csrfToken} />
        <input type="hidden" name="token" value={token} />
        <TextField
          i18n={i18n}
          name="password"
          type="password"
          label={t('accounts.newPassword')}
          hint={t('accounts.passwordHint', { min: PASSWORD_MIN })}
          error={state.errors.password}
          autocomplete="new-password"
          required
          dir="ltr"
        />
        <button type="submit" class="button">
          {t('accounts.resetAction')}
        </button>
      </form>
    </>
  );
}

/** The account page's sections for password, address, data export and deletion. */
export function AccountSettings({
  i18n,
  csrfToken,
  state = empty,
  form,
}: {
  i18n: I18n;
  csrfToken: string;
  state?: FormState;
  form?: string;
}) {
  const { t, locale } = i18n;
  const errorsOf = (name: string) => (form === name ? state : empty);
  const pw = errorsOf('password');
  const em = errorsOf('email');
  const del = errorsOf('delete');
  return (
    <>
      <section aria-labelledby="password-title">
        <h2 id="password-title">{t('accounts.changePasswordTitle')}</h2>
        <form method="post" action={`/${locale}/account/password`} class="form" novalidate>
          <ErrorSummary
            i18n={i18n}
            errors={pw.errors}
            labels={{ currentPassword: t('accounts.currentPassword'), newPassword: t('accounts.newPassword') }}
          />
          <CsrfField token={csrfToken} />
          <TextField
            i18n={i18n}
            name="currentPassword"
            type="password"
            label={t('accounts.currentPassword')}
            error={pw.errors.currentPassword}
            autocomplete="current-password"
            required
            dir="ltr"
          />
          <TextField
            i18n={i18n}
            name="newPassword"
            type="password"
            label={t('accounts.newPassword')}
            hint={t('accounts.passwordHint', { min: PASSWORD_MIN })}
            error={pw.errors.newPassword}
            autocomplete="new-password"
            required
            dir="ltr"
          />
          <button type="submit" class="button secondary">
            {t('accounts.changePasswordAction')}
          </button>
        </form>
      </section>
      <section aria-labelledby="email-title">
        <h2 id="email-title">{t('accounts.changeEmailTitle')}</h2>
        <p>{t('accounts.changeEmailText')}</p>
        <form method="post" action={`/${locale}/account/email`} class="form" novalidate>
          <ErrorSummary
            i18n={i18n}
            errors={em.errors}
            labels={{ email: t('accounts.newEmail'), password: t('accounts.currentPassword') }}
          />
          <CsrfField token={csrfToken} />
          <TextField
            i18n={i18n}
            name="email"
            type="email"
            label={t('accounts.newEmail')}
            value={em.values.email}
            error={em.errors.email}
            autocomplete="email"
            required
            dir="ltr"
          />
          <TextField
            i18n={i18n}
            name="password"
            type="password"
            label={t('accounts.currentPassword')}
            error={em.errors.password ?? em.errors.currentPassword}
            autocomplete="current-password"
            required
            dir="ltr"
          />
          <button type="submit" class="button secondary">
            {t('accounts.changeEmailAction')}
          </button>
        </form>
      </section>
      <section aria-labelledby="data-title">
        <h2 id="data-title">{t('accounts.myDataTitle')}</h2>
        <p>{t('accounts.myDataText')}</p>
        <form method="post" action={`/${locale}/account/export`}>
          <CsrfField token={csrfToken} />
          <button type="submit" class="button secondary">
            {t('accounts.exportAction')}
          </button>
        </form>
      </section>
      <section aria-labelledby="delete-title">
        <h2 id="delete-title">{t('accounts.deleteTitle')}</h2>
        <p>{t('accounts.deleteText')}</p>
        <form method="post" action={`/${locale}/account/delete`} class="form" novalidate>
          <ErrorSummary i18n={i18n} errors={del.errors} labels={{ deletePassword: t('accounts.deleteConfirm') }} />
          <CsrfField token={csrfToken} />
          <TextField
            i18n={i18n}
            name="deletePassword"
            type="password"
            label={t('accounts.deleteConfirm')}
            error={del.errors.deletePassword}
            autocomplete="current-password"
            required
            dir="ltr"
          />
          <button type="submit" class="button danger">
            {t('accounts.deleteAction')}
          </button>
        </form>
      </section>
    </>
  );
}
