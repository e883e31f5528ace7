import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { listThemesWithTopics, loadTaxonomyIndex } from '../../core/taxonomy/taxonomy.service.ts';
import { uploadBodyLimit } from '../../core/uploads/uploads.routes.ts';
import { MAX_VIDEO_BYTES, VIDEO_UPLOAD_BODY_LIMIT } from '../../core/uploads/uploads.service.ts';
import type { AppEnv, CurrentUser } from '../../platform/http/context.ts';
import { requires } from '../../platform/http/middleware/authorize.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { isLocale, type Locale } from '../../platform/i18n/locales.ts';
import { cleanFormBody, type FormErrors, formErrors } from '../../platform/ui/forms.tsx';
import { findVideoForEditors, listEventChoices, listVideosForEditors, saveVideo } from './video-editor.service.ts';
import { EditorVideosPage, VideoFormPage } from './video-editor.views.tsx';
import { providerIdProblem, videoForm } from './videos.forms.ts';
import { formatDuration } from './videos.model.ts';
import type { VideoRecord } from './videos.queries.ts';

// Editors' videos under /editor/videos: every route needs 'edit-content'; a save is a POST with the
// CSRF token (multipart: poster, recording, captions), answered by a redirect or the form again (422).

type FormState = {
  values: Record<string, string>;
  themes: string[];
  regions: string[];
  errors: FormErrors;
  fileMessages: Record<string, string>;
};

const strings = (form: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
const listOf = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

function langOf(c: Context<AppEnv>): Locale {
  const lang = c.req.query('lang');
  return lang && isLocale(lang) ? lang : c.var.locale;
}

async function videoOr404(c: Context<AppEnv>): Promise<VideoRecord> {
  const video = await findVideoForEditors(c.var.deps.db, c.req.param('slug') ?? '');
  if (!video) throw new HTTPException(404, { message: 'not-found' });
  return video;
}

/** The event chosen in the form (what was stored, or what was sent back with a problem). */
const linkedEventId = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? Number(value) : null);

async function renderForm(c: Context<AppEnv>, video: VideoRecord | null, lang: Locale, state: FormState, status: 200 | 413 | 422 = 200) {
  const { i18n, deps, csrfToken } = c.var;
  const [themes, index, events] = await Promise.all([
    listThemesWithTopics(deps.db, i18n.locale),
    loadTaxonomyIndex(deps.db),
    listEventChoices(deps.db, i18n.locale, linkedEventId(state.values.eventId) ?? video?.event_id ?? null),
  ]);
  c.header('cache-control', 'private, no-store');
  return renderPage(
    c,
    {
      title: video ? i18n.t('videos.editor.editTitle') : i18n.t('videos.editor.new'),
      indexable: false,
      editorial: 'videos',
      children: VideoFormPage({
        i18n,
        video,
        lang,
        ...state,
        themeChoices: themes,
        regionChoices: [...index.regions].sort(),
        events,
        csrfToken,
      }),
    },
    status,
  );
}

function stateOf(video: VideoRecord, lang: Locale): FormState {
  const text = video.texts.find((x) => x.locale === lang);
  return {
    values: {
      title: text?.title ?? '',
      description: text?.description ?? '',
      transcript: text?.transcript ?? '',
      provider: video.provider,
      providerId: video.provider_id ?? '',
      duration: formatDuration(video.duration_seconds),
      recordedAt: video.recorded_at,
      eventId: video.event_id === null ? '' : String(video.event_id),
      status: video.status,
    },
    themes: video.themes,
    regions: video.regions,
    errors: {},
    fileMessages: {},
  };
}

async function save(c: Context<AppEnv>, video: VideoRecord | null) {
  let form: Record<string, unknown>;
  try {
    form = cleanFormBody((await c.req.parseBody({ all: true })) as Record<string, unknown>);
  } catch {
    throw new HTTPException(400, { message: 'malformed-form' });
  }
  const lang = typeof form.lang === 'string' && isLocale(form.lang) ? form.lang : langOf(c);
  const typed = { values: strings(form), themes: listOf(form.themes), regions: listOf(form.regions) };
  const parsed = videoForm.safeParse({ ...form, lang });
  const errors = { ...providerIdProblem(form), ...(parsed.success ? {} : formErrors(parsed.error)) };
  if (!parsed.success || Object.keys(errors).length) return renderForm(c, video, lang, { ...typed, errors, fileMessages: {} }, 422);
  const outcome = await saveVideo(
    { db: c.var.deps.db, user: c.var.user as CurrentUser },
    c.var.deps.config,
    video?.id ?? null,
    parsed.data,
    {
      poster: form.poster,
      file: form.file,
      captions: form.captions,
    },
  );
  if (!outcome.ok && 'reason' in outcome) throw new HTTPException(outcome.reason === 'forbidden' ? 403 : 404, { message: outcome.reason });
  if (!outcome.ok) {
    const fileMessages = Object.fromEntries(Object.entries(outcome.fileMessages).map(([k, m]) => [k, c.var.i18n.t(m.key, m.values)]));
    return renderForm(c, video, lang, { ...typed, errors: outcome.errors, fileMessages }, 422);
  }
  return c.redirect(`/${c.var.locale}/editor/videos/${outcome.slug}/edit?lang=${lang}&notice=saved`, 303);
}

// A form with a recording may be large; above the limit it is answered with the form and a message.
const bodyLimit = uploadBodyLimit({
  maxSize: VIDEO_UPLOAD_BODY_LIMIT,
  maxFileBytes: MAX_VIDEO_BYTES,
  onTooLarge: async (c, error) => {
    const video = c.req.param('slug') ? await videoOr404(c) : null;
    const message = c.var.i18n.t(error.error, error.values);
    const state = video ? stateOf(video, langOf(c)) : { values: {}, themes: [], regions: [], errors: {}, fileMessages: {} };
    return renderForm(c, video, langOf(c), { ...state, errors: { file: 'fileRefused' }, fileMessages: { file: message } }, 413);
  },
});

export const videoEditorRoutes = new Hono<AppEnv>()
  .use('/editor/videos', requires('edit-content'))
  .use('/editor/videos/*', requires('edit-content'))
  .get('/editor/videos', async (c) => {
    const { i18n, deps } = c.var;
    c.header('cache-control', 'private, no-store');
    return renderPage(c, {
      title: i18n.t('videos.editor.title'),
      indexable: false,
      editorial: 'videos',
      children: EditorVideosPage({ i18n, rows: await listVideosForEditors(deps.db, i18n.locale) }),
    });
  })
  .get('/editor/videos/new', (c) =>
    renderForm(c, null, langOf(c), {
      values: { status: 'draft', provider: 'youtube' },
      themes: [],
      regions: [],
      errors: {},
      fileMessages: {},
    }),
  )
  .post('/editor/videos/new', bodyLimit, (c) => save(c, null))
  .get('/editor/videos/:slug{[a-z0-9-]+}/edit', async (c) => {
    const video = await videoOr404(c);
    const lang = langOf(c);
    const notice = c.req.query('notice') === 'saved';
    return renderForm(c, video, lang, {
      ...stateOf(video, lang),
      ...(notice ? { values: { ...stateOf(video, lang).values, notice: 'saved' } } : {}),
    });
  })
  .post('/editor/videos/:slug{[a-z0-9-]+}/edit', bodyLimit, async (c) => save(c, await videoOr404(c)));
