import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { AppEnv, CurrentUser } from '../../platform/http/context.ts';
import { requires } from '../../platform/http/middleware/authorize.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { instantToWallClock } from '../../platform/lib/time-zones.ts';
import { cleanFormBody, cleanFormText, type FormErrors } from '../../platform/ui/forms.tsx';
import { TimeZoneScript } from '../../platform/ui/time-zone-field.tsx';
import { REVIEW_DECISIONS, registerAcceptedForEvent, reviewApplication } from './call-application.service.ts';
import { callEditorForm } from './call-editor.forms.ts';
import { applicationHistory, listCallApplications, listEventChoices, saveCall } from './call-editor.service.ts';
import { ApplicationsPage, CallFormPage, type CallFormValues, EditorCallsPage } from './call-editor.views.tsx';
import * as q from './calls.queries.ts';
import { pickCallText } from './calls.views.tsx';

// Editors' calls under /editor/calls: open and edit calls, review applications, register the accepted.

const reviewForm = z.object({
  decision: z.enum(REVIEW_DECISIONS),
  note: z.preprocess((v) => (typeof v === 'string' ? cleanFormText(v).trim() : ''), z.string().max(2000)),
});

async function body(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    return cleanFormBody((await c.req.parseBody()) as Record<string, unknown>);
  } catch {
    throw new HTTPException(400, { message: 'malformed-form' });
  }
}

async function callOr404(c: Context<AppEnv>) {
  const call = await q.findCallBySlug(c.var.deps.db, c.req.param('slug') ?? '');
  if (!call) throw new HTTPException(404, { message: 'not-found' });
  return call;
}

async function renderForm(
  c: Context<AppEnv>,
  call: q.CallRecord | null,
  values: CallFormValues,
  errors: FormErrors,
  status: 200 | 422 = 200,
) {
  const { i18n, deps, csrfToken } = c.var;
  const events = await listEventChoices(deps.db, i18n.locale);
  c.header('cache-control', 'private, no-store');
  return renderPage(
    c,
    {
      title: call ? i18n.t('calls.editor.editTitle') : i18n.t('calls.editor.new'),
      indexable: false,
      head: TimeZoneScript({ assets: deps.assets }),
      // Only the untouched new form takes the browser's zone; a stored or typed one stays.
      children: CallFormPage({ i18n, call, values, errors, events, csrfToken, guessZone: !call && status === 200 }),
    },
    status,
  );
}

function valuesOf(call: q.CallRecord, locale: string): CallFormValues {
  const text = pickCallText(call.texts, locale);
  return {
    lang: text?.locale ?? locale,
    kind: call.kind,
    status: call.status,
    title: text?.title ?? '',
    summary: text?.summary ?? '',
    eligibility: text?.eligibility ?? '',
    questions: (text?.questions ?? []).join('\n'),
    deadline: instantToWallClock(call.deadline, call.time_zone),
    timeZone: call.time_zone,
    eventId: call.event_id ? String(call.event_id) : '',
    perMunicipality: call.per_municipality ? String(call.per_municipality) : '',
  };
}

async function save(c: Context<AppEnv>, call: q.CallRecord | null) {
  const form = await body(c);
  const values = Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === 'string')) as CallFormValues;
  const parsed = callEditorForm.safeParse(form);
  if (!parsed.success) {
    const errors: FormErrors = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return renderForm(c, call, values, errors, 422);
  }
  const slug = await saveCall({ db: c.var.deps.db, user: c.var.user as CurrentUser }, call, parsed.data);
  if (slug === 'forbidden') throw new HTTPException(403, { message: 'forbidden' });
  return c.redirect(`/${c.var.locale}/editor/calls/${slug}?notice=saved`, 303);
}

const ctx = (c: Context<AppEnv>) => ({
  db: c.var.deps.db,
  baseUrl: c.var.deps.config.BASE_URL,
  mailFrom: c.var.deps.config.MAIL_FROM,
  user: c.var.user as CurrentUser,
});

export const callEditorRoutes = new Hono<AppEnv>()
  .use('/editor/calls', requires('edit-content'))
  .use('/editor/calls/*', requires('edit-content'))
  .get('/editor/calls', async (c) => {
    const { i18n, deps } = c.var;
    c.header('cache-control', 'private, no-store');
    return renderPage(c, {
      title: i18n.t('calls.editor.title'),
      indexable: false,
      editorial: 'calls',
      children: EditorCallsPage({ i18n, calls: await q.listCalls(deps.db, true) }),
    });
  })
  .get('/editor/calls/new', (c) => renderForm(c, null, { lang: c.var.locale, status: 'draft', timeZone: 'Europe/Berlin' }, {}))
  .post('/editor/calls/new', (c) => save(c, null))
  .get('/editor/calls/:slug{[a-z0-9-]+}/edit', async (c) => {
    const call = await callOr404(c);
    return renderForm(c, call, valuesOf(call, c.var.locale), {});
  })
  .post('/editor/calls/:slug{[a-z0-9-]+}/edit', async (c) => save(c, await callOr404(c)))
  .get('/editor/calls/:slug{[a-z0-9-]+}', async (c) => {
    const { i18n, deps, csrfToken } = c.var;
    const call = await callOr404(c);
    const rows = await listCallApplications(deps.db, call.id);
    const histories = new Map(await Promise.all(rows.map(async (r) => [r.id, await applicationHistory(deps.db, r.id)] as const)));
    const key = c.req.query('notice');
    const notice =
      key === 'saved' || key === 'reviewed'
        ? i18n.t(`calls.editor.notices.${key}`)
        : key === 'enrolled'
          ? i18n.t('calls.editor.notices.enrolled', {
              registered: Number(c.req.query('r') ?? 0),
              waitlisted: Number(c.req.query('w') ?? 0),
            })
          : undefined;
    c.header('cache-control', 'private, no-store');
    return renderPage(c, {
      title: pickCallText(call.texts, i18n.locale)?.title ?? call.slug,
      indexable: false,
      children: ApplicationsPage({ i18n, call, rows, histories, csrfToken, notice }),
    });
  })
  .post('/editor/calls/:slug{[a-z0-9-]+}/applications/:id{[0-9]+}/review', async (c) => {
    const call = await callOr404(c);
    const parsed = reviewForm.safeParse(await body(c));
    if (!parsed.success) return c.redirect(`/${c.var.locale}/editor/calls/${call.slug}`, 303);
    const outcome = await reviewApplication(ctx(c), Number(c.req.param('id')), parsed.data.decision, parsed.data.note);
    if (outcome === 'forbidden') throw new HTTPException(403, { message: 'forbidden' });
    if (outcome === 'not-found') throw new HTTPException(404, { message: 'not-found' });
    return c.redirect(`/${c.var.locale}/editor/calls/${call.slug}?notice=reviewed`, 303);
  })
  .post('/editor/calls/:slug{[a-z0-9-]+}/register-accepted', async (c) => {
    const call = await callOr404(c);
    const outcome = await registerAcceptedForEvent(ctx(c), call.id);
    if (outcome === 'forbidden') throw new HTTPException(403, { message: 'forbidden' });
    if (outcome === 'no-event') return c.redirect(`/${c.var.locale}/editor/calls/${call.slug}`, 303);
    return c.redirect(`/${c.var.locale}/editor/calls/${call.slug}?notice=enrolled&r=${outcome.registered}&w=${outcome.waitlisted}`, 303);
  });
