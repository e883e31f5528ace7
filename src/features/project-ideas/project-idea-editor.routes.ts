import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { countryChoices, listThemesWithTopics, loadTaxonomyIndex } from '../../core/taxonomy/taxonomy.service.ts';
import { uploadBodyLimit } from '../../core/uploads/uploads.routes.ts';
import type { AppEnv, CurrentUser } from '../../platform/http/context.ts';
import { requires } from '../../platform/http/middleware/authorize.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { isLocale, type Locale } from '../../platform/i18n/locales.ts';
import { cleanFormBody, type FormErrors, formErrors } from '../../platform/ui/forms.tsx';
import { listExpertCards } from '../experts/index.ts';
import {
  addProjectDocument,
  addSupportingExpert,
  changeProjectStage,
  findProjectIdeaForEditors,
  linkProjectWorkshop,
  listEditorProjectIdeas,
  loadEditorChoices,
  type ProjectIdeaRecord,
  removeProjectDocument,
  removeSupportingExpert,
  saveProjectIdea,
} from './project-idea-editor.service.ts';
import { EditorProjectIdeasPage, ProjectIdeaFormPage } from './project-idea-editor.views.tsx';
import { ManageProjectIdeaPage, type SideForm } from './project-idea-manage.views.tsx';
import {
  documentTitle,
  projectIdeaForm,
  publicationProblems,
  removeDocumentForm,
  removeExpertForm,
  stageForm,
  supportForm,
  workshopForm,
} from './project-ideas.forms.ts';
import { pickProjectIdeaText } from './project-ideas.service.ts';

// Editors' project ideas under /editor/project-ideas. Every route needs 'edit-content'; every change
// is a POST with the CSRF token, answered by a redirect (post/redirect/get) or the form again (422).

const NOTICES = new Set(['saved', 'stageSaved', 'expertAdded', 'expertRemoved', 'workshopSaved', 'documentAdded', 'documentRemoved']);

async function body(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    return cleanFormBody((await c.req.parseBody({ all: true })) as Record<string, unknown>);
  } catch {
    throw new HTTPException(400, { message: 'malformed-form' });
  }
}

const strings = (form: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
const listOf = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);
const editorCtx = (c: Context<AppEnv>) => ({ db: c.var.deps.db, user: c.var.user as CurrentUser });

async function ideaOr404(c: Context<AppEnv>): Promise<ProjectIdeaRecord> {
  const idea = await findProjectIdeaForEditors(c.var.deps.db, c.req.param('slug') ?? '');
  if (!idea) throw new HTTPException(404, { message: 'not-found' });
  return idea;
}

function langOf(c: Context<AppEnv>): Locale {
  const lang = c.req.query('lang');
  return lang && isLocale(lang) ? lang : c.var.locale;
}

async function renderForm(
  c: Context<AppEnv>,
  idea: ProjectIdeaRecord | null,
  lang: Locale,
  form: { values: Record<string, string>; themes: string[]; topics: string[]; errors: FormErrors },
  status: 200 | 422 = 200,
) {
  const { i18n, deps, csrfToken } = c.var;
  const [taxonomy, index, choices] = await Promise.all([
    listThemesWithTopics(deps.db, i18n.locale),
    loadTaxonomyIndex(deps.db),
    loadEditorChoices(deps.db, i18n.locale, null),
  ]);
  const countries = countryChoices(index, i18n);
  c.header('cache-control', 'private, no-store');
  return renderPage(
    c,
    {
      title: idea ? i18n.t('projectIdeas.editor.editTitle') : i18n.t('projectIdeas.editor.new'),
      indexable: false,
      children: ProjectIdeaFormPage({ i18n, idea, lang, ...form, taxonomy, countries, calls: choices.calls, csrfToken }),
    },
    status,
  );
}

function formOf(idea: ProjectIdeaRecord, lang: Locale) {
  const text = idea.texts.find((x) => x.locale === lang);
  return {
    values: {
      title: text?.title ?? '',
      summary: text?.summary ?? '',
      challenge: text?.challenge ?? '',
      approach: text?.approach ?? '',
      nextSteps: text?.next_steps ?? '',
      city: idea.city_name,
      country: idea.country_code,
      budget: idea.budget_eur === null ? '' : String(idea.budget_eur),
      callId: idea.call_id === null ? '' : String(idea.call_id),
      status: idea.status,
    },
    themes: idea.themes,
    topics: idea.topics,
    errors: {},
  };
}

