import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../platform/http/context.ts';
import { TooManyRequests } from '../../platform/http/errors.tsx';
import { requires } from '../../platform/http/middleware/authorize.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { parseForm } from '../../platform/ui/forms.tsx';
import { changeEmailForm, changePasswordForm, deleteAccountForm, emailOnlyForm, resetPasswordForm } from './accounts.forms.ts';
import { accountsContext, body, showAccount } from './accounts.routes.ts';
import { VerifyResultPage } from './accounts.views.tsx';
import {
  changePassword,
  checkPasswordResetLink,
  confirmEmailChange,
  requestEmailChange,
  requestPasswordReset,
  resetPassword,
} from './credentials.service.ts';
import { ForgotPasswordPage, ResetPasswordPage } from './credentials.views.tsx';
import { deleteMyAccount, exportMyData } from './my-data.service.ts';
import { findPasswordProblem } from './passwords.service.ts';
import { clearSessionCookie, setSessionCookie } from './session.middleware.ts';

const signedIn = (c: Context<AppEnv>) => c.var.user as NonNullable<AppEnv['Variables']['user']>;

/** Forgot/reset password, change of password and e-mail, data export and account deletion. */
export const credentialsRoutes = new Hono<AppEnv>()
  .get('/forgot-password', (c) => {
    const { i18n, csrfToken } = c.var;
    return renderPage(c, { title: i18n.t('accounts.forgotTitle'), children: ForgotPasswordPage({ i18n, csrfToken }) });
  })
  .post('/forgot-password', async (c) => {
    const { i18n, csrfToken } = c.var;
    const parsed = parseForm(emailOnlyForm, await body(c));
    if (!parsed.ok) {
      return renderPage(
        c,
        { title: i18n.t('accounts.forgotTitle'), children: ForgotPasswordPage({ i18n, csrfToken, state: parsed }) },
        422,
      );
    }
    const result = await requestPasswordReset(accountsContext(c), parsed.data.email);
    if (!result.ok) throw new TooManyRequests(result.retryAfter);
    return renderPage(c, { title: i18n.t('accounts.forgotTitle'), children: ForgotPasswordPage({ i18n, csrfToken, sent: true }) });
  })
  .get('/reset-password', async (c) => {
    const { i18n, csrfToken, deps } = c.var;
    const token = c.req.query('token') ?? '';
    const link = await checkPasswordResetLink(deps.db, token);
    c.header('referrer-policy', 'no-referrer');
    if (link.status !== 'valid') {
      const page = VerifyResultPage({ i18n, scope: 'reset', outcome: link.status, signedIn: c.var.user !== null });
      return renderPage(c, { title: i18n.t(`accounts.reset.${link.status}.title`), indexable: false, children: page }, 410);
    }
    return renderPage(c, {
      title: i18n.t('accounts.resetTitle'),
      indexable: false,
      children: ResetPasswordPage({ i18n, csrfToken, token }),
    });
  })
  .post('/reset-password', async (c) => {
    const { i18n, csrfToken, deps, locale } = c.var;
    const submitted = await body(c);
    const token = typeof submitted.token === 'string' ? submitted.token : '';
    const parsed = parseForm(resetPasswordForm, submitted);
    const form = (errors: Record<string, string>) =>
      renderPage(
        c,
        {
          title: i18n.t('accounts.resetTitle'),
          indexable: false,
          children: ResetPasswordPage({ i18n, csrfToken, token, state: { errors, values: {} } }),
        },
        422,
      );
    if (!parsed.ok) return form(parsed.errors);
    const result = await resetPassword(deps.db, token, parsed.data.password);
    if (result.ok) {
      clearSessionCookie(c);
      return c.redirect(`/${locale}/sign-in?notice=password-reset`, 303);
    }
    if (result.reason === 'password') return form({ password: result.problem });
    const page = VerifyResultPage({ i18n, scope: 'reset', outcome: result.reason, signedIn: false });
    return renderPage(c, { title: i18n.t(`accounts.reset.${result.reason}.title`), indexable: false, children: page }, 410);
  })
  .get('/confirm-email-change', async (c) => {
    const { i18n, deps } = c.var;
    const outcome = await confirmEmailChange(deps.db, c.req.query('token'));
    c.header('referrer-policy', 'no-referrer');
    const page = VerifyResultPage({ i18n, scope: 'changeEmail', outcome, signedIn: c.var.user !== null });
    return renderPage(
      c,
      { title: i18n.t(`accounts.changeEmail.${outcome}.title`), indexable: false, children: page },
      outcome === 'verified' ? 200 : 410,
    );
  })
  .post('/account/password', requires('use-account'), async (c) => {
    const raw = await body(c);
    const parsed = parseForm(changePasswordForm, raw);
    if (!parsed.ok) {
      // The new password's own problem too (the service checks it only after the form), so all show at once.
      const problem = typeof raw.newPassword === 'string' && !parsed.errors.newPassword ? findPasswordProblem(raw.newPassword) : null;
      const errors = problem ? { ...parsed.errors, newPassword: problem } : parsed.errors;
      return showAccount(c, { settings: { form: 'password', ...parsed, errors } }, 422);
    }
    const result = await changePassword(accountsContext(c), signedIn(c).id, parsed.data.currentPassword, parsed.data.newPassword);
    if (!result.ok && 'retryAfter' in result) throw new TooManyRequests(result.retryAfter);
    if (!result.ok) return showAccount(c, { settings: { form: 'password', errors: result.errors, values: {} } }, 422);
    if (result.sessionToken) setSessionCookie(c, result.sessionToken);
    return c.redirect(`/${c.var.locale}/account?notice=password-changed`, 303);
  })
  .post('/account/email', requires('use-account'), async (c) => {
    const parsed = parseForm(changeEmailForm, await body(c));
    if (!parsed.ok) return showAccount(c, { settings: { form: 'email', ...parsed } }, 422);
    const result = await requestEmailChange(accountsContext(c), signedIn(c).id, parsed.data.password, parsed.data.email);
    if (!result.ok && 'retryAfter' in result) throw new TooManyRequests(result.retryAfter);
    if (!result.ok)
      return showAccount(
        c,
        // The form calls the current password `password`.
        {
          settings: {
            form: 'email',
            errors: { password: result.errors.currentPassword ?? 'wrongPassword' },
            values: { email: parsed.data.email },
          },
        },
        422,
      );
    return c.redirect(`/${c.var.locale}/account?notice=email-change-sent`, 303);
  })
  .post('/account/export', requires('use-account'), async (c) => {
    const data = await exportMyData(c.var.deps.db, signedIn(c).id, c.var.deps.modules.personalData);
    if (!data) return c.notFound();
    c.header('content-disposition', `attachment; filename="peerpolis-my-data-${new Date().toISOString().slice(0, 10)}.json"`);
    c.header('cache-control', 'no-store');
    return c.body(`${JSON.stringify(data, null, 2)}\n`, 200, { 'content-type': 'application/json; charset=utf-8' });
  })
  .post('/account/delete', requires('use-account'), async (c) => {
    const parsed = parseForm(deleteAccountForm, await body(c));
    if (!parsed.ok) return showAccount(c, { settings: { form: 'delete', ...parsed } }, 422);
    const outcome = await deleteMyAccount(accountsContext(c), signedIn(c).id, parsed.data.deletePassword, {
      hooks: c.var.deps.modules.personalData,
      mailFrom: c.var.deps.config.MAIL_FROM,
    });
    if (outcome === 'wrong-password')
      return showAccount(c, { settings: { form: 'delete', errors: { deletePassword: 'wrongPassword' }, values: {} } }, 422);
    clearSessionCookie(c);
    return c.redirect(`/${c.var.locale}/sign-in?notice=account-deleted`, 303);
  });
