import { Hono } from 'hono';
import type { AppEnv, CurrentUser } from '../../../platform/http/context.ts';
import { requires } from '../../../platform/http/middleware/authorize.ts';
import { keepTyped, parseForm } from '../../../platform/ui/forms.tsx';
import { showPractice } from '../page/practice-page.routes.ts';
import { getPublishedPractice } from '../page/practice-page.service.ts';
import { practiceContactForm } from './practice-contact.forms.ts';
import { sendPracticeMessage } from './practice-contact.service.ts';

// The contact form of a practice's page: sent, or the page again with the form as typed.
export const practiceContactRoutes = new Hono<AppEnv>().post('/practices/:slug/contact', requires('act-as-member'), async (c) => {
  const { deps, locale } = c.var;
  const user = c.var.user as CurrentUser;
  const detail = await getPublishedPractice(deps.db, c.req.param('slug'), locale);
  if (!detail) return c.notFound();
  const submitted = (await c.req.parseBody()) as Record<string, unknown>;
  const parsed = parseForm(practiceContactForm, submitted);
  if (!parsed.ok) return showPractice(c, detail, { state: { errors: parsed.errors, values: parsed.values } }, 422);
  const result = await sendPracticeMessage({ db: deps.db, baseUrl: deps.config.BASE_URL }, detail.practice, user, parsed.data);
  if (result.ok) return c.redirect(`/${locale}/practices/${detail.practice.slug}?sent=1#contact`, 303);
  if (result.reason === 'rate-limited') {
    // The form again, with what was typed: nothing is lost while waiting.
    c.header('retry-after', String(result.retryAfter));
    const state = {
      errors: { form: result.limit === 'sender' ? 'rateLimited' : 'recipientBusy' },
      values: keepTyped(submitted),
      retryAfterSeconds: result.retryAfter,
    };
    return showPractice(c, detail, { state }, 429);
  }
  // Nobody to write to (or the sender is the recipient): the page says so instead of the form.
  return showPractice(c, detail, {}, 409);
});
