import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../../platform/http/context.ts';
import { requires } from '../../../platform/http/middleware/authorize.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { cleanFormBody, formErrors, keepTyped } from '../../../platform/ui/forms.tsx';
import { type Edition, editionProblems, loadEditionByNumber } from '../editions/editions.service.ts';
import { editionNumberParam, resendForm, scheduleForm } from './sending.forms.ts';
import {
  archiveWithoutSending,
  cancelSending,
  pauseSending,
  resendUncertain,
  resumeSending,
  scheduleSending,
  sendingProgress,
  startSending,
  unscheduleSending,
} from './sending.service.ts';
import { SendingPage, type SendingPageProps } from './sending.views.tsx';

// /editor/newsletter/<number>/sending: the editors' page of a send. Parse → use case → redirect back
// with a notice (post/redirect/get); the page refreshes itself without JavaScript while mail goes out.

const NOTICES = [
  'started',
  'scheduled',
  'unscheduled',
  'paused',
  'resumed',
  'cancelled',
  'requeued',
  'notReady',
  'changed',
  'unchanged',
  'noPostalAddress',
];

async function editionOr404(c: Context<AppEnv>): Promise<Edition> {
  const number = editionNumberParam.safeParse(c.req.param('number'));
  const edition = number.success ? await loadEditionByNumber(c.var.deps.db, number.data) : null;
  if (!edition) throw new HTTPException(404, { message: 'not-found' });
  return edition;
}

async function formBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    return cleanFormBody((await c.req.parseBody()) as Record<string, unknown>);
  } catch {
    throw new HTTPException(400, { message: 'malformed-form' });
  }
}

async function showPage(
  c: Context<AppEnv>,
  edition: Edition,
  schedule: SendingPageProps['schedule'] = { values: {} },
  status: 200 | 422 = 200,
) {
  const { i18n, deps, csrfToken } = c.var;
  const progress = await sendingProgress(deps.db, edition.id);
  const notice = c.req.query('notice');
  const props: SendingPageProps = {
    i18n,
    csrfToken,
    number: edition.number,
    status: edition.status,
    scheduledAt: edition.scheduled_at,
    timeZone: edition.time_zone,
    problems: editionProblems(edition).map((p) => i18n.t(`newsletterEditor.problems.${p.key}`, p.values)),
    progress,
    schedule,
    ...(notice && NOTICES.includes(notice) ? { notice: i18n.t(`newsletterSending.notices.${notice}`) } : {}),
  };
  return renderPage(
    c,
    {
      title: i18n.t('newsletterSending.title', { number: edition.number }),
      indexable: false,
      editorial: 'newsletter',
      // Progress without JavaScript: the browser asks for the page again while mail goes out.
      head: edition.status === 'sending' ? <meta http-equiv="refresh" content="5" /> : undefined,
      children: SendingPage(props),
    },
    status,
  );
}

const back = (c: Context<AppEnv>, number: number, notice: string) =>
  c.redirect(`/${c.var.locale}/editor/newsletter/${number}/sending?notice=${notice}`, 303);

/** A button's use case: its outcome picks the notice. */
const action =
  (run: (c: Context<AppEnv>, edition: Edition) => Promise<boolean>, done: string, refused = 'unchanged') =>
  async (c: Context<AppEnv>) => {
    const edition = await editionOr404(c);
    await formBody(c);
    return back(c, edition.number, (await run(c, edition)) ? done : refused);
  };

const PATH = '/editor/newsletter/:number{[0-9]+}/sending';

async function noPostalAddress(c: Context<AppEnv>) {
  const edition = await editionOr404(c);
  return back(c, edition.number, 'noPostalAddress');
}

export const sendingRoutes = new Hono<AppEnv>()
  .use(PATH, requires('edit-content'))
  .use(`${PATH}/*`, requires('edit-content'))
  .get(PATH, async (c) => showPage(c, await editionOr404(c)))
  // Every edition's footer names the network's postal address (anti-spam law in the EU and elsewhere):
  // in production no send starts or is scheduled until POSTAL_ADDRESS is set.
  .post(`${PATH}/start`, async (c, next) => (c.var.deps.config.POSTAL_ADDRESS ? next() : noPostalAddress(c)))
  .post(`${PATH}/schedule`, async (c, next) => (c.var.deps.config.POSTAL_ADDRESS ? next() : noPostalAddress(c)))
  .post(
    `${PATH}/start`,
    action(async (c, e) => (await startSending(c.var.deps.db, e.id)).ok, 'started', 'notReady'),
  )
  .post(`${PATH}/schedule`, async (c) => {
    const edition = await editionOr404(c);
    const body = await formBody(c);
    const parsed = scheduleForm(new Date()).safeParse(body);
    if (!parsed.success) {
      const errors = formErrors(parsed.error);
      return showPage(c, edition, { values: keepTyped(body), error: errors.at ?? 'invalid' }, 422);
    }
    const ok = await scheduleSending(c.var.deps.db, edition.id, parsed.data.at, parsed.data.timeZone);
    return back(c, edition.number, ok ? 'scheduled' : 'notReady');
  })
  .post(
    `${PATH}/archive`,
    action((c, e) => archiveWithoutSending(c.var.deps.db, e.id), 'archived'),
  )
  .post(
    `${PATH}/unschedule`,
    action((c, e) => unscheduleSending(c.var.deps.db, e.id), 'unscheduled'),
  )
  .post(
    `${PATH}/pause`,
    action((c, e) => pauseSending(c.var.deps.db, e.id), 'paused'),
  )
  .post(
    `${PATH}/resume`,
    action((c, e) => resumeSending(c.var.deps.db, e.id), 'resumed'),
  )
  .post(
    `${PATH}/cancel`,
    action((c, e) => cancelSending(c.var.deps.db, e.id), 'cancelled'),
  )
  .post(`${PATH}/uncertain`, async (c) => {
    const edition = await editionOr404(c);
    const parsed = resendForm.safeParse(await formBody(c));
    const progress = await sendingProgress(c.var.deps.db, edition.id);
    // Sent only as many as the editor saw on the button: if that changed, the page shows the new count first.
    if (!parsed.success || parsed.data.count !== progress.uncertain) return back(c, edition.number, 'changed');
    const count = await resendUncertain(c.var.deps.db, edition.id);
    return back(c, edition.number, count > 0 ? 'requeued' : 'unchanged');
  });
