import { type Context, Hono } from 'hono';
import { clientIp } from '../../platform/http/client-ip.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { TooManyRequests } from '../../platform/http/errors.tsx';
import { requires, safeNext } from '../../platform/http/middleware/authorize.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { parseForm } from '../../platform/ui/forms.tsx';
import { type AccountSectionContext, loadAccountSections } from './account-sections.service.ts';
import { registerForm, signInForm } from './accounts.forms.ts';
import {
  type AccountsContext,
  getAccount,
  registerAccount,
  resendVerification,
  signIn,
  signOutEverywhere,
  verifyEmail,
} from './accounts.service.ts';
import { AccountPage, CheckInboxPage, RegisterPage, type SettingsState, SignInPage, VerifyResultPage } from './accounts.views.tsx';
import { privacyNoticeVersions } from './privacy-notice.ts';
import { clearSessionCookie, setSessionCookie } from './session.middleware.ts';
import { countActiveSessions, endSession } from './sessions.service.ts';

const NOTICES = new Set([
  'verification-sent',
  'signed-out-everywhere',
  'signed-out',
  'password-reset',
  'password-changed',
  'email-change-sent',
  'account-deleted',
  'email-verified',
]);
export const notice = (value: string | undefined) => (value && NOTICES.has(value) ? value : undefined);

export function accountsContext(c: Context<AppEnv>): AccountsContext {
  const { deps, locale } = c.var;
  return { db: deps.db, secret: deps.secret, baseUrl: deps.config.BASE_URL, ip: clientIp(c), locale };
}

/** The account page, also re-shown with a settings form's errors (422), its own or a module's section's (`form`). */
export async function showAccount(
  c: Context<AppEnv>,
  options: { notice?: string; settings?: SettingsState; form?: AccountSectionContext['form'] },
  status: 200 | 422 = 200,
) {
  const { i18n, csrfToken, deps } = c.var;
  const user = c.var.user as NonNullable<typeof c.var.user>;
  const [account, sessions] = await Promise.all([getAccount(deps.db, user.id), countActiveSessions(deps.db, user.id)]);
  if (!account) return c.notFound();
  const { form, ...pageOptions } = options;
  const sections = await loadAccountSections(deps.modules.extensions, {
    db: deps.db,
    i18n,
    csrfToken,
    account: { id: account.id, name: account.name, email: account.email, emailVerified: account.emailVerified },
    query: c.req.query(),
    form,
  });
  return renderPage(
    c,
    {
      title: i18n.t('accounts.accountTitle'),
      indexable: false,
      children: AccountPage({ i18n, csrfToken, account: { ...account, sessions }, sections, ...pageOptions }),
    },
    status,
  );
}

export const body = async (c: Context<AppEnv>) => (await c.req.parseBody()) as Record<string, unknown>;

export const accountsRoutes = new Hono<AppEnv>()
  .get('/register', (c) => {
    const { i18n, csrfToken } = c.var;
    return renderPage(c, { title: i18n.t('accounts.registerTitle'), children: RegisterPage({ i18n, csrfToken }) });
  })
  .post('/register', async (c) => {
    const { i18n, csrfToken, locale } = c.var;
    const submitted = await body(c);
    const parsed = parseForm(registerForm, submitted);
    const again = (errors: Record<string, string>, values: Record<string, string>) =>
      renderPage(
        c,
        { title: i18n.t('accounts.registerTitle'), children: RegisterPage({ i18n, csrfToken, state: { errors, values } }) },
        422,
      );
    if (!parsed.ok) return again(parsed.errors, parsed.values);
    const result = await registerAccount(accountsContext(c), parsed.data, c.var.deps.modules.extensions.all(privacyNoticeVersions));
    if (!result.ok && result.reason === 'rate-limited') throw new TooManyRequests(result.retryAfter);
    if (!result.ok) return again({ password: result.problem }, { ...parsed.data, privacy: 'yes' });
    return c.redirect(`/${locale}/register/check-inbox`, 303);
  })
  .get('/register/check-inbox', (c) => {
    const { i18n } = c.var;
    return renderPage(c, { title: i18n.t('accounts.checkInboxTitle'), children: CheckInboxPage({ i18n }) });
  })
  .get('/verify-email', async (c) => {
    const { i18n, locale, user } = c.var;
    const { outcome, sessionToken } = await verifyEmail(accountsContext(c), c.req.query('token'), user?.sessionId);
    c.header('referrer-policy', 'no-referrer'); // the token is in this page's URL
    if (sessionToken) {
      // Signed in as the sign-in form does it (same session cookie), then off the URL with the token.
      setSessionCookie(c, sessionToken);
      return c.redirect(`/${locale}/account?notice=email-verified`, 303);
    }
    return renderPage(
      c,
      {
        title: i18n.t(`accounts.verify.${outcome}.title`),
        indexable: false,
        children: VerifyResultPage({ i18n, scope: 'verify', outcome, signedIn: c.var.user !== null }),
      },
      outcome === 'verified' ? 200 : 410,
    );
  })
  .get('/sign-in', (c) => {
    const { i18n, csrfToken, user, locale } = c.var;
    const next = safeNext(c.req.query('next'), '');
    if (user) return c.redirect(next || `/${locale}/account`, 303);
    return renderPage(c, {
      title: i18n.t('accounts.signInTitle'),
      children: SignInPage({ i18n, csrfToken, next, notice: notice(c.req.query('notice')) }),
    });
  })
  .post('/sign-in', async (c) => {
    const { i18n, csrfToken, locale, user } = c.var;
    const submitted = await body(c);
    const parsed = parseForm(signInForm, submitted);
    const next = safeNext(typeof submitted.next === 'string' ? submitted.next : undefined, '');
    const again = (errors: Record<string, string>, values: Record<string, string>) =>
      renderPage(
        c,
        { title: i18n.t('accounts.signInTitle'), children: SignInPage({ i18n, csrfToken, next, state: { errors, values } }) },
        422,
      );
    if (!parsed.ok) return again(parsed.errors, parsed.values);
    const result = await signIn(accountsContext(c), parsed.data, user?.sessionId);
    if (!result.ok && result.reason === 'rate-limited') throw new TooManyRequests(result.retryAfter);
    if (!result.ok)
      return again({ form: result.reason === 'disabled' ? 'accountDisabled' : 'wrongCredentials' }, { email: parsed.data.email });
    setSessionCookie(c, result.sessionToken);
    return c.redirect(next || `/${locale}/account`, 303);
  })
  .post('/sign-out', async (c) => {
    const { user, deps, locale } = c.var;
    if (user) await endSession(deps.db, user.sessionId);
    clearSessionCookie(c);
    return c.redirect(`/${locale}/sign-in?notice=signed-out`, 303);
  })
  .get('/account', requires('use-account'), (c) => showAccount(c, { notice: notice(c.req.query('notice')) }))
  .post('/account/resend-verification', requires('use-account'), async (c) => {
    const user = c.var.user as NonNullable<typeof c.var.user>;
    const result = await resendVerification(accountsContext(c), user.id);
    if (!result.ok) throw new TooManyRequests(result.retryAfter);
    return c.redirect(`/${c.var.locale}/account?notice=verification-sent`, 303);
  })
  .post('/account/sign-out-everywhere', requires('use-account'), async (c) => {
    const user = c.var.user as NonNullable<typeof c.var.user>;
    await signOutEverywhere(c.var.deps.db, user.id);
    clearSessionCookie(c);
    return c.redirect(`/${c.var.locale}/sign-in?notice=signed-out-everywhere`, 303);
  });
