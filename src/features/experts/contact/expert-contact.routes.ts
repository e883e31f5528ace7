import { type Context, Hono, type Next } from 'hono';
import type { AppEnv, CurrentUser } from '../../../platform/http/context.ts';
import { requires } from '../../../platform/http/middleware/authorize.ts';
import { keepTyped, parseForm } from '../../../platform/ui/forms.tsx';
import { readFormBody } from '../experts.forms.ts';
import { expertOf, showExpert } from '../page/expert-page.routes.ts';
import type { ExpertProfile } from '../profile/expert-profile.model.ts';
import { expertContactForm } from './expert-contact.forms.ts';
import { sendExpertMessage } from './expert-contact.service.ts';

/** POST /experts/<slug>/contact: a verified member's message to the expert; the expert's page shows the outcome. */
export const expertContactRoutes = new Hono<AppEnv>().post(
  '/experts/:slug/contact',
  requires('act-as-member'),
  async (c: Context<AppEnv>, next: Next) => {
    const profile = await expertOf(c);
    if (!profile) return next();
    return contact(c, profile);
  },
);

async function contact(c: Context<AppEnv>, profile: ExpertProfile): Promise<Response> {
  const { deps, locale } = c.var;
  const submitted = await readFormBody(c);
  const parsed = parseForm(expertContactForm, submitted);
  if (!parsed.ok) return showExpert(c, profile, { form: { errors: parsed.errors, values: parsed.values } }, 422);
  const result = await sendExpertMessage(
    { db: deps.db, baseUrl: deps.config.BASE_URL },
    profile.id,
    c.var.user as CurrentUser,
    parsed.data,
  );
  if (result.ok) return c.redirect(`/${locale}/experts/${profile.slug}?sent=1#contact`, 303);
  if (result.reason === 'not-found') return c.notFound();
  if (result.reason === 'rate-limited') {
    // The form again, with what was typed: nothing is lost while waiting.
    c.header('retry-after', String(result.retryAfter));
    const form = {
      errors: { form: result.limit === 'sender' ? 'rateLimited' : 'recipientBusy' },
      values: keepTyped(submitted),
      retryAfterSeconds: result.retryAfter,
    };
    return showExpert(c, profile, { form }, 429);
  }
  // Contact turned off, nobody reachable, or writing to oneself: the page says so instead of the form.
  return showExpert(c, profile, {}, 409);
}