async function save(c: Context<AppEnv>, idea: ProjectIdeaRecord | null) {
  const form = await body(c);
  const lang = typeof form.lang === 'string' && isLocale(form.lang) ? form.lang : langOf(c);
  const typed = { values: strings(form), themes: listOf(form.themes), topics: listOf(form.topics) };
  const parsed = projectIdeaForm.safeParse({ ...form, lang });
  const errors = { ...publicationProblems(form), ...(parsed.success ? {} : formErrors(parsed.error)) };
  if (!parsed.success || Object.keys(errors).length) return renderForm(c, idea, lang, { ...typed, errors }, 422);
  const outcome = await saveProjectIdea(editorCtx(c), idea?.id ?? null, parsed.data);
  if (!outcome.ok && 'reason' in outcome) throw new HTTPException(403, { message: 'forbidden' });
  if (!outcome.ok) return renderForm(c, idea, lang, { ...typed, errors: outcome.errors }, 422);
  return c.redirect(`/${c.var.locale}/editor/project-ideas/${outcome.slug}?notice=saved`, 303);
}

type ManageForms = { stageForm?: SideForm; expertForm?: SideForm; documentError?: { message: string; title: string } };

async function renderManage(c: Context<AppEnv>, idea: ProjectIdeaRecord, forms: ManageForms = {}, status: 200 | 413 | 422 = 200) {
  const { i18n, deps, csrfToken, user } = c.var;
  const [choices, cards] = await Promise.all([
    loadEditorChoices(deps.db, i18n.locale, idea.call_id),
    listExpertCards(
      deps.db,
      idea.experts.map((e) => e.expert_id),
      i18n.locale,
      user,
    ),
  ]);
  const contribution = new Map(idea.experts.map((e) => [e.expert_id, e.contribution]));
  const key = c.req.query('notice');
  c.header('cache-control', 'private, no-store');
  const title = pickProjectIdeaText(idea.texts, i18n.locale)?.title ?? idea.slug;
  return renderPage(
    c,
    {
      title,
      indexable: false,
      children: ManageProjectIdeaPage({
        i18n,
        idea,
        title,
        experts: cards.map((h) => ({ id: h.id, slug: h.slug, name: h.name, contribution: contribution.get(h.id) ?? '' })),
        workshops: choices.workshops,
        offers: choices.offers,
        csrfToken,
        notice: key && NOTICES.has(key) ? i18n.t(`projectIdeas.editor.notices.${key}`) : undefined,
        ...forms,
      }),
    },
    status,
  );
}

const back = (c: Context<AppEnv>, idea: ProjectIdeaRecord, notice: string) =>
  c.redirect(`/${c.var.locale}/editor/project-ideas/${idea.slug}?notice=${notice}`, 303);

