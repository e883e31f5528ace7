import { Hono } from 'hono';
import { answerContactForm } from '../../../core/mail/contact-section.routes.ts';
import type { AppEnv, CurrentUser } from '../../../platform/http/context.ts';
import { requires } from '../../../platform/http/middleware/authorize.ts';
import { showPractice } from '../page/practice-page.routes.ts';
import { getPublishedPractice } from '../page/practice-page.service.ts';
import { sendPracticeMessage } from './practice-contact.service.ts';

// The contact form of a practice's page: sent, or the page again with the form as typed.
export const practiceContactRoutes = new Hono<AppEnv>().post('/practices/:slug/contact', requires('act-as-member'), async (c) => {
  const { deps, locale } = c.var;
  const detail = await getPublishedPractice(deps.db, c.req.param('slug'), locale);
  if (!detail) return c.notFound();
  return answerContactForm(c, {
    pageUrl: `/${locale}/practices/${detail.practice.slug}`,
    submitted: (await c.req.parseBody()) as Record<string, unknown>,
    send: (message) =>
      sendPracticeMessage({ db: deps.db, baseUrl: deps.config.BASE_URL }, detail.practice, c.var.user as CurrentUser, message),
    show: (form, status) => showPractice(c, detail, form ? { state: form } : {}, status),
  });
});
