import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { countryChoices, loadTaxonomyIndex } from '../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv, CurrentUser } from '../../platform/http/context.ts';
import { requires } from '../../platform/http/middleware/authorize.ts';
import { can } from '../../platform/http/policy.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { sendShareCard } from '../../platform/http/share-card.ts';
import { isLocale } from '../../platform/i18n/locales.ts';
import { cleanFormBody, type FormErrors } from '../../platform/ui/forms.tsx';
import { applicationForm, readAnswers } from './call-application.forms.ts';
import { callState, submitApplication, withdrawApplication } from './call-application.service.ts';
import { CallHead, callCardKey, callShareImage } from './call-head.views.tsx';
import * as q from './calls.queries.ts';
import { type ApplicationFormValues, CallPage, CallsPage, type CallView, pickCallText } from './calls.views.tsx';

// Calls for participation, for everyone, and the member's application.

const NOTICES = new Set(['submitted', 'updated', 'withdrawn', 'closed', 'decided']);
const EMPTY: ApplicationFormValues = { city: '', country: '', organisation: '', proposal: '', answers: [] };

async function body(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    return cleanFormBody((await c.req.parseBody()) as Record<string, unknown>);
  } catch {
    throw new HTTPException(400, { message: 'malformed-form' });
  }
}

async function callOr404(c: Context<AppEnv>): Promise<q.CallRecord> {
  const call = await q.findCallBySlug(c.var.deps.db, c.req.param('slug') ?? '');
  if (!call || (call.status === 'draft' && !can(c.var.user, 'edit-content'))) throw new HTTPException(404, { message: 'not-found' });
  return call;
}

async function renderCall(
  c: Context<AppEnv>,
  call: q.CallRecord,
  form?: { values: ApplicationFormValues; errors: FormErrors },
  status: 200 | 409 | 422 | 429 = 200,
  refused?: 'closed',
) {
  const { i18n, deps, user, csrfToken } = c.var;
  const text = pickCallText(call.texts, i18n.locale);
  if (!text) throw new HTTPException(404, { message: 'not-found' });
  const application = user ? await q.findApplication(deps.db, call.id, user.id) : undefined;
  const open = callState(call, new Date()) === 'open';
  const changeable =
    application && !['accepted', 'rejected'].includes(application.status) && (open || application.status === 'revision_requested');
  let view: CallView;
  // A closed call says so to everyone first: inviting a visitor to sign in to apply to it would be a dead end.
  if (!open && !application) view = { kind: 'closed' };
  else if (!user) view = { kind: 'sign-in', next: new URL(c.req.url).pathname };
  else if (!can(user, 'act-as-member')) view = { kind: 'verify' };
  else if (application && !changeable) view = { kind: 'application', application, canChange: false };
  else {
    const values =
      form?.values ??
      (application
        ? {
            city: application.city_name,
            country: application.country_code,
            organisation: application.organisation,
            proposal: application.proposal,
            answers: application.answers,
          }
        : EMPTY);
    view = { kind: 'form', values, errors: form?.errors ?? {}, application };
  }
  const taxonomy = await loadTaxonomyIndex(deps.db);
  const countries = countryChoices(taxonomy, i18n);
  const notice = refused ?? c.req.query('notice');
  if (user) c.header('cache-control', 'private, no-store');
  return renderPage(
    c,
    {
      title: text.title,
      description: text.summary,
      section: 'calls',
      // Only the languages it is written in; shown in a fallback language, its canonical is that language's page.
      contentLocales: { available: call.texts.map((tx) => tx.locale), shown: text.locale },
      share: { type: 'article', image: callShareImage(i18n, call, text, deps.config.BASE_URL) },
      head: CallHead({
        i18n,
        call,
        text,
        url: `${deps.config.BASE_URL}/${isLocale(text.locale) ? text.locale : i18n.locale}/calls/${call.slug}`,
        baseUrl: deps.config.BASE_URL,
      }),
      children: CallPage({ i18n, call, text, view, countries, csrfToken, notice: notice && NOTICES.has(notice) ? notice : undefined }),
    },
    status,
  );
}

