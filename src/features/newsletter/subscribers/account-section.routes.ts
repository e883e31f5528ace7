import { Hono } from 'hono';
import { getAccount } from '../../../core/accounts/accounts.service.ts';
import { type AccountSettingsSection, privacyNoticeVersions, showAccount } from '../../../core/accounts/index.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { requires } from '../../../platform/http/middleware/authorize.ts';
import { parseForm } from '../../../platform/ui/forms.tsx';
import { AccountNewsletterSection } from './account-section.views.tsx';
import { loadInterestOptions, loadKnownInterests } from './interests.service.ts';
import { typedForm } from './preferences.routes.tsx';
import {
  changeSubscriptionOfAddress,
  findSubscriptionOfAddress,
  type SubscriptionChange,
  subscribeAccountAddress,
} from './preferences.service.ts';
import { PREFERENCE_NOTICES } from './preferences.views.tsx';
import { accountSubscribeForm, preferenceActionField, preferencesForm } from './subscription.forms.ts';

/** The newsletter's section of the account page (contributed to accounts' `accountSettingsSections`). */
export const accountNewsletterSection: AccountSettingsSection = async ({ db, i18n, csrfToken, account, query, form }) => {
  const [subscription, options] = await Promise.all([findSubscriptionOfAddress(db, account.email), loadInterestOptions(db, i18n)]);
  const mine = form?.section === 'newsletter' ? form : undefined;
  return AccountNewsletterSection({
    i18n,
    csrfToken,
    verified: account.emailVerified,
    subscription,
    options,
    notice: mine ? undefined : PREFERENCE_NOTICES.find((n) => n === query.newsletter),
    values: mine?.values,
    errors: mine?.errors,
  });
};

const NOTICE_OF: Record<SubscriptionChange['action'] | 'subscribe', string> = {
  subscribe: 'subscribed',
  save: 'saved',
  pause: 'paused',
  resume: 'resumed',
  unsubscribe: 'unsubscribed',
  delete: 'deleted',
};

/** POST /<locale>/account/newsletter: a verified member's changes to the subscription of their account's address. */
export const accountSectionRoutes = new Hono<AppEnv>().post('/account/newsletter', requires('act-as-member'), async (c) => {
  const { deps, locale } = c.var;
  const user = c.var.user as NonNullable<typeof c.var.user>;
  const account = await getAccount(deps.db, user.id);
  if (!account?.email) return c.notFound();
  const typed = await typedForm(c);
  const again = (errors: Record<string, string>) => showAccount(c, { form: { section: 'newsletter', values: typed, errors } }, 422);
  const known = await loadKnownInterests(deps.db);
  if (typed.action === 'subscribe') {
    const parsed = parseForm(accountSubscribeForm(known), typed);
    if (!parsed.ok) return again(parsed.errors);
    await subscribeAccountAddress(deps.db, account.email, parsed.data, deps.modules.extensions.all(privacyNoticeVersions));
    return c.redirect(`/${locale}/account?newsletter=subscribed#newsletter`, 303);
  }
  const action = preferenceActionField.safeParse(typed.action);
  if (!action.success) return again({ form: 'invalid' });
  let change: SubscriptionChange;
  if (action.data === 'save') {
    const parsed = parseForm(preferencesForm(known), typed);
    if (!parsed.ok) return again(parsed.errors);
    change = { action: 'save', preferences: parsed.data };
  } else change = { action: action.data };
  const result = await changeSubscriptionOfAddress(deps.db, account.email, change);
  if (!result.ok) return again({ form: 'notSubscribed' });
  return c.redirect(`/${locale}/account?newsletter=${NOTICE_OF[result.action]}#newsletter`, 303);
});
