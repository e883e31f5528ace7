import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv, CurrentUser } from '../../../platform/http/context.ts';
import { requires } from '../../../platform/http/middleware/authorize.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { firstString, readFormBody } from '../experts.forms.ts';
import { readMatchForm } from '../matching/expert-matching.forms.ts';
import { renderMatchPage } from '../matching/expert-matching.routes.ts';
import { contactNoteForm, REQUEST_NOTICES, requestIdParam, requestTitle } from './match-requests.forms.ts';
import {
  changeMatchRequest,
  deleteMatchRequest,
  forgetContactedExpert,
  getMatchRequest,
  listMatchRequests,
  noteContactedExpert,
  saveMatchRequest,
} from './match-requests.service.ts';
import { DeleteMatchRequestPage, MatchRequestsPage } from './match-requests.views.tsx';

// Editors' saved matching requests (/editor/matches). Every route needs 'edit-content'.

const ctx = (c: Context<AppEnv>) => ({ db: c.var.deps.db, user: c.var.user as CurrentUser });

export const matchRequestsRoutes = new Hono<AppEnv>()
  .use('/editor/matches', requires('edit-content'))
  .use('/editor/matches/*', requires('edit-content'))
  .get('/editor/matches', async (c) => {
    const { i18n, deps } = c.var;
    const rows = await listMatchRequests(deps.db);
    const notice = c.req.query('notice') === 'deleted' ? 'deleted' : undefined;
    return renderPage(c, {
      title: i18n.t('experts.requests.title'),
      indexable: false,
      editorial: 'matches',
      children: MatchRequestsPage({ i18n, rows, notice }),
    });
  })
  .post('/editor/matches', async (c) => {
    const form = await readFormBody(c);
    const name = requestTitle.safeParse(firstString(form.title));
    const input = readMatchForm(form);
    if (!name.success) return renderMatchPage(c, input, true, { kind: 'can-save' });
    const id = await saveMatchRequest(ctx(c), name.data, input);
    if (id === 'forbidden') throw new HTTPException(403, { message: 'forbidden' });
    return c.redirect(`/${c.var.locale}/editor/matches/${id}?notice=saved`, 303);
  })
  .get('/editor/matches/:id{[0-9]+}', async (c) => {
    const id = requestIdParam.safeParse(c.req.param('id'));
    const found = id.success ? await getMatchRequest(c.var.deps.db, id.data) : undefined;
    if (!found) return c.notFound();
    const notice = c.req.query('notice');
    return renderMatchPage(c, found.input, true, {
      kind: 'saved',
      id: found.request.id,
      title: found.request.title,
      createdBy: found.request.created_by_name,
      contacts: found.contacts,
      notice: notice && REQUEST_NOTICES.has(notice) ? notice : undefined,
    });
  })
  .post('/editor/matches/:id{[0-9]+}', async (c) => {
    const id = requestIdParam.safeParse(c.req.param('id'));
    if (!id.success) return c.notFound();
    const form = await readFormBody(c);
    const name = requestTitle.safeParse(firstString(form.title));
    if (!name.success) return c.redirect(`/${c.var.locale}/editor/matches/${id.data}?notice=titleRequired`, 303);
    const outcome = await changeMatchRequest(ctx(c), id.data, name.data, readMatchForm(form));
    if (outcome === 'not-found') return c.notFound();
    return c.redirect(`/${c.var.locale}/editor/matches/${id.data}?notice=saved`, 303);
  })
  .get('/editor/matches/:id{[0-9]+}/delete', async (c) => {
    const id = requestIdParam.safeParse(c.req.param('id'));
    const found = id.success ? await getMatchRequest(c.var.deps.db, id.data) : undefined;
    if (!found) return c.notFound();
    const { i18n, csrfToken } = c.var;
    return renderPage(c, {
      title: i18n.t('experts.requests.deleteTitle'),
      indexable: false,
      children: DeleteMatchRequestPage({
        i18n,
        id: found.request.id,
        title: found.request.title,
        contacts: found.contacts.length,
        csrfToken,
      }),
    });
  })
  .post('/editor/matches/:id{[0-9]+}/delete', async (c) => {
    const id = requestIdParam.safeParse(c.req.param('id'));
    if (!id.success) return c.notFound();
    // Only the confirmation page's button deletes; anything else goes back to that page.
    if (firstString((await readFormBody(c)).confirm) !== 'yes') return c.redirect(`/${c.var.locale}/editor/matches/${id.data}/delete`, 303);
    const outcome = await deleteMatchRequest(ctx(c), id.data);
    if (outcome === 'not-found') return c.notFound();
    if (outcome === 'forbidden') throw new HTTPException(403, { message: 'forbidden' });
    return c.redirect(`/${c.var.locale}/editor/matches?notice=deleted`, 303);
  })
  .post('/editor/matches/:id{[0-9]+}/contacts', async (c) => {
    const id = requestIdParam.safeParse(c.req.param('id'));
    const form = contactNoteForm.safeParse(await readFormBody(c));
    if (!id.success || !form.success) return c.notFound();
    const outcome = await noteContactedExpert(ctx(c), id.data, form.data.expertId, form.data.note);
    if (outcome === 'not-found') return c.notFound();
    return c.redirect(`/${c.var.locale}/editor/matches/${id.data}?notice=noted`, 303);
  })
  .post('/editor/matches/:id{[0-9]+}/contacts/remove', async (c) => {
    const id = requestIdParam.safeParse(c.req.param('id'));
    const form = contactNoteForm.safeParse(await readFormBody(c));
    if (!id.success || !form.success) return c.notFound();
    await forgetContactedExpert(ctx(c), id.data, form.data.expertId);
    return c.redirect(`/${c.var.locale}/editor/matches/${id.data}`, 303);
  });
