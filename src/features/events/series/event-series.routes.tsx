import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv, CurrentUser } from '../../../platform/http/context.ts';
import { requires } from '../../../platform/http/middleware/authorize.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { isLocale, type Locale } from '../../../platform/i18n/locales.ts';
import { cleanFormBody, formErrors, keepTyped } from '../../../platform/ui/forms.tsx';
import type { EventGroupKind } from '../events.table.ts';
import type { EventOutcomeSection } from '../page/event-page.service.ts';
import { eventGroupForm } from './event-series.forms.ts';
import { findEditableGroup, groupOutcomes, listGroupsForEditors, loadGroupPage, saveEventGroup } from './event-series.service.ts';
import { GroupPageView } from './event-series.views.tsx';
import { GroupFormPage, GroupsEditorPage } from './event-series-editor.views.tsx';

// The public pages of series and learning processes, and the editors' list and form for them
// (/editor/series, /editor/{series,learning-processes}/new and /<slug>/edit). Every editor route needs
// 'edit-content'; every change is a POST with the CSRF token (checked by the app's middleware).

const SLUG = ':slug{[a-z0-9-]+}';
const KINDS: Array<[EventGroupKind, string]> = [
  ['series', 'series'],
  ['process', 'learning-processes'],
];

function langOf(c: Context<AppEnv>): Locale {
  const lang = c.req.query('lang');
  return lang && isLocale(lang) ? lang : c.var.locale;
}

async function renderGroupPage(c: Context<AppEnv>, kind: EventGroupKind) {
  const { i18n, deps } = c.var;
  const page = await loadGroupPage(deps.db, kind, c.req.param('slug') ?? '', i18n.locale);
  if (!page) throw new HTTPException(404, { message: 'not-found' });
  // Other modules' sections (the sessions' recordings from videos), in the registry's order; empty ones left out.
  const sections = page.pastIds.length
    ? await Promise.all(deps.modules.extensions.all(groupOutcomes).map((list) => list(deps.db, i18n, page.pastIds)))
    : [];
  const outcomes = sections.filter((s): s is EventOutcomeSection => s !== null && s.links.length > 0);
  return renderPage(c, {
    title: page.text.title,
    description: page.text.summary || i18n.t(kind === 'series' ? 'eventSeries.seriesDescription' : 'eventSeries.processDescription'),
    section: 'events',
    children: GroupPageView({ i18n, page, outcomes }),
  });
}

async function renderForm(
  c: Context<AppEnv>,
  kind: EventGroupKind,
  group: { slug: string; languages: string[] } | null,
  lang: Locale,
  values: Record<string, string>,
  errors: Record<string, string> = {},
  status: 200 | 422 = 200,
) {
  const { i18n, csrfToken } = c.var;
  c.header('cache-control', 'private, no-store');
  return renderPage(
    c,
    {
      title: i18n.t(`eventSeries.editor.${kind}.${group ? 'edit' : 'new'}`),
      indexable: false,
      editorial: 'events',
      children: GroupFormPage({
        i18n,
        kind,
        group,
        lang,
        values,
        errors,
        csrfToken,
        notice: c.req.query('notice') === 'saved' ? i18n.t('eventEditor.notices.saved') : undefined,
      }),
    },
    status,
  );
}

async function editableOr404(c: Context<AppEnv>, kind: EventGroupKind) {
  const group = await findEditableGroup(c.var.deps.db, kind, c.req.param('slug') ?? '');
  if (!group) throw new HTTPException(404, { message: 'not-found' });
  return group;
}

async function save(c: Context<AppEnv>, kind: EventGroupKind, path: string, slug: string | null) {
  let body: Record<string, unknown>;
  try {
    body = cleanFormBody((await c.req.parseBody()) as Record<string, unknown>);
  } catch {
    throw new HTTPException(400, { message: 'malformed-form' });
  }
  const lang = typeof body.lang === 'string' && isLocale(body.lang) ? body.lang : langOf(c);
  const existing = slug === null ? null : await editableOr404(c, kind);
  const group = existing ? { slug: existing.slug, languages: existing.texts.map((t) => t.locale) } : null;
  const parsed = eventGroupForm.safeParse({ ...body, lang });
  if (!parsed.success) return renderForm(c, kind, group, lang, keepTyped(body), formErrors(parsed.error), 422);
  const outcome = await saveEventGroup({ db: c.var.deps.db, user: c.var.user as CurrentUser }, kind, slug, parsed.data);
  if (!outcome.ok) throw new HTTPException(outcome.reason === 'forbidden' ? 403 : 404, { message: outcome.reason });
  return c.redirect(`/${c.var.locale}/editor/${path}/${outcome.slug}/edit?lang=${lang}&notice=saved`, 303);
}

export const eventSeriesRoutes = new Hono<AppEnv>()
  .get(`/events/series/${SLUG}`, (c) => renderGroupPage(c, 'series'))
  .get(`/events/learning-processes/${SLUG}`, (c) => renderGroupPage(c, 'process'))
  .get('/editor/series', requires('edit-content'), async (c) => {
    const { i18n, deps } = c.var;
    c.header('cache-control', 'private, no-store');
    return renderPage(c, {
      title: i18n.t('eventSeries.editor.title'),
      indexable: false,
      editorial: 'events',
      children: GroupsEditorPage({ i18n, groups: await listGroupsForEditors(deps.db, i18n.locale) }),
    });
  });

for (const [kind, path] of KINDS) {
  eventSeriesRoutes
    .get(`/editor/${path}/new`, requires('edit-content'), (c) => renderForm(c, kind, null, langOf(c), {}))
    .post(`/editor/${path}/new`, requires('edit-content'), (c) => save(c, kind, path, null))
    .get(`/editor/${path}/${SLUG}/edit`, requires('edit-content'), async (c) => {
      const group = await editableOr404(c, kind);
      const lang = langOf(c);
      const text = group.texts.find((t) => t.locale === lang);
      const values = {
        title: text?.title ?? '',
        summary: text?.summary ?? '',
        startsOn: group.starts_on ?? '',
        endsOn: group.ends_on ?? '',
      };
      return renderForm(c, kind, { slug: group.slug, languages: group.texts.map((t) => t.locale) }, lang, values);
    })
    .post(`/editor/${path}/${SLUG}/edit`, requires('edit-content'), (c) => save(c, kind, path, c.req.param('slug')));
}
