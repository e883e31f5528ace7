import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { listThemesWithTopics, loadTaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import { uploadBodyLimit } from '../../../core/uploads/uploads.routes.ts';
import type { AppEnv, CurrentUser } from '../../../platform/http/context.ts';
import { requires } from '../../../platform/http/middleware/authorize.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { isLocale, type Locale } from '../../../platform/i18n/locales.ts';
import { cleanFormBody, type FormErrors, formErrors } from '../../../platform/ui/forms.tsx';
import { TimeZoneScript } from '../../../platform/ui/time-zone-field.tsx';
import { eventEditorForm, eventReferencesForm, removeDocumentForm } from './event-editor.forms.ts';
import {
  addEventDocument,
  type EditableEvent,
  type EventFormValues,
  formValuesOf,
  loadEditableEvent,
  loadEventFormChoices,
  removeEventDocument,
  resolveEventReferences,
  saveEventFromForm,
} from './event-editor.service.ts';
import { EventFormPage } from './event-editor.views.tsx';

// Editors create and change events under /editor/events (new, <slug>/edit, <slug>/documents). Every
// route needs 'edit-content'; every change is a POST with the CSRF token.

const NOTICES = new Set(['saved', 'documentAdded', 'documentRemoved']);
const LISTS = ['questions', 'themes', 'topics', 'languages'] as const;

async function body(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    return cleanFormBody((await c.req.parseBody({ all: true })) as Record<string, unknown>);
  } catch {
    throw new HTTPException(400, { message: 'malformed-form' });
  }
}

function langOf(c: Context<AppEnv>): Locale {
  const lang = c.req.query('lang');
  return lang && isLocale(lang) ? lang : c.var.locale;
}

async function eventOr404(c: Context<AppEnv>): Promise<EditableEvent> {
  const event = await loadEditableEvent(c.var.deps.db, c.req.param('slug') ?? '');
  if (!event) throw new HTTPException(404, { message: 'not-found' });
  return event;
}

const ctx = (c: Context<AppEnv>) => ({
  db: c.var.deps.db,
  user: c.var.user as CurrentUser,
  baseUrl: c.var.deps.config.BASE_URL,
  mailFrom: c.var.deps.config.MAIL_FROM,
});

/** What was typed, to show again: the strings, and the checkbox lists. */
function typed(form: Record<string, unknown>): EventFormValues {
  const listOf = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
  const values = Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  return {
    values,
    questions: listOf(form.questions),
    themes: listOf(form.themes),
    topics: listOf(form.topics),
    languages: listOf(form.languages),
  };
}

