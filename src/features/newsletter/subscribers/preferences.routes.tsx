import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../../platform/http/context.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { cleanFormBody, parseForm } from '../../../platform/ui/forms.tsx';
import { loadInterestOptions, loadKnownInterests } from './interests.service.ts';
import { changeSubscription, type SubscriptionChange } from './preferences.service.ts';
import { PREFERENCE_NOTICES, PreferencesPage } from './preferences.views.tsx';
import { preferenceActionField, preferencesForm } from './subscription.forms.ts';
import { findSubscriberOfToken, type SubscriberView } from './subscription.service.ts';
import { DeletedPage } from './subscription.views.tsx';

/** A posted form as typed (strings and lists of ticked boxes), to show again; the CSRF token is the page's own. */
export async function typedForm(c: Context<AppEnv>): Promise<Record<string, string | string[]>> {
  let body: Record<string, unknown>;
  try {
    body = cleanFormBody(await c.req.parseBody({ all: true }));
  } catch {
    throw new HTTPException(400, { message: 'malformed-form' });
  }
  const typed: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue;
    if (typeof value === 'string') typed[key] = value.slice(0, 1000);
    else if (Array.isArray(value)) typed[key] = value.filter((v): v is string => typeof v === 'string').slice(0, 100);
  }
  return typed;
}

/**
 * Pages a personal token opens are never stored by a cache. (The site's referrer policy already keeps
 * the token's path from other sites.)
 */
export async function personalPage(response: Response | Promise<Response>): Promise<Response> {
  const res = await response;
  res.headers.set('cache-control', 'private, no-store');
  return res;
}

/** What the notice after a change says (the action's past). */
const NOTICE_OF: Record<SubscriptionChange['action'], string> = {
  save: 'saved',
  pause: 'paused',
  resume: 'resumed',
  unsubscribe: 'unsubscribed',
  delete: 'deleted',
};

async function showPreferences(
  c: Context<AppEnv>,
  subscriber: SubscriberView,
  state: { values?: Record<string, string | string[]>; errors?: Record<string, string> } = {},
  status: ContentfulStatusCode = 200,
) {
  const { i18n, csrfToken, deps, locale } = c.var;
  const options = await loadInterestOptions(deps.db, i18n);
  const notice = PREFERENCE_NOTICES.find((n) => n === c.req.query('notice'));
  const url = `/${locale}/newsletter/preferences/${subscriber.token}`;
  return personalPage(
    renderPage(
      c,
      {
        title: i18n.t('subscription.preferencesTitle'),
        indexable: false,
        children: PreferencesPage({ i18n, csrfToken, url, subscriber, options, notice: status === 200 ? notice : undefined, ...state }),
      },
      status,
    ),
  );
}

/** The preference page: reached by the personal link in every mail, no account needed. */
export const preferencesRoutes = new Hono<AppEnv>()
  .get('/newsletter/preferences/:token', async (c) => {
    const subscriber = await findSubscriberOfToken(c.var.deps.db, c.req.param('token'));
    return subscriber ? showPreferences(c, subscriber) : c.notFound();
  })
  .post('/newsletter/preferences/:token', async (c) => {
    const { deps, locale, i18n } = c.var;
    const subscriber = await findSubscriberOfToken(deps.db, c.req.param('token'));
    if (!subscriber) return c.notFound();
    const typed = await typedForm(c);
    const action = preferenceActionField.safeParse(typed.action);
    if (!action.success) return showPreferences(c, subscriber, { errors: { form: 'invalid' } }, 422);
    let change: SubscriptionChange;
    if (action.data === 'save') {
      const parsed = parseForm(preferencesForm(await loadKnownInterests(deps.db)), typed);
      if (!parsed.ok) return showPreferences(c, subscriber, { values: typed, errors: parsed.errors }, 422);
      change = { action: 'save', preferences: parsed.data };
    } else change = { action: action.data };
    const result = await changeSubscription(deps.db, subscriber.token, change);
    if (!result.ok && result.reason === 'not-found') return c.notFound();
    if (!result.ok) return showPreferences(c, subscriber, { errors: { form: 'notSubscribed' } }, 409);
    if (result.action === 'delete') {
      return personalPage(
        renderPage(c, { title: i18n.t('subscription.deleted.title'), indexable: false, children: DeletedPage({ i18n }) }),
      );
    }
    return c.redirect(`/${locale}/newsletter/preferences/${subscriber.token}?notice=${NOTICE_OF[result.action]}`, 303);
  });
