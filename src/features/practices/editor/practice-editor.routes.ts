import { type Context, Hono } from 'hono';
import { listThemesWithTopics, loadTaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { isLocale, type Locale } from '../../../platform/i18n/locales.ts';
import { type FormErrors, formErrors } from '../../../platform/ui/forms.tsx';
import { contentTitle, emptyContent } from '../record/practice-content.model.ts';
import { saveRevision, startPractice, type Workspace } from '../workflow/practice-workflow.service.ts';
import {
  backToWorkspace,
  basePath,
  currentUser,
  formBody,
  loadWorkspace,
  type Mode,
  workflowContext,
} from '../workflow/workspace.routes.ts';
import {
  applyEditorForm,
  editorBody,
  editorValues,
  nextLanguage,
  type PracticeEditorForm,
  practiceEditorForm,
} from './practice-editor.forms.ts';
import { type EditorValues, PracticeEditorPage } from './practice-editor.views.tsx';
import { previewPractice } from './practice-preview.service.ts';
import { PracticePreview } from './practice-preview.views.tsx';

// The practice editor's pages: a new practice (members), and the edit form and preview of one practice
// (mounted in the author's and the editor's workspace).

/** The language of the texts to show (`?lang=`), else the interface's. */
function langOf(c: Context<AppEnv>): Locale {
  const lang = c.req.query('lang');
  return isLocale(lang) ? lang : c.var.locale;
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

/** The form as posted, with the language it was in: what to show again when it has errors. */
function refused(c: Context<AppEnv>, raw: Record<string, unknown>) {
  return { lang: isLocale(raw.lang) ? raw.lang : c.var.locale, values: raw as EditorValues };
}

/** After a save, as the button asked: the form in another language, the preview, or the workspace. */
function afterSave(c: Context<AppEnv>, base: string, form: PracticeEditorForm, notice: 'created' | 'saved') {
  if (form.intent.startsWith('lang:')) return c.redirect(`${base}/edit?lang=${nextLanguage(form)}`, 303);
  if (form.intent === 'preview') return c.redirect(`${base}/preview?lang=${form.lang}`, 303);
  return c.redirect(`${base}?notice=${notice}`, 303);
}

/** `/my/practices/new`: a member starts a practice (its first revision). */
export const newPracticeRoutes = new Hono<AppEnv>()
  .get('/new', (c) => {
    const lang = langOf(c);
    return showEditor(c, 'author', { lang, values: editorValues(emptyContent(), lang, currentUser(c).id), errors: {} });
  })
  .post('/new', async (c) => {
    const raw = editorBody(await formBody(c));
    const parsed = practiceEditorForm.safeParse(raw);
    if (!parsed.success) return showEditor(c, 'author', { ...refused(c, raw), errors: formErrors(parsed.error) }, 422);
    const id = await startPractice(workflowContext(c), applyEditorForm(emptyContent(), parsed.data, currentUser(c).id));
    return afterSave(c, basePath(c, 'author', id), parsed.data, 'created');
  });

/** The edit form and the preview of one practice, in the author's or the editor's area. */
export function practiceEditorRoutes(mode: Mode) {
  return new Hono<AppEnv>()
    .get('/:id{[0-9]+}/edit', async (c) => {
      const found = await loadWorkspace(c);
      if (!found) return c.notFound();
      if (!found.workspace.editable) return backToWorkspace(c, mode, found.id, 'locked');
      const lang = langOf(c);
      return showEditor(c, mode, { ...found, lang, values: editorValues(found.workspace.content, lang, currentUser(c).id), errors: {} });
    })
    .post('/:id{[0-9]+}/edit', async (c) => {
      const found = await loadWorkspace(c);
      if (!found) return c.notFound();
      const raw = editorBody(await formBody(c));
      const parsed = practiceEditorForm.safeParse(raw);
      if (!parsed.success) return showEditor(c, mode, { ...found, ...refused(c, raw), errors: formErrors(parsed.error) }, 422);
      const outcome = await saveRevision(workflowContext(c), found.id, (content) =>
        applyEditorForm(content, parsed.data, currentUser(c).id),
      );
      if (outcome === 'not-found') return c.notFound();
      if (outcome === 'locked') return backToWorkspace(c, mode, found.id, 'locked');
      return afterSave(c, basePath(c, mode, found.id), parsed.data, 'saved');
    })
    .get('/:id{[0-9]+}/preview', async (c) => {
      const found = await loadWorkspace(c);
      if (!found) return c.notFound();
      const { i18n, deps, csrfToken } = c.var;
      const preview = await previewPractice(deps.db, i18n.locale, found.workspace, langOf(c));
      const title = preview.title || i18n.t('practiceWorkflow.untitled');
      return renderPage(c, {
        title: `${i18n.t('practiceWorkflow.preview')}: ${title}`,
        indexable: false,
        children: PracticePreview({
          i18n,
          detail: preview.detail,
          themes: preview.themes,
          back: basePath(c, mode, found.id),
          csrfToken,
          canSubmit: found.workspace.actions.includes('submit'),
        }),
      });
    });
}
