import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { listThemesWithTopics, loadTaxonomyIndex } from '../../core/taxonomy/taxonomy.service.ts';
import { uploadBodyLimit } from '../../core/uploads/uploads.routes.ts';
import type { AppEnv, CurrentUser } from '../../platform/http/context.ts';
import { requires } from '../../platform/http/middleware/authorize.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { isLocale, type Locale } from '../../platform/i18n/locales.ts';
import { cleanFormBody, type FormErrors, formErrors } from '../../platform/ui/forms.tsx';
import { contentTitle, emptyContent, missingForReview } from './practice-content.ts';
import { applyEditorForm, editorBody, editorValues, nextLanguage, practiceEditorForm } from './practice-editor.forms.ts';
import { type EditorValues, PracticeEditorPage } from './practice-editor.views.tsx';
import { addPracticeFile, type FileError, removePracticeFile } from './practice-files.service.ts';
import { PracticePreview } from './practice-preview.tsx';
import {
  actOnRevision,
  type EditorView,
  getWorkspace,
  listEditorPractices,
  listMyPractices,
  rowTitle,
  saveRevision,
  setArchived,
  startPractice,
  type Workspace,
} from './practice-workflow.service.ts';
import type { WorkflowAction } from './practice-workflow.ts';
import { EditorQueuePage, type ListRow, MyPracticesPage, PracticeWorkspacePage } from './practice-workspace.views.tsx';

// The editorial workflow's pages. Members work under /my/practices, editors under /editor/practices;
// both mount the same workspace routes (the service decides what each may do on each practice).

type Mode = 'author' | 'editor';
const user = (c: Context<AppEnv>) => c.var.user as CurrentUser;
const ctx = (c: Context<AppEnv>) => ({ db: c.var.deps.db, user: user(c), baseUrl: c.var.deps.config.BASE_URL });
const idParam = z.coerce.number().int().min(1).max(2_147_483_647);
/** The notices a redirect may ask for (anything else in ?notice= is ignored, never shown as a key). */
const NOTICES = new Set([
  ...['saved', 'created', 'submitted', 'resubmitted', 'withdrawn', 'in_review', 'changes_requested', 'published', 'rejected'],
  ...['archived', 'restored', 'locked', 'notAllowed', 'commentRequired', 'incomplete', 'rateLimited', 'fileAdded', 'fileRemoved'],
]);

/** The form, its text cleaned; a body that is not a readable form is the client's error (400), not ours. */
async function body(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    return cleanFormBody((await c.req.parseBody({ all: true })) as Record<string, unknown>);
  } catch {
    throw new HTTPException(400, { message: 'malformed-form' });
  }
}
const firstString = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');

function basePath(c: Context<AppEnv>, mode: Mode, id?: number) {
  const root = `/${c.var.locale}/${mode === 'editor' ? 'editor' : 'my'}/practices`;
  return id ? `${root}/${id}` : root;
}

async function loadWorkspace(c: Context<AppEnv>) {
  const id = idParam.safeParse(c.req.param('id'));
  if (!id.success) return undefined;
  const workspace = await getWorkspace(c.var.deps.db, user(c), id.data);
  return workspace ? { id: id.data, workspace } : undefined;
}

