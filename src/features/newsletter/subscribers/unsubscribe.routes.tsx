import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../../platform/http/context.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { getI18n } from '../../../platform/i18n/i18n.ts';
import { personalPage } from './preferences.routes.tsx';
import { changeSubscription } from './preferences.service.ts';
import { findSubscriberOfToken, type SubscriberView } from './subscription.service.ts';
import { UnsubscribePage } from './unsubscribe.views.tsx';

function showUnsubscribe(c: Context<AppEnv>, subscriber: SubscriberView, state: 'ask' | 'done' | 'not-subscribed') {
  // Outside the locale: the page speaks the subscriber's language, the one their mails are in.
  const i18n = getI18n(subscriber.locale);
  c.set('i18n', i18n);
  c.set('locale', subscriber.locale);
  const title = i18n.t(state === 'ask' ? 'subscription.unsubscribePage.title' : 'subscription.unsubscribePage.doneTitle');
  return personalPage(
    renderPage(c, { title, path: '/newsletter', indexable: false, children: UnsubscribePage({ i18n, token: subscriber.token, state }) }),
  );
}

/**
 * One-click unsubscribe (RFC 8058), mounted at /newsletter outside the locale: a mail program POSTs
 * `List-Unsubscribe=One-Click` without cookies, session or CSRF token, so none is asked for; the
 * unguessable personal token in the address is the whole authority. A GET never unsubscribes.
 */
export const unsubscribeRoutes = new Hono<AppEnv>()
  .get('/unsubscribe/:token', async (c) => {
    const subscriber = await findSubscriberOfToken(c.var.deps.db, c.req.param('token'));
    if (!subscriber) return c.notFound();
    return showUnsubscribe(c, subscriber, subscriber.status === 'confirmed' || subscriber.status === 'pending' ? 'ask' : 'not-subscribed');
  })
  .post(
    '/unsubscribe/:token',
    // The body is one short field; nothing larger is read (no session or CSRF check bounds it here).
    bodyLimit({
      maxSize: 4096,
      onError: () => {
        throw new HTTPException(400, { message: 'body-too-large' });
      },
    }),
    async (c) => {
      let body: Record<string, unknown>;
      try {
        body = await c.req.parseBody();
      } catch {
        throw new HTTPException(400, { message: 'malformed-form' });
      }
      // What RFC 8058 has mail programs send: anything else is no unsubscribe request.
      if (body['List-Unsubscribe'] !== 'One-Click') throw new HTTPException(400, { message: 'not-one-click' });
      const result = await changeSubscription(c.var.deps.db, c.req.param('token'), { action: 'unsubscribe' });
      if (!result.ok || !result.subscriber) return c.notFound();
      return showUnsubscribe(c, result.subscriber, 'done');
    },
  );
