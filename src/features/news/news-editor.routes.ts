import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { listThemesWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import { uploadBodyLimit } from '../../core/uploads/uploads.routes.ts';
import type { AppEnv, CurrentUser } from '../../platform/http/context.ts';
import { requires } from '../../platform/http/middleware/authorize.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { cleanFormBody } from '../../platform/ui/forms.tsx';
import { type NewsFormErrors, parseNewsForm, parsePictureText } from './news.forms.ts';
import * as q from './news.queries.ts';
import { showNewsArticle } from './news.routes.tsx';
import { removeNewsPicture, saveFromEditor, setNewsPicture } from './news-editor.service.ts';
import { EditorNewsPage, NewsFormPage, type NewsFormValues, valuesOf } from './news-editor.views.tsx';
import { listRegionChoices } from './news-page.service.ts';
import { PictureSection } from './news-picture.views.tsx';

// Editors' news under /editor/news: list, write (every language in one form), publish, picture, preview.

async function body(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    return cleanFormBody((await c.req.parseBody({ all: true })) as Record<string, unknown>);
  } catch {
    throw new HTTPException(400, { message: 'malformed-form' });
  }
}

async function recordOr404(c: Context<AppEnv>) {
  const record = await q.findNewsRecord(c.var.deps.db, { slug: c.req.param('slug') ?? '' });
  if (!record) throw new HTTPException(404, { message: 'not-found' });
  return record;
}

function typedValues(form: Record<string, unknown>): NewsFormValues {
  const values: NewsFormValues = {};
  for (const [k, v] of Object.entries(form)) {
    if (typeof v === 'string') values[k] = v;
    else if (Array.isArray(v)) values[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return values;
}

const NOTICES = ['saved', 'published', 'unpublished', 'pictureSaved', 'pictureRemoved'];

async function renderForm(
  c: Context<AppEnv>,
  record: q.NewsRecord | null,
  values: NewsFormValues,
  errors: NewsFormErrors,
  status: 200 | 422 = 200,
  picture: { errors: NewsFormErrors; values: Record<string, string> } = { errors: {}, values: {} },
) {
  const { i18n, deps, csrfToken } = c.var;
  const [themes, regions] = await Promise.all([listThemesWithTopics(deps.db, i18n.locale), listRegionChoices(deps.db, i18n.locale)]);
  const notice = c.req.query('notice');
  c.header('cache-control', 'private, no-store');
  return renderPage(
    c,
    {
      title: record ? i18n.t('news.editor.editTitle') : i18n.t('news.editor.new'),
      indexable: false,
      editorial: 'news',
      children: [
        NewsFormPage({
          i18n,
          record,
          values,
          errors,
          csrfToken,
          choices: { themes: themes.map((th) => [th.slug, th.label]), regions: regions.map((r) => [r.slug, r.label]) },
          notice: notice && NOTICES.includes(notice) ? i18n.t(`news.editor.notices.${notice}`) : undefined,
        }),
        record ? PictureSection({ i18n, record, csrfToken, ...picture }) : null,
      ],
    },
    status,
  );
}

async function save(c: Context<AppEnv>, record: q.NewsRecord | null) {
  const form = await body(c);
  const parsed = parseNewsForm(form);
  const { deps, user, locale } = c.var;
  if (!parsed.ok) return renderForm(c, record, typedValues(form), parsed.errors, 422);
  const outcome = await saveFromEditor(
    { db: deps.db, user: user as CurrentUser, extensions: deps.modules.extensions },
    record,
    parsed.data,
  );
  if (outcome === 'forbidden') throw new HTTPException(403, { message: 'forbidden' });
  if ('errors' in outcome) return renderForm(c, record, typedValues(form), outcome.errors, 422);
  const notice = parsed.data.intent === 'publish' ? 'published' : parsed.data.intent === 'unpublish' ? 'unpublished' : 'saved';
  return c.redirect(`/${locale}/editor/news/${outcome.slug}?notice=${notice}`, 303);
}

export const newsEditorRoutes = new Hono<AppEnv>()
  .use('/editor/news', requires('edit-content'))
  .use('/editor/news/*', requires('edit-content'))
  .get('/editor/news', async (c) => {
    const { i18n, deps } = c.var;
    c.header('cache-control', 'private, no-store');
    return renderPage(c, {
      title: i18n.t('news.editor.title'),
      indexable: false,
      editorial: 'news',
      children: EditorNewsPage({ i18n, records: await q.listNewsRecords(deps.db) }),
    });
  })
  .get('/editor/news/new', (c) => renderForm(c, null, {}, {}))
  .post('/editor/news/new', (c) => save(c, null))
  .get('/editor/news/:slug{[a-z0-9-]+}', async (c) => {
    const record = await recordOr404(c);
    return renderForm(c, record, valuesOf(record), {});
  })
  .post('/editor/news/:slug{[a-z0-9-]+}', async (c) => save(c, await recordOr404(c)))
  // A draft as readers would see it, for editors only (never indexed, never cached).
  .get('/editor/news/:slug{[a-z0-9-]+}/preview', async (c) => {
    const record = await recordOr404(c);
    return showNewsArticle(c, record.slug, { preview: true });
  })
  .post(
    '/editor/news/:slug{[a-z0-9-]+}/picture',
    uploadBodyLimit({
      onTooLarge: async (c, error) => {
        const record = await recordOr404(c);
        return renderForm(c, record, valuesOf(record), {}, 422, {
          errors: { file: { key: error.error, values: stringify(error.values) } },
          values: {},
        });
      },
    }),
    async (c) => {
      const record = await recordOr404(c);
      const form = await body(c);
      const text = parsePictureText(form);
      const typed = Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => typeof e[1] === 'string'));
      const again = (errors: NewsFormErrors) => renderForm(c, record, valuesOf(record), {}, 422, { errors, values: typed });
      if (Object.keys(text.errors).length) return again(text.errors);
      const { deps, user, locale } = c.var;
      const outcome = await setNewsPicture({ db: deps.db, user: user as CurrentUser, config: deps.config }, record.slug, {
        file: form.file,
        ...text,
      });
      if (outcome === 'forbidden') throw new HTTPException(403, { message: 'forbidden' });
      if (outcome === 'not-found') throw new HTTPException(404, { message: 'not-found' });
      if (outcome !== 'saved') return again(outcome.errors);
      return c.redirect(`/${locale}/editor/news/${record.slug}?notice=pictureSaved#picture`, 303);
    },
  )
  .post('/editor/news/:slug{[a-z0-9-]+}/picture/remove', async (c) => {
    const record = await recordOr404(c);
    const removed = await removeNewsPicture({ db: c.var.deps.db, user: c.var.user as CurrentUser }, record.slug);
    return c.redirect(`/${c.var.locale}/editor/news/${record.slug}${removed ? '?notice=pictureRemoved' : ''}#picture`, 303);
  });

const stringify = (values: Record<string, string | number> | undefined) =>
  Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, String(v)]));
