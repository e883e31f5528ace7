import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { loadTaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv, CurrentUser } from '../../../platform/http/context.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { cleanFormBody } from '../../../platform/ui/forms.tsx';
import type { FileError } from '../files/practice-files.service.ts';
import { contentTitle, missingForReview } from '../record/practice-content.model.ts';
import { getWorkspace, type WorkflowContext, type Workspace } from './practice-workflow.service.ts';
import { PracticeWorkspacePage } from './practice-workspace.views.tsx';

// What the routes on one practice share (workflow, editor and files): reading the request, the
// workspace's paths, and showing the workspace page. Members work under /my/practices, editors under
// /editor/practices; both mount the same routes (the service decides what each may do on each practice).

export type Mode = 'author' | 'editor';

export const currentUser = (c: Context<AppEnv>) => c.var.user as CurrentUser;
export const workflowContext = (c: Context<AppEnv>): WorkflowContext => ({
  db: c.var.deps.db,
  user: currentUser(c),
  baseUrl: c.var.deps.config.BASE_URL,
});
export const idParam = z.coerce.number().int().min(1).max(2_147_483_647);

/** The notices a redirect may ask for (anything else in ?notice= is ignored, never shown as a key). */
const NOTICES = new Set([
  ...['saved', 'created', 'submitted', 'resubmitted', 'withdrawn', 'in_review', 'changes_requested', 'published', 'rejected'],
  ...['archived', 'restored', 'locked', 'notAllowed', 'commentRequired', 'incomplete', 'rateLimited', 'fileAdded', 'fileRemoved'],
]);

/** The form, its text cleaned; a body that is not a readable form is the client's error (400), not ours. */
export async function formBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    return cleanFormBody((await c.req.parseBody({ all: true })) as Record<string, unknown>);
  } catch {
    throw new HTTPException(400, { message: 'malformed-form' });
  }
}
export const firstString = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');

export function basePath(c: Context<AppEnv>, mode: Mode, id?: number) {
  const root = `/${c.var.locale}/${mode === 'editor' ? 'editor' : 'my'}/practices`;
  return id ? `${root}/${id}` : root;
}

/** Back to the workspace, with a notice of what happened. */
export const backToWorkspace = (c: Context<AppEnv>, mode: Mode, id: number, notice: string) =>
  c.redirect(`${basePath(c, mode, id)}?notice=${notice}`, 303);

export async function loadWorkspace(c: Context<AppEnv>) {
  const id = idParam.safeParse(c.req.param('id'));
  if (!id.success) return undefined;
  const workspace = await getWorkspace(c.var.deps.db, currentUser(c), id.data);
  return workspace ? { id: id.data, workspace } : undefined;
}

export async function showWorkspace(
  c: Context<AppEnv>,
  mode: Mode,
  id: number,
  workspace: Workspace,
  fileError?: FileError,
  status: 200 | 409 | 422 = 200,
  decision?: { notice: string; comment: string },
) {
  const { i18n, deps, csrfToken } = c.var;
  const index = await loadTaxonomyIndex(deps.db);
  const title = contentTitle(workspace.content, i18n.locale) || i18n.t('practiceWorkflow.untitled');
  const rawNotice = c.req.query('notice');
  return renderPage(
    c,
    {
      title: mode === 'editor' ? i18n.t('practiceWorkflow.reviewTitle', { title }) : title,
      indexable: false,
      children: PracticeWorkspacePage({
        i18n,
        csrfToken,
        workspace,
        title,
        base: basePath(c, mode, id),
        mode,
        missing: missingForReview(workspace.content, index),
        notice: decision?.notice ?? (rawNotice && NOTICES.has(rawNotice) ? rawNotice : undefined),
        fileError,
        typedComment: decision?.comment,
      }),
    },
    status,
  );
}