const ctx = (c: Context<AppEnv>) => ({ db: c.var.deps.db, baseUrl: c.var.deps.config.BASE_URL, mailFrom: c.var.deps.config.MAIL_FROM });

export const callsRoutes = new Hono<AppEnv>()
  .get('/calls', async (c) => {
    const { i18n, deps, user } = c.var;
    const calls = await q.listCalls(deps.db, can(user, 'edit-content'));
    return renderPage(c, { title: i18n.t('calls.title'), section: 'calls', children: CallsPage({ i18n, calls }) });
  })
  .get('/calls/:slug{[a-z0-9-]+}', async (c) => renderCall(c, await callOr404(c)))
  // Its share card: the title in the language the page shows, from the database.
  .get('/calls/:slug{[a-z0-9-]+}/card.png', async (c) => {
    const call = await callOr404(c);
    const text = pickCallText(call.texts, c.var.locale);
    if (!text) throw new HTTPException(404, { message: 'not-found' });
    return sendShareCard(c, { key: callCardKey(call, text), title: text.title, draft: call.status === 'draft' });
  })
  .post('/calls/:slug{[a-z0-9-]+}/apply', requires('act-as-member'), async (c) => {
    const call = await callOr404(c);
    // Refused before the form is read: a closed call must not answer with field errors as if it could
    // still be sent. The service checks again under the call's lock (the deadline may pass meanwhile).
    if (callState(call, new Date()) !== 'open') {
      const own = await q.findApplication(c.var.deps.db, call.id, (c.var.user as CurrentUser).id);
      if (own?.status !== 'revision_requested') return renderCall(c, call, undefined, 409, 'closed');
    }
    const form = await body(c);
    const text = pickCallText(call.texts, c.var.locale);
    const parsed = applicationForm.safeParse(form);
    const { answers, errors: answerErrors } = readAnswers(form, text?.questions.length ?? 0);
    const values: ApplicationFormValues = {
      city: typeof form.city === 'string' ? form.city : '',
      country: typeof form.country === 'string' ? form.country : '',
      organisation: typeof form.organisation === 'string' ? form.organisation : '',
      proposal: typeof form.proposal === 'string' ? form.proposal : '',
      answers,
    };
    const errors: FormErrors = { ...answerErrors };
    if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    if (!parsed.success || Object.keys(errors).length) return renderCall(c, call, { values, errors }, 422);
    const outcome = await submitApplication(ctx(c), c.var.user as CurrentUser, call.id, { ...parsed.data, answers });
    if (outcome.ok) return c.redirect(`/${c.var.locale}/calls/${call.slug}?notice=${outcome.created ? 'submitted' : 'updated'}#apply`, 303);
    if (outcome.reason === 'municipality-full') {
      return renderCall(c, call, { values, errors: { city: 'municipalityFull' } }, 409);
    }
    if (outcome.reason === 'rate-limited') {
      c.header('retry-after', String(outcome.retryAfter));
      return renderCall(c, call, { values, errors: { form: 'rateLimited' } }, 429);
    }
    if (outcome.reason === 'not-found') throw new HTTPException(404, { message: 'not-found' });
    if (outcome.reason === 'closed') return renderCall(c, call, undefined, 409, 'closed');
    return c.redirect(`/${c.var.locale}/calls/${call.slug}?notice=${outcome.reason}`, 303);
  })
  .post('/calls/:slug{[a-z0-9-]+}/withdraw', requires('act-as-member'), async (c) => {
    const call = await callOr404(c);
    const done = await withdrawApplication(ctx(c), c.var.user as CurrentUser, call.id);
    return c.redirect(`/${c.var.locale}/calls/${call.slug}${done ? '?notice=withdrawn' : ''}`, 303);
  });