export const projectIdeaEditorRoutes = new Hono<AppEnv>()
  .use('/editor/project-ideas', requires('edit-content'))
  .use('/editor/project-ideas/*', requires('edit-content'))
  .get('/editor/project-ideas', async (c) => {
    const { i18n, deps } = c.var;
    c.header('cache-control', 'private, no-store');
    return renderPage(c, {
      title: i18n.t('projectIdeas.editor.title'),
      indexable: false,
      editorial: 'project-ideas',
      children: EditorProjectIdeasPage({ i18n, rows: await listEditorProjectIdeas(deps.db, i18n.locale) }),
    });
  })
  .get('/editor/project-ideas/new', (c) =>
    renderForm(c, null, langOf(c), { values: { status: 'draft' }, themes: [], topics: [], errors: {} }),
  )
  .post('/editor/project-ideas/new', (c) => save(c, null))
  .get('/editor/project-ideas/:slug{[a-z0-9-]+}', async (c) => renderManage(c, await ideaOr404(c)))
  .get('/editor/project-ideas/:slug{[a-z0-9-]+}/edit', async (c) => {
    const idea = await ideaOr404(c);
    const lang = langOf(c);
    return renderForm(c, idea, lang, formOf(idea, lang));
  })
  .post('/editor/project-ideas/:slug{[a-z0-9-]+}/edit', async (c) => save(c, await ideaOr404(c)))
  .post('/editor/project-ideas/:slug{[a-z0-9-]+}/stage', async (c) => {
    const idea = await ideaOr404(c);
    const form = await body(c);
    const parsed = stageForm.safeParse(form);
    if (!parsed.success) return renderManage(c, idea, { stageForm: { values: strings(form), errors: formErrors(parsed.error) } }, 422);
    const outcome = await changeProjectStage(editorCtx(c), idea.id, parsed.data);
    if (outcome === 'forbidden') throw new HTTPException(403, { message: 'forbidden' });
    return back(c, idea, 'stageSaved');
  })
  .post('/editor/project-ideas/:slug{[a-z0-9-]+}/experts', async (c) => {
    const idea = await ideaOr404(c);
    const form = await body(c);
    const parsed = supportForm.safeParse(form);
    const again = (errors: FormErrors) => renderManage(c, idea, { expertForm: { values: strings(form), errors } }, 422);
    if (!parsed.success) return again(formErrors(parsed.error));
    const outcome = await addSupportingExpert(editorCtx(c), idea.id, parsed.data.expert, parsed.data.contribution);
    if (outcome === 'forbidden') throw new HTTPException(403, { message: 'forbidden' });
    if (outcome === 'expert-not-found') return again({ expert: 'expertNotFound' });
    return back(c, idea, 'expertAdded');
  })
  .post('/editor/project-ideas/:slug{[a-z0-9-]+}/experts/remove', async (c) => {
    const idea = await ideaOr404(c);
    const parsed = removeExpertForm.safeParse(await body(c));
    if (!parsed.success) throw new HTTPException(400, { message: 'malformed-form' });
    if ((await removeSupportingExpert(editorCtx(c), idea.id, parsed.data.expertId)) === 'forbidden')
      throw new HTTPException(403, { message: 'forbidden' });
    return back(c, idea, 'expertRemoved');
  })
  .post('/editor/project-ideas/:slug{[a-z0-9-]+}/workshops/:action{add|remove}', async (c) => {
    const idea = await ideaOr404(c);
    const parsed = workshopForm.safeParse(await body(c));
    if (!parsed.success) return c.redirect(`/${c.var.locale}/editor/project-ideas/${idea.slug}`, 303);
    const outcome = await linkProjectWorkshop(editorCtx(c), idea.id, parsed.data.eventId, c.req.param('action') === 'add');
    if (outcome === 'forbidden') throw new HTTPException(403, { message: 'forbidden' });
    if (outcome === 'not-found') throw new HTTPException(404, { message: 'not-found' });
    return back(c, idea, 'workshopSaved');
  })
  .post(
    '/editor/project-ideas/:slug{[a-z0-9-]+}/documents',
    uploadBodyLimit({
      onTooLarge: async (c, error) =>
        renderManage(c, await ideaOr404(c), { documentError: { message: c.var.i18n.t(error.error, error.values), title: '' } }, 413),
    }),
    async (c) => {
      const idea = await ideaOr404(c);
      const form = await body(c);
      const title = documentTitle.safeParse(form.documentTitle);
      const typedTitle = typeof form.documentTitle === 'string' ? form.documentTitle : '';
      if (!title.success) {
        return renderManage(c, idea, { documentError: { message: c.var.i18n.t('forms.errors.tooLong'), title: typedTitle } }, 422);
      }
      const outcome = await addProjectDocument(editorCtx(c), idea.id, { file: form.file, title: title.data }, c.var.deps.config);
      if (outcome === 'forbidden') throw new HTTPException(403, { message: 'forbidden' });
      if (outcome === 'not-found') throw new HTTPException(404, { message: 'not-found' });
      if (outcome !== 'added') {
        return renderManage(c, idea, { documentError: { message: c.var.i18n.t(outcome.error, outcome.values), title: typedTitle } }, 422);
      }
      return back(c, idea, 'documentAdded');
    },
  )
  .post('/editor/project-ideas/:slug{[a-z0-9-]+}/documents/remove', async (c) => {
    const idea = await ideaOr404(c);
    const parsed = removeDocumentForm.safeParse(await body(c));
    if (!parsed.success) throw new HTTPException(400, { message: 'malformed-form' });
    if ((await removeProjectDocument(editorCtx(c), idea.id, parsed.data.uploadId)) === 'forbidden')
      throw new HTTPException(403, { message: 'forbidden' });
    return back(c, idea, 'documentRemoved');
  });