async function renderForm(
  c: Context<AppEnv>,
  event: EditableEvent | null,
  lang: Locale,
  form: EventFormValues,
  errors: FormErrors = {},
  status: 200 | 413 | 422 = 200,
  documentError?: { message: string; title: string },
) {
  const { i18n, deps, csrfToken } = c.var;
  const [taxonomy, index, choices] = await Promise.all([
    listThemesWithTopics(deps.db, i18n.locale),
    loadTaxonomyIndex(deps.db),
    loadEventFormChoices(deps.db, i18n.locale),
  ]);
  const countries = [...index.countries]
    .map((code) => ({ code, name: i18n.countryName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, i18n.locale));
  const key = c.req.query('notice');
  c.header('cache-control', 'private, no-store');
  return renderPage(
    c,
    {
      title: event ? i18n.t('eventEditor.editTitle') : i18n.t('eventEditor.new'),
      indexable: false,
      head: TimeZoneScript({ assets: deps.assets }),
      children: EventFormPage({
        i18n,
        event: event ? { slug: event.slug, languages: Object.keys(event.record.translations), documents: event.documents } : null,
        lang,
        form,
        errors,
        taxonomy,
        countries,
        regions: [...index.regions].sort(),
        series: choices.series,
        processes: choices.processes,
        csrfToken,
        // Only the untouched new form takes the browser's zone; a stored or typed one stays.
        guessZone: form === EMPTY,
        notice: key && NOTICES.has(key) ? i18n.t(`eventEditor.notices.${key}`) : undefined,
        documentError,
      }),
    },
    status,
  );
}

async function save(c: Context<AppEnv>, event: EditableEvent | null) {
  const form = await body(c);
  const lang = typeof form.lang === 'string' && isLocale(form.lang) ? form.lang : langOf(c);
  for (const list of LISTS) if (form[list] === undefined) form[list] = [];
  const parsed = eventEditorForm.safeParse({ ...form, lang });
  if (!parsed.success) {
    // The names the form refers to are checked too, so their errors show with the others.
    const named = eventReferencesForm.safeParse(form);
    const references = named.success ? (await resolveEventReferences(c.var.deps.db, { ...named.data, lang })).errors : {};
    return renderForm(c, event, lang, typed(form), { ...references, ...formErrors(parsed.error) }, 422);
  }
  const outcome = await saveEventFromForm(ctx(c), event, parsed.data);
  if (!outcome.ok && 'forbidden' in outcome) throw new HTTPException(403, { message: 'forbidden' });
  if (!outcome.ok) return renderForm(c, event, lang, typed(form), outcome.errors, 422);
  return c.redirect(`/${c.var.locale}/editor/events/${outcome.slug}/edit?lang=${lang}&notice=saved`, 303);
}

const EMPTY: EventFormValues = {
  values: { status: 'draft', timeZone: 'Europe/Berlin' },
  questions: [],
  themes: [],
  topics: [],
  languages: [],
};

export const eventEditorRoutes = new Hono<AppEnv>()
  .use('/editor/events/*', requires('edit-content'))
  .get('/editor/events/new', (c) => renderForm(c, null, langOf(c), EMPTY))
  .post('/editor/events/new', (c) => save(c, null))
  .get('/editor/events/:slug{[a-z0-9-]+}/edit', async (c) => {
    const event = await eventOr404(c);
    const lang = langOf(c);
    return renderForm(c, event, lang, formValuesOf(event, lang));
  })
  .post('/editor/events/:slug{[a-z0-9-]+}/edit', async (c) => save(c, await eventOr404(c)))
  .post(
    '/editor/events/:slug{[a-z0-9-]+}/documents',
    uploadBodyLimit({
      onTooLarge: async (c, error) => {
        const event = await eventOr404(c);
        const message = c.var.i18n.t(error.error, error.values);
        return renderForm(c, event, langOf(c), formValuesOf(event, langOf(c)), {}, 413, { message, title: '' });
      },
    }),
    async (c) => {
      const event = await eventOr404(c);
      const form = await body(c);
      const title = typeof form.documentTitle === 'string' ? form.documentTitle.replace(/\s+/g, ' ').trim() : '';
      const again = (message: string) => renderForm(c, event, langOf(c), formValuesOf(event, langOf(c)), {}, 422, { message, title });
      if (title.length > 200) return again(c.var.i18n.t('forms.errors.tooLong'));
      const outcome = await addEventDocument(ctx(c), event.id, { file: form.file, title }, c.var.deps.config);
      if (outcome === 'forbidden') throw new HTTPException(403, { message: 'forbidden' });
      if (outcome === 'not-found') throw new HTTPException(404, { message: 'not-found' });
      if (outcome !== 'added') return again(c.var.i18n.t(outcome.error, outcome.values));
      return c.redirect(`/${c.var.locale}/editor/events/${event.slug}/edit?notice=documentAdded#manage-documents`, 303);
    },
  )
  .post('/editor/events/:slug{[a-z0-9-]+}/documents/remove', async (c) => {
    const event = await eventOr404(c);
    const parsed = removeDocumentForm.safeParse(await body(c));
    if (!parsed.success) throw new HTTPException(400, { message: 'malformed-form' });
    if ((await removeEventDocument(ctx(c), event.id, parsed.data.uploadId)) === 'forbidden')
      throw new HTTPException(403, { message: 'forbidden' });
    return c.redirect(`/${c.var.locale}/editor/events/${event.slug}/edit?notice=documentRemoved#manage-documents`, 303);
  });
