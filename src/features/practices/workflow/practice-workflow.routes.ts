import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../../platform/http/context.ts';
import { requires } from '../../../platform/http/middleware/authorize.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { newPracticeRoutes, practiceEditorRoutes } from '../editor/practice-editor.routes.ts';
import { practiceFilesRoutes } from '../files/practice-files.routes.ts';
import { EditorQueuePage, type ListRow, MyPracticesPage } from './practice-lists.views.tsx';
import { EDITOR_VIEWS, WORKFLOW_ACTIONS } from './practice-workflow.model.ts';
import { actOnRevision, getWorkspace, listEditorPractices, listMyPractices, rowTitle, setArchived } from './practice-workflow.service.ts';
import {
  backToWorkspace,
  currentUser,
  firstString,
  formBody,
  idParam,
  loadWorkspace,
  type Mode,
  showWorkspace,
  workflowContext,
} from './workspace.routes.ts';

// The editorial workflow's pages: the lists, and a practice's workspace with its decisions. The editor
// (editor/) and the files (files/) add their routes to the same workspace.

const actForm = z.object({ action: z.enum(WORKFLOW_ACTIONS), comment: z.string().max(5000).default('') });
const archiveForm = z.object({ archived: z.enum(['yes', 'no']), archiveComment: z.string().max(5000).catch('').default('') });

/** The routes on one practice, shared by the author's and the editor's area. */
function workspaceRoutes(mode: Mode) {
  return new Hono<AppEnv>()
    .get('/:id{[0-9]+}', async (c) => {
      const found = await loadWorkspace(c);
      if (!found) return c.notFound();
      return showWorkspace(c, mode, found.id, found.workspace);
    })
    .route('/', practiceEditorRoutes(mode))
    .post('/:id{[0-9]+}/act', async (c) => {
      const raw = await formBody(c);
      const found = await loadWorkspace(c);
      if (!found) return c.notFound();
      const comment = firstString(raw.comment);
      // A refused decision shows the page again with the comment as typed, so nothing is lost.
      const refuse = async (notice: string, status: 409 | 422) =>
        showWorkspace(
          c,
          mode,
          found.id,
          (await getWorkspace(c.var.deps.db, currentUser(c), found.id)) ?? found.workspace,
          undefined,
          status,
          {
            notice,
            comment,
          },
        );
      const form = actForm.safeParse({ action: firstString(raw.action), comment });
      if (!form.success) return refuse(form.error.issues.some((i) => i.path[0] === 'comment') ? 'commentTooLong' : 'notAllowed', 422);
      const outcome = await actOnRevision(workflowContext(c), found.id, form.data.action, form.data.comment);
      if (outcome.ok) return backToWorkspace(c, mode, found.id, outcome.to);
      if (outcome.reason === 'not-found') return c.notFound();
      const notice = {
        'not-allowed': 'notAllowed',
        'comment-required': 'commentRequired',
        incomplete: 'incomplete',
        'rate-limited': 'rateLimited',
      }[outcome.reason];
      return refuse(notice, outcome.reason === 'not-allowed' ? 409 : 422);
    })
    .post('/:id{[0-9]+}/archive', async (c) => {
      const id = idParam.safeParse(c.req.param('id'));
      const form = archiveForm.safeParse(await formBody(c));
      if (!id.success || !form.success) return c.notFound();
      const outcome = await setArchived(workflowContext(c), id.data, form.data.archived === 'yes', form.data.archiveComment);
      if (outcome === 'not-found') return c.notFound();
      return backToWorkspace(c, mode, id.data, outcome === 'not-allowed' ? 'notAllowed' : outcome);
    })
    .route('/', practiceFilesRoutes(mode));
}

function listRows(rows: Awaited<ReturnType<typeof listMyPractices>>, locale: Locale): ListRow[] {
  return rows.map((r) => ({
    id: r.id,
    title: rowTitle(r, locale),
    status: r.status,
    state: r.revision_state,
    author: r.author_name,
    updatedAt: new Date(r.updated_at),
  }));
}

const editorView = z.enum(EDITOR_VIEWS).catch('review');

export const practiceWorkflowRoutes = new Hono<AppEnv>()
  .use('/my/practices', requires('act-as-member'))
  .use('/my/practices/*', requires('act-as-member'))
  .use('/editor/practices', requires('edit-content'))
  .use('/editor/practices/*', requires('edit-content'))
  .get('/my/practices', async (c) => {
    const { i18n, deps } = c.var;
    const rows = await listMyPractices(deps.db, currentUser(c), i18n.locale);
    return renderPage(c, {
      title: i18n.t('practiceWorkflow.myTitle'),
      indexable: false,
      children: MyPracticesPage({ i18n, rows: listRows(rows, i18n.locale) }),
    });
  })
  .route('/my/practices', newPracticeRoutes)
  .route('/my/practices', workspaceRoutes('author'))
  .get('/editor/practices', async (c) => {
    const { i18n, deps } = c.var;
    const view = editorView.parse(c.req.query('view'));
    const { rows, counts } = await listEditorPractices(deps.db, i18n.locale, view);
    return renderPage(c, {
      title: i18n.t('practiceWorkflow.editorTitle'),
      indexable: false,
      editorial: 'practices',
      children: EditorQueuePage({ i18n, rows: listRows(rows, i18n.locale), view, counts }),
    });
  })
  .route('/editor/practices', workspaceRoutes('editor'));
