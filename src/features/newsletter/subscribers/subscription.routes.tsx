import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { privacyNoticeVersions } from '../../../core/accounts/index.ts';
import { clientIp } from '../../../platform/http/client-ip.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { parseForm } from '../../../platform/ui/forms.tsx';
import { accountSectionRoutes } from './account-section.routes.ts';
import { loadInterestOptions, loadKnownInterests } from './interests.service.ts';
import { personalPage, preferencesRoutes, typedForm } from './preferences.routes.tsx';
import { subscribeForm } from './subscription.forms.ts';
import { confirmSubscription, findSubscriberOfToken, subscribeToNewsletter } from './subscription.service.ts';
import { CheckInboxPage, ConfirmPage, SubscribePage } from './subscription.views.tsx';

async function showSubscribePage(
  c: Context<AppEnv>,
  state: { values?: Record<string, string | string[]>; errors?: Record<string, string>; retryAfterSeconds?: number } = {},
  status: ContentfulStatusCode = 200,
) {
  const { i18n, csrfToken, deps } = c.var;
  const options = await loadInterestOptions(deps.db, i18n);
  return renderPage(
    c,
    {
      title: i18n.t('subscription.title'),
      description: i18n.t('subscription.intro'),
      section: 'newsletter',
      children: SubscribePage({ i18n, csrfToken, options, ...state }),
    },
    status,
  );
}

/** Subscribing (double opt-in), the confirmation page, the preference page and the account's section. */
export const subscriptionRoutes = new Hono<AppEnv>()
  .get('/newsletter/subscribe', (c) => showSubscribePage(c))
  .post('/newsletter/subscribe', async (c) => {
    const { deps, locale } = c.var;
    const typed = await typedForm(c);
    const parsed = parseForm(subscribeForm(await loadKnownInterests(deps.db)), typed);
    if (!parsed.ok) return showSubscribePage(c, { values: typed, errors: parsed.errors }, 422);
    const result = await subscribeToNewsletter(
      { db: deps.db, baseUrl: deps.config.BASE_URL, secret: deps.secret, ip: clientIp(c) },
      parsed.data,
    );
    if (!result.ok) {
      // The form again with what was typed: nothing is lost while waiting.
      c.header('retry-after', String(result.retryAfter));
      return showSubscribePage(c, { values: typed, errors: { form: 'rateLimited' }, retryAfterSeconds: result.retryAfter }, 429);
    }
    return c.redirect(`/${locale}/newsletter/subscribe/check-inbox`, 303);
  })
  .get('/newsletter/subscribe/check-inbox', (c) => {
    const { i18n } = c.var;
    return renderPage(c, { title: i18n.t('subscription.checkInbox.title'), indexable: false, children: CheckInboxPage({ i18n }) });
  })
  .get('/newsletter/confirm/:token', async (c) => {
    const { i18n, csrfToken, deps } = c.var;
    const token = c.req.param('token');
    const subscriber = await findSubscriberOfToken(deps.db, token);
    if (!subscriber) return c.notFound();
    const outcome = subscriber.status === 'confirmed' ? 'already' : subscriber.awaitingConfirmation ? 'pending' : 'gone';
    const title = i18n.t(outcome === 'gone' ? 'subscription.confirm.goneTitle' : 'subscription.confirm.title');
    return personalPage(
      renderPage(
        c,
        { title, indexable: false, children: ConfirmPage({ i18n, csrfToken, token, outcome }) },
        outcome === 'gone' ? 410 : 200,
      ),
    );
  })
  .post('/newsletter/confirm/:token', async (c) => {
    const { i18n, csrfToken, deps } = c.var;
    const token = c.req.param('token');
    const limits = { secret: deps.secret, ip: clientIp(c) };
    const { outcome, retryAfter } = await confirmSubscription(deps.db, token, limits, deps.modules.extensions.all(privacyNoticeVersions));
    if (outcome === 'not-found') return c.notFound();
    if (outcome === 'rate-limited') {
      c.header('retry-after', String(retryAfter ?? 3600));
      const title = i18n.t('subscription.confirm.title');
      const page = ConfirmPage({ i18n, csrfToken, token, outcome: 'pending', retryAfterSeconds: retryAfter ?? 3600 });
      return personalPage(renderPage(c, { title, indexable: false, children: page }, 429));
    }
    const title = i18n.t(outcome === 'gone' ? 'subscription.confirm.goneTitle' : 'subscription.confirm.doneTitle');
    return personalPage(
      renderPage(
        c,
        { title, indexable: false, children: ConfirmPage({ i18n, csrfToken, token, outcome }) },
        outcome === 'gone' ? 410 : 200,
      ),
    );
  })
  .route('/', preferencesRoutes)
  .route('/', accountSectionRoutes);
