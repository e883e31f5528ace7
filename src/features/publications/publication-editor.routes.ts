import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { listThemesWithTopics, loadTaxonomyIndex } from '../../core/taxonomy/taxonomy.service.ts';
import { uploadBodyLimit } from '../../core/uploads/uploads.routes.ts';
import type { AppEnv, CurrentUser } from '../../platform/http/context.ts';
import { requires } from '../../platform/http/middleware/authorize.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { isLocale, type Locale } from '../../platform/i18n/locales.ts';
import { cleanFormBody, type FormErrors, formErrors } from '../../platform/ui/forms.tsx';
import {
  changePublicationStatus,
  type FileMessage,
  findPublicationForEditors,
  listEditorPublications,
  listEventChoices,
  savePublication,
} from './publication-editor.service.ts';
import { PublicationFormPage } from './publication-editor.views.tsx';
import { EditorPublicationsPage } from './publication-editor-list.views.tsx';
import { publicationForm, statusForm } from './publications.forms.ts';
import type { PublicationRecord } from './publications.queries.ts';

// Editors' publications under /editor/publications. Every route needs 'edit-content' (and the services
// check again); every change is a POST with the CSRF token, answered by a redirect or the form (422).

const NOTICES = new Set(['saved', 'published', 'draft']);

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

async function publicationOr404(c: Context<AppEnv>): Promise<PublicationRecord> {
  const found = await findPublicationForEditors(c.var.deps.db, c.req.param('slug') ?? '');
  if (!found) throw new HTTPException(404, { message: 'not-found' });
  return found;
}

function langOf(c: Context<AppEnv>): Locale {
  const lang = c.req.query('lang');
  return lang && isLocale(lang) ? lang : c.var.locale;
}

type TypedForm = {
  values: Record<string, string>;
  lists: { languages: string[]; themes: string[]; regions: string[] };
  errors: FormErrors;
  file?: FileMessage;
  cover?: FileMessage;
};

async function renderForm(
  c: Context<AppEnv>,
  publication: PublicationRecord | null,
  lang: Locale,
  form: TypedForm,
  status: 200 | 413 | 422 = 200,
) {
  const { i18n, deps, csrfToken } = c.var;
  const [themes, index, events] = await Promise.all([
    listThemesWithTopics(deps.db, i18n.locale),
    loadTaxonomyIndex(deps.db),
    listEventChoices(deps.db, i18n.locale, /^\d{1,9}$/.test(form.values.eventId ?? '') ? Number(form.values.eventId) : null),
  ]);
  c.header('cache-control', 'private, no-store');
  return renderPage(
    c,
    {
      title: publication ? i18n.t('publications.editor.editTitle') : i18n.t('publications.editor.new'),
      indexable: false,
      editorial: 'publications',
      children: PublicationFormPage({ i18n, publication, lang, ...form, themes, regions: [...index.regions].sort(), events, csrfToken }),
    },
    status,
  );
}

function formOf(p: PublicationRecord, lang: Locale): TypedForm {
  const text = p.texts.find((x) => x.locale === lang);
  return {
    values: {
      title: text?.title ?? '',
      summary: text?.summary ?? '',
      coverAlt: text?.cover_alt ?? '',
      kind: p.kind,
      year: String(p.year),
      source: p.file ? 'file' : 'link',
      url: p.url ?? '',
      eventId: p.event_id === null ? '' : String(p.event_id),
      status: p.status,
    },
    lists: { languages: p.languages, themes: p.themes, regions: p.regions },
    errors: {},
  };
}

async function save(c: Context<AppEnv>, existing: PublicationRecord | null) {
  const form = await body(c);
  const lang = typeof form.lang === 'string' && isLocale(form.lang) ? form.lang : langOf(c);
  const typed: TypedForm = {
    values: strings(form),
    lists: { languages: listOf(form.languages), themes: listOf(form.themes), regions: listOf(form.regions) },
    errors: {},
  };
  const parsed = publicationForm.safeParse({ ...form, lang });
  if (!parsed.success) return renderForm(c, existing, lang, { ...typed, errors: formErrors(parsed.error) }, 422);
  const ctx = { db: c.var.deps.db, user: c.var.user as CurrentUser, config: c.var.deps.config };
  const outcome = await savePublication(ctx, existing, parsed.data, { file: form.file, cover: form.cover });
  if (!outcome.ok && 'reason' in outcome) throw new HTTPException(403, { message: 'forbidden' });
  if (!outcome.ok)
    return renderForm(c, existing, lang, { ...typed, errors: outcome.errors, file: outcome.file, cover: outcome.cover }, 422);
  return c.redirect(`/${c.var.locale}/editor/publications?notice=saved`, 303);
}

/** A form too large to read: the form again, with the uploads module's message next to the file field. */
const tooLarge = (existing: boolean) =>
  uploadBodyLimit({
    onTooLarge: async (c, error) =>
      renderForm(
        c,
        existing ? await publicationOr404(c) : null,
        langOf(c),
        { values: {}, lists: { languages: [], themes: [], regions: [] }, errors: {}, file: { key: error.error, values: error.values } },
        413,
      ),
  });

export const publicationEditorRoutes = new Hono<AppEnv>()
  .use('/editor/publications', requires('edit-content'))
  .use('/editor/publications/*', requires('edit-content'))
  .get('/editor/publications', async (c) => {
    const { i18n, deps, csrfToken } = c.var;
    const key = c.req.query('notice');
    c.header('cache-control', 'private, no-store');
    return renderPage(c, {
      title: i18n.t('publications.editor.title'),
      indexable: false,
      editorial: 'publications',
      children: EditorPublicationsPage({
        i18n,
        rows: await listEditorPublications(deps.db, i18n.locale),
        notice: key && NOTICES.has(key) ? i18n.t(`publications.editor.notices.${key}`) : undefined,
        csrfToken,
      }),
    });
  })
  .get('/editor/publications/new', (c) =>
    renderForm(c, null, langOf(c), {
      values: { status: 'draft', source: 'file', year: String(new Date().getUTCFullYear()) },
      lists: { languages: [], themes: [], regions: [] },
      errors: {},
    }),
  )
  .post('/editor/publications/new', tooLarge(false), (c) => save(c, null))
  .get('/editor/publications/:slug{[a-z0-9-]+}/edit', async (c) => {
    const found = await publicationOr404(c);
    const lang = langOf(c);
    return renderForm(c, found, lang, formOf(found, lang));
  })
  .post('/editor/publications/:slug{[a-z0-9-]+}/edit', tooLarge(true), async (c) => save(c, await publicationOr404(c)))
  .post('/editor/publications/:slug{[a-z0-9-]+}/status', async (c) => {
    const found = await publicationOr404(c);
    const parsed = statusForm.safeParse(await body(c));
    if (!parsed.success) throw new HTTPException(400, { message: 'malformed-form' });
    const outcome = await changePublicationStatus({ db: c.var.deps.db, user: c.var.user as CurrentUser }, found.id, parsed.data.status);
    if (outcome === 'forbidden') throw new HTTPException(403, { message: 'forbidden' });
    if (outcome === 'not-found') throw new HTTPException(404, { message: 'not-found' });
    return c.redirect(`/${c.var.locale}/editor/publications?notice=${parsed.data.status}`, 303);
  });