async function showWorkspace(
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

async function showEditor(
  c: Context<AppEnv>,
  mode: Mode,
  state: { id?: number; workspace?: Workspace; lang: Locale; values: EditorValues; errors: FormErrors },
  status: 200 | 422 = 200,
) {
  const { i18n, deps, csrfToken } = c.var;
  const [themes, index] = await Promise.all([listThemesWithTopics(deps.db, i18n.locale), loadTaxonomyIndex(deps.db)]);
  const heading = state.workspace ? contentTitle(state.workspace.content, state.lang) : '';
  const action = state.id ? `${basePath(c, mode, state.id)}/edit` : `${basePath(c, mode)}/new`;
  return renderPage(
    c,
    {
      title: heading ? i18n.t('practiceEditor.editTitle', { title: heading }) : i18n.t('practiceEditor.newTitle'),
      indexable: false,
      children: PracticeEditorPage({
        i18n,
        csrfToken,
        action,
        heading,
        lang: state.lang,
        values: state.values,
        errors: state.errors,
        written: Object.keys(state.workspace?.content.translations ?? {}).filter(isLocale),
        themes,
        countries: [...index.countries].sort(),
        cancelHref: state.id ? basePath(c, mode, state.id) : basePath(c, mode),
      }),
    },
    status,
  );
}

function langOf(c: Context<AppEnv>): Locale {
  const lang = c.req.query('lang');
  return isLocale(lang) ? lang : c.var.locale;
}

const ACTIONS = ['submit', 'withdraw', 'start-review', 'request-changes', 'publish', 'reject'] as const;
const actForm = z.object({ action: z.enum(ACTIONS), comment: z.string().max(5000).default('') });
const archiveForm = z.object({ archived: z.enum(['yes', 'no']), archiveComment: z.string().max(5000).catch('').default('') });
const removeForm = z.object({ uploadId: z.coerce.number().int().min(1), kind: z.enum(['document', 'image']) });

/** The routes on one practice, shared by the author's and the editor's area. */
function workspaceRoutes(mode: Mode) {
  const goBack = (c: Context<AppEnv>, id: number, notice: string) => c.redirect(`${basePath(c, mode, id)}?notice=${notice}`, 303);
  return new Hono<AppEnv>()
    .get('/:id{[0-9]+}', async (c) => {
      const found = await loadWorkspace(c);
      if (!found) return c.notFound();
      return showWorkspace(c, mode, found.id, found.workspace);
    })
    .get('/:id{[0-9]+}/edit', async (c) => {
      const found = await loadWorkspace(c);
      if (!found) return c.notFound();
      if (!found.workspace.editable) return goBack(c, found.id, 'locked');
      const lang = langOf(c);
      return showEditor(c, mode, { ...found, lang, values: editorValues(found.workspace.content, lang, user(c).id), errors: {} });
    })
    .post('/:id{[0-9]+}/edit', async (c) => {
      const found = await loadWorkspace(c);
      if (!found) return c.notFound();
      const raw = editorBody(await body(c));
      const parsed = practiceEditorForm.safeParse(raw);
      if (!parsed.success) {
        const lang = isLocale(raw.lang) ? raw.lang : c.var.locale;
        return showEditor(c, mode, { ...found, lang, values: raw as EditorValues, errors: formErrors(parsed.error) }, 422);
      }
      const outcome = await saveRevision(ctx(c), found.id, (content) => applyEditorForm(content, parsed.data, user(c).id));
      if (outcome === 'not-found') return c.notFound();
      if (outcome === 'locked') return goBack(c, found.id, 'locked');
      const form = parsed.data;
      if (form.intent.startsWith('lang:')) return c.redirect(`${basePath(c, mode, found.id)}/edit?lang=${nextLanguage(form)}`, 303);
      if (form.intent === 'preview') return c.redirect(`${basePath(c, mode, found.id)}/preview?lang=${form.lang}`, 303);
      return goBack(c, found.id, 'saved');
    })
    .get('/:id{[0-9]+}/preview', async (c) => {
      const found = await loadWorkspace(c);
      if (!found) return c.notFound();
      const { i18n, deps } = c.var;
      const preview = await PracticePreview({
        db: deps.db,
        i18n,
        workspace: found.workspace,
        lang: langOf(c),
        back: basePath(c, mode, found.id),
      });
      return renderPage(c, { title: `${i18n.t('practiceWorkflow.preview')}: ${preview.title}`, indexable: false, children: preview.page });
    })
    .post('/:id{[0-9]+}/act', async (c) => {
      const raw = await body(c);
      const found = await loadWorkspace(c);
      if (!found) return c.notFound();
      const comment = firstString(raw.comment);
      // A refused decision shows the page again with the comment as typed, so nothing is lost.
      const refuse = async (notice: string, status: 409 | 422) =>
        showWorkspace(c, mode, found.id, (await getWorkspace(c.var.deps.db, user(c), found.id)) ?? found.workspace, undefined, status, {
          notice,
          comment,
        });
      const form = actForm.safeParse({ action: firstString(raw.action), comment });
      if (!form.success) return refuse(form.error.issues.some((i) => i.path[0] === 'comment') ? 'commentTooLong' : 'notAllowed', 422);
      const outcome = await actOnRevision(ctx(c), found.id, form.data.action as WorkflowAction, form.data.comment);
      if (outcome.ok) return goBack(c, found.id, outcome.to);
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
      const form = archiveForm.safeParse(await body(c));
      if (!id.success || !form.success) return c.notFound();
      const outcome = await setArchived(ctx(c), id.data, form.data.archived === 'yes', form.data.archiveComment);
      if (outcome === 'not-found') return c.notFound();
      return goBack(c, id.data, outcome === 'not-allowed' ? 'notAllowed' : outcome);
    })
    .post(
      '/:id{[0-9]+}/files/:kind{document|image}',
      uploadBodyLimit({
        onTooLarge: async (c, error) => {
          const found = await loadWorkspace(c);
          if (!found) return c.notFound();
          const kind = c.req.param('kind') === 'image' ? 'image' : 'document';
          return showWorkspace(c, mode, found.id, found.workspace, { kind, error: error.error, values: error.values ?? {}, text: '' }, 422);
        },
      }),
      async (c) => {
        const found = await loadWorkspace(c);
        if (!found) return c.notFound();
        const kind = c.req.param('kind') === 'image' ? 'image' : 'document';
        const form = await body(c);
        const text = firstString(kind === 'image' ? form.alt : form.title);
        const outcome = await addPracticeFile(ctx(c), found.id, { kind, file: form.file, text }, c.var.deps.config);
        if (outcome === 'not-found') return c.notFound();
        if (outcome === 'locked') return goBack(c, found.id, 'locked');
        if (outcome !== 'added') return showWorkspace(c, mode, found.id, found.workspace, outcome, 422);
        return goBack(c, found.id, 'fileAdded');
      },
    )
    .post('/:id{[0-9]+}/files/remove', async (c) => {
      const id = idParam.safeParse(c.req.param('id'));
      const form = removeForm.safeParse(await body(c));
      if (!id.success || !form.success) return c.notFound();
      const outcome = await removePracticeFile(ctx(c), id.data, form.data.kind, form.data.uploadId);
      if (outcome === 'not-found') return c.notFound();
      return goBack(c, id.data, outcome === 'locked' ? 'locked' : 'fileRemoved');
    });
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

const editorView = z.enum(['review', 'changes', 'published', 'archived', 'draft']).catch('review');

export const practiceWorkflowRoutes = new Hono<AppEnv>()
  .use('/my/practices', requires('act-as-member'))
  .use('/my/practices/*', requires('act-as-member'))
  .use('/editor/practices', requires('edit-content'))
  .use('/editor/practices/*', requires('edit-content'))
  .get('/my/practices', async (c) => {
    const { i18n, deps } = c.var;
    const rows = await listMyPractices(deps.db, user(c), i18n.locale);
    return renderPage(c, {
      title: i18n.t('practiceWorkflow.myTitle'),
      indexable: false,
      children: MyPracticesPage({ i18n, rows: listRows(rows, i18n.locale) }),
    });
  })
  .get('/my/practices/new', (c) => {
    const lang = langOf(c);
    return showEditor(c, 'author', { lang, values: editorValues(emptyContent(), lang, user(c).id), errors: {} });
  })
  .post('/my/practices/new', async (c) => {
    const raw = editorBody(await body(c));
    const parsed = practiceEditorForm.safeParse(raw);
    if (!parsed.success) {
      const lang = isLocale(raw.lang) ? raw.lang : c.var.locale;
      return showEditor(c, 'author', { lang, values: raw as EditorValues, errors: formErrors(parsed.error) }, 422);
    }
    const id = await startPractice(ctx(c), applyEditorForm(emptyContent(), parsed.data, user(c).id));
    const form = parsed.data;
    const base = basePath(c, 'author', id);
    if (form.intent.startsWith('lang:')) return c.redirect(`${base}/edit?lang=${nextLanguage(form)}`, 303);
    if (form.intent === 'preview') return c.redirect(`${base}/preview?lang=${form.lang}`, 303);
    return c.redirect(`${base}?notice=created`, 303);
  })
  .route('/my/practices', workspaceRoutes('author'))
  .get('/editor/practices', async (c) => {
    const { i18n, deps } = c.var;
    const view: EditorView = editorView.parse(c.req.query('view'));
    const { rows, counts } = await listEditorPractices(deps.db, i18n.locale, view);
    return renderPage(c, {
      title: i18n.t('practiceWorkflow.editorTitle'),
      indexable: false,
      editorial: 'practices',
      children: EditorQueuePage({ i18n, rows: listRows(rows, i18n.locale), view, counts }),
    });
  })
  .route('/editor/practices', workspaceRoutes('editor'));
