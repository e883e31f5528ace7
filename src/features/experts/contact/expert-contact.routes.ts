import { type Context, Hono, type Next } from 'hono';
import { answerContactForm } from '../../../core/mail/contact-section.routes.ts';
import type { AppEnv, CurrentUser } from '../../../platform/http/context.ts';
import { requires } from '../../../platform/http/middleware/authorize.ts';
import { readFormBody } from '../experts.forms.ts';
import { expertOf, showExpert } from '../page/expert-page.routes.ts';
import { sendExpertMessage } from './expert-contact.service.ts';

/** POST /experts/<slug>/contact: a verified member's message to the expert; the expert's page shows the outcome. */
export const expertContactRoutes = new Hono<AppEnv>().post(
  '/experts/:slug/contact',
  requires('act-as-member'),
  async (c: Context<AppEnv>, next: Next) => {
    const profile = await expertOf(c);
    if (!profile) return next();
    const { deps, locale } = c.var;
    return answerContactForm(c, {
      pageUrl: `/${locale}/experts/${profile.slug}`,
      submitted: await readFormBody(c),
      send: (message) => sendExpertMessage({ db: deps.db, baseUrl: deps.config.BASE_URL }, profile.id, c.var.user as CurrentUser, message),
      show: (form, status) => showExpert(c, profile, form ? { form } : {}, status),
    });
  },
);
