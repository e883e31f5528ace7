import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv, CurrentUser } from '../../../platform/http/context.ts';
import { requires } from '../../../platform/http/middleware/authorize.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { cleanFormBody, type FormErrors } from '../../../platform/ui/forms.tsx';
import { loadedEventOr404 } from '../page/event-page.routes.tsx';
import type { LoadedEvent } from '../page/event-page.service.ts';
import { messageForm } from './event-admin.forms.ts';
import { listEditorEvents, listEventRegistrations, markAttendance, messageParticipants, registrationsCsv } from './event-admin.service.ts';
import { EditorEventsPage, type MessageForm, RegistrationsPage } from './event-admin.views.tsx';

// Editors' registration tools under /editor/events. Every route needs 'edit-content'.

const EMPTY_MESSAGE: MessageForm = { subject: '', message: '', includeWaitlist: false };

async function body(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    return cleanFormBody((await c.req.parseBody({ all: true })) as Record<string, unknown>);
  } catch {
    throw new HTTPException(400, { message: 'malformed-form' });
  }
}

const eventOr404 = (c: Context<AppEnv>) => loadedEventOr404(c, c.req.param('slug') ?? '');

const editorCtx = (c: Context<AppEnv>) => ({ db: c.var.deps.db, user: c.var.user as CurrentUser, baseUrl: c.var.deps.config.BASE_URL });

async function renderRegistrations(
  c: Context<AppEnv>,
  loaded: LoadedEvent,
  message = { values: EMPTY_MESSAGE, errors: {} as FormErrors },
  status: 200 | 422 | 429 = 200,
) {
  const { i18n, deps, csrfToken } = c.var;
  const rows = await listEventRegistrations(deps.db, loaded.event.id);
  const noticeKey = c.req.query('notice');
  const count = Number(c.req.query('count') ?? 0);
  const notice =
    noticeKey === 'attendanceSaved' || noticeKey === 'messageSent'
      ? { key: noticeKey, count: Number.isFinite(count) ? count : 0 }
      : undefined;
  c.header('cache-control', 'private, no-store');
  return renderPage(
    c,
    {
      title: `${i18n.t('events.admin.participants')}: ${loaded.text.title}`,
      indexable: false,
      children: RegistrationsPage({
        i18n,
        event: { slug: loaded.event.slug, title: loaded.text.title, capacity: loaded.event.capacity },
        rows,
        csrfToken,
        notice,
        message,
      }),
    },
    status,
  );
}

export const eventAdminRoutes = new Hono<AppEnv>()
  .use('/editor/events', requires('edit-content'))
  .use('/editor/events/*', requires('edit-content'))
  .get('/editor/events', async (c) => {
    const { i18n, deps } = c.var;
    const rows = await listEditorEvents(deps.db, i18n.locale);
    c.header('cache-control', 'private, no-store');
    return renderPage(c, {
      title: i18n.t('events.admin.title'),
      indexable: false,
      editorial: 'events',
      children: EditorEventsPage({ i18n, rows }),
    });
  })
  .get('/editor/events/:slug{[a-z0-9-]+}/registrations', async (c) => renderRegistrations(c, await eventOr404(c)))
  .get('/editor/events/:slug{[a-z0-9-]+}/registrations.csv', async (c) => {
    const loaded = await eventOr404(c);
    const rows = await listEventRegistrations(c.var.deps.db, loaded.event.id);
    return c.body(registrationsCsv(c.var.i18n, rows, loaded.event.time_zone), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${loaded.event.slug}-registrations.csv"`,
      'cache-control': 'private, no-store',
    });
  })
  .post('/editor/events/:slug{[a-z0-9-]+}/attendance', async (c) => {
    const loaded = await eventOr404(c);
    const form = await body(c);
    const present = (Array.isArray(form.present) ? form.present : form.present ? [form.present] : [])
      .map((v) => Number(v))
      .filter((n) => Number.isInteger(n) && n > 0 && n < 2_147_483_647);
    const outcome = await markAttendance(editorCtx(c), loaded.event.id, present);
    if (outcome === 'forbidden') throw new HTTPException(403, { message: 'forbidden' });
    return c.redirect(`/${c.var.locale}/editor/events/${loaded.event.slug}/registrations?notice=attendanceSaved`, 303);
  })
  .post('/editor/events/:slug{[a-z0-9-]+}/message', async (c) => {
    const loaded = await eventOr404(c);
    const form = await body(c);
    const parsed = messageForm.safeParse(form);
    const values: MessageForm = {
      subject: typeof form.subject === 'string' ? form.subject : '',
      message: typeof form.message === 'string' ? form.message : '',
      includeWaitlist: form.includeWaitlist === 'yes',
    };
    if (!parsed.success) {
      const errors: FormErrors = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      return renderRegistrations(c, loaded, { values, errors }, 422);
    }
    const outcome = await messageParticipants(
      editorCtx(c),
      { id: loaded.event.id, slug: loaded.event.slug, title: loaded.text.title },
      { subject: parsed.data.subject, text: parsed.data.message, includeWaitlist: parsed.data.includeWaitlist },
    );
    if (!outcome.ok && outcome.reason === 'forbidden') throw new HTTPException(403, { message: 'forbidden' });
    if (!outcome.ok && outcome.reason === 'rate-limited') {
      c.header('retry-after', String(outcome.retryAfter));
      return renderRegistrations(c, loaded, { values, errors: { form: 'rateLimited' } }, 429);
    }
    const sent = outcome.ok ? outcome.sent : 0;
    return c.redirect(`/${c.var.locale}/editor/events/${loaded.event.slug}/registrations?notice=messageSent&count=${sent}`, 303);
  });
