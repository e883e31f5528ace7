import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { listThemesWithTopics, loadTaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import { clientIp } from '../../../platform/http/client-ip.ts';
import type { AppEnv, CurrentUser } from '../../../platform/http/context.ts';
import { requires } from '../../../platform/http/middleware/authorize.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { isLocale, type Locale } from '../../../platform/i18n/locales.ts';
import { cleanFormBody } from '../../../platform/ui/forms.tsx';
import { loadEditionByNumber } from '../editions/editions.service.ts';
import { itemSourcesByKind } from '../item-sources.ts';
import { EDITABLE_EDITION } from '../newsletter.model.ts';
import * as forms from './edition-editor.forms.ts';
import * as editor from './edition-editor.service.ts';
import type { EditionPageProps, FormName, Messages } from './edition-fields.views.tsx';
import { messageOf } from './edition-fields.views.tsx';
import { EditionListPage } from './edition-list.views.tsx';
import { EditionPage } from './edition-page.views.tsx';
import { labelItems, listEditionsForEditors, newEditionDefaults, suggestItems } from './edition-pages.service.ts';
import { editionPreviewRoutes } from './edition-preview.routes.ts';
import { sendTestEdition } from './edition-test-send.service.ts';

// The editors' pages for writing an edition under /editor/newsletter. Every route needs 'edit-content'
// (members get 403, visitors go to sign in); every change is a POST with the CSRF token, answered by a
// redirect to the edition's page (post/redirect/get) or by the page again with the messages (422).

const NOTICES = new Set(['created', 'textSaved', 'detailsSaved', 'itemAdded', 'itemMoved', 'itemRemoved', 'ready', 'draft', 'testSent']);

async function formBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    return cleanFormBody((await c.req.parseBody({ all: true })) as Record<string, unknown>);
  } catch {
    throw new HTTPException(400, { message: 'malformed-form' });
  }
}

const editorContext = (c: Context<AppEnv>): editor.EditorContext => ({
  db: c.var.deps.db,
  user: c.var.user as CurrentUser,
  sources: itemSourcesByKind(c.var.deps.modules.extensions),
});

function editionNumber(c: Context<AppEnv>): number {
  return Number(c.req.param('number'));
}

/** What was typed: strings, and lists of ticked boxes (a `_csrf` is the page's own). */
const typedOf = (form: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(form).filter(([k, v]) => k !== '_csrf' && (typeof v === 'string' || Array.isArray(v)))) as Record<
    string,
    string | string[]
  >;

/** Problems in words: a language or a section named in the reader's language. */
function messagesOf(i18n: I18n, problems: editor.Problem[]): Messages {
  const messages: Messages = {};
  for (const p of problems) {
    const values = { ...p.values };
    if (values.locale) values.locale = i18n.languageName(values.locale);
    if (values.section) values.section = i18n.t(`newsletterEditor.sections.${values.section}`);
    messages[p.field] ??= messageOf(i18n, p.key, values);
  }
  return messages;
}

function zodMessages(i18n: I18n, error: z.ZodError, rename: Record<string, string> = {}): Messages {
  const keys = forms.fieldErrors(error);
  return Object.fromEntries(Object.entries(keys).map(([field, key]) => [rename[field] ?? field, messageOf(i18n, key)]));
}

async function renderList(c: Context<AppEnv>, form?: { number: string; date: string }, errors: Messages = {}, status: 200 | 422 = 200) {
  const { i18n, deps } = c.var;
  const [rows, defaults] = await Promise.all([listEditionsForEditors(deps.db, i18n.locale), newEditionDefaults(deps.db)]);
  const key = c.req.query('notice');
  return renderPage(
    c,
    {
      title: i18n.t('newsletterEditor.title'),
      indexable: false,
      editorial: 'newsletter',
      children: EditionListPage({
        i18n,
        rows,
        form: form ?? defaults,
        errors,
        csrfToken: c.var.csrfToken,
        notice: key && NOTICES.has(key) ? i18n.t(`newsletterEditor.notices.${key}`) : undefined,
      }),
    },
    status,
  );
}

/** The edition's page, with what a refused form held and the messages next to what they concern. */
async function renderEdition(
  c: Context<AppEnv>,
  options: {
    lang?: Locale;
    typed?: { form: FormName; values: Record<string, string | string[]> };
    errors?: Messages;
    status?: 200 | 404 | 422;
  } = {},
) {
  const { i18n, deps } = c.var;
  const edition = await loadEditionByNumber(deps.db, editionNumber(c));
  if (!edition) throw new HTTPException(404, { message: 'not-found' });
  const sources = itemSourcesByKind(deps.modules.extensions);
  const editable = EDITABLE_EDITION.includes(edition.status);
  const [labels, suggestions, themes, taxonomy] = await Promise.all([
    labelItems(deps.db, sources, edition, i18n.locale, deps.config.BASE_URL),
    editable ? suggestItems(deps.db, sources, edition, i18n.locale) : null,
    listThemesWithTopics(deps.db, i18n.locale),
    loadTaxonomyIndex(deps.db),
  ]);
  const queryLang = c.req.query('lang');
  const key = c.req.query('notice');
  const props: EditionPageProps = {
    i18n,
    csrfToken: c.var.csrfToken,
    edition,
    editable,
    lang: options.lang ?? (isLocale(queryLang) ? queryLang : i18n.locale),
    typed: options.typed,
    errors: options.errors ?? {},
    notice: key && NOTICES.has(key) && !options.errors ? i18n.t(`newsletterEditor.notices.${key}`) : undefined,
    labels,
    suggestions,
    themes: themes.map((t) => [t.slug, t.label]),
    regions: [...taxonomy.regions].sort().map((r) => [r, i18n.t(`common.regions.${r}`)]),
  };
  return renderPage(
    c,
    {
      title: i18n.t('newsletterEditor.numbered', { number: edition.number }),
      indexable: false,
      editorial: 'newsletter',
      children: EditionPage(props),
    },
    options.status ?? 200,
  );
}

/** After a change: back to the page (the text tab and the part changed), or the page again with the messages. */
function answer(
  c: Context<AppEnv>,
  outcome: editor.Outcome,
  done: { notice: string; lang?: string; anchor?: string },
  refused: { form?: FormName; values?: Record<string, unknown>; lang?: Locale } = {},
) {
  if (outcome === 'not-found') throw new HTTPException(404, { message: 'not-found' });
  if (outcome.ok) {
    const lang = done.lang && isLocale(done.lang) ? `lang=${done.lang}&` : '';
    return c.redirect(
      `/${c.var.locale}/editor/newsletter/${editionNumber(c)}?${lang}notice=${done.notice}${done.anchor ? `#${done.anchor}` : ''}`,
      303,
    );
  }
  const errors = messagesOf(c.var.i18n, outcome.problems);
  // A language without subject is shown in the text form: that language's tab opens.
  const missing = outcome.problems.find((p) => p.key === 'newsletterEditor.problems.noSubject')?.values?.locale;
  const lang = refused.lang ?? (isLocale(missing) ? missing : undefined);
  const typed = refused.form && refused.values ? { form: refused.form, values: typedOf(refused.values) } : undefined;
  return renderEdition(c, { lang, typed, errors, status: 422 });
}

const langOfForm = (form: Record<string, unknown>): Locale | undefined => (isLocale(form.lang) ? form.lang : undefined);

const EDITION = '/editor/newsletter/:number{[1-9][0-9]{0,8}}';

export const editionEditorRoutes = new Hono<AppEnv>()
  .use('/editor/newsletter', requires('edit-content'))
  .use('/editor/newsletter/*', requires('edit-content'))
  .get('/editor/newsletter', (c) => renderList(c))
  .post('/editor/newsletter', async (c) => {
    const form = await formBody(c);
    const typed = { number: typeof form.number === 'string' ? form.number : '', date: typeof form.date === 'string' ? form.date : '' };
    const parsed = forms.newEditionForm.safeParse(form);
    if (!parsed.success) return renderList(c, typed, zodMessages(c.var.i18n, parsed.error), 422);
    const outcome = await editor.createEdition(editorContext(c), parsed.data);
    if (outcome === 'not-found') throw new HTTPException(404, { message: 'not-found' });
    if (!outcome.ok) return renderList(c, typed, messagesOf(c.var.i18n, outcome.problems), 422);
    return c.redirect(`/${c.var.locale}/editor/newsletter/${outcome.number}?notice=created`, 303);
  })
  .get(EDITION, (c) => renderEdition(c))
  .post(`${EDITION}/text`, async (c) => {
    const form = await formBody(c);
    const parsed = forms.editionTextForm.safeParse(form);
    const refused = { form: 'text' as const, values: form, lang: langOfForm(form) };
    if (!parsed.success)
      return renderEdition(c, {
        lang: refused.lang,
        typed: { form: 'text', values: typedOf(form) },
        errors: zodMessages(c.var.i18n, parsed.error),
        status: 422,
      });
    const outcome = await editor.saveEditionText(editorContext(c), editionNumber(c), parsed.data);
    return answer(c, outcome, { notice: 'textSaved', lang: parsed.data.lang, anchor: 'texts' }, refused);
  })
  .post(`${EDITION}/details`, async (c) => {
    const form = await formBody(c);
    const parsed = forms.editionDetailsForm.safeParse(form);
    const refused = { form: 'details' as const, values: form };
    if (!parsed.success)
      return renderEdition(c, {
        typed: { form: 'details', values: typedOf(form) },
        errors: zodMessages(c.var.i18n, parsed.error),
        status: 422,
      });
    return answer(
      c,
      await editor.saveEditionDetails(editorContext(c), editionNumber(c), parsed.data),
      { notice: 'detailsSaved', anchor: 'edition-details' },
      refused,
    );
  })
  .post(`${EDITION}/items/suggested`, async (c) => {
    const parsed = forms.suggestedItemForm.safeParse(await formBody(c));
    if (!parsed.success) return renderEdition(c, { errors: zodMessages(c.var.i18n, parsed.error, { section: 'ref' }), status: 422 });
    const outcome = await editor.addSuggestedItem(editorContext(c), editionNumber(c), parsed.data);
    return answer(c, outcome, { notice: 'itemAdded', anchor: `section-${parsed.data.section}` });
  })
  .post(`${EDITION}/items/free`, async (c) => {
    const form = await formBody(c);
    const parsed = forms.freeItemForm.safeParse(form);
    const refused = { form: 'free' as const, values: form };
    if (!parsed.success)
      return renderEdition(c, {
        typed: { form: 'free', values: typedOf(form) },
        errors: zodMessages(c.var.i18n, parsed.error),
        status: 422,
      });
    const outcome = await editor.addFreeItem(editorContext(c), editionNumber(c), parsed.data);
    return answer(c, outcome, { notice: 'itemAdded', anchor: `section-${parsed.data.section}` }, refused);
  })
  .post(`${EDITION}/items/move`, async (c) => {
    const parsed = forms.moveItemForm.safeParse(await formBody(c));
    if (!parsed.success) return renderEdition(c, { errors: { form: c.var.i18n.t('newsletterEditor.errors.unknownItem') }, status: 422 });
    return answer(c, await editor.moveItem(editorContext(c), editionNumber(c), parsed.data), { notice: 'itemMoved', anchor: 'sections' });
  })
  .post(`${EDITION}/items/remove`, async (c) => {
    const parsed = forms.removeItemForm.safeParse(await formBody(c));
    if (!parsed.success) return renderEdition(c, { errors: { form: c.var.i18n.t('newsletterEditor.errors.unknownItem') }, status: 422 });
    return answer(c, await editor.removeItem(editorContext(c), editionNumber(c), parsed.data), {
      notice: 'itemRemoved',
      anchor: 'sections',
    });
  })
  .post(`${EDITION}/ready`, async (c) => answer(c, await editor.markEditionReady(editorContext(c), editionNumber(c)), { notice: 'ready' }))
  .post(`${EDITION}/draft`, async (c) =>
    answer(c, await editor.returnEditionToDraft(editorContext(c), editionNumber(c)), { notice: 'draft' }),
  )
  .post(`${EDITION}/test-send`, async (c) => {
    const form = await formBody(c);
    const parsed = forms.testSendForm.safeParse(form);
    const refused = { form: 'testSend' as const, values: form };
    if (!parsed.success) return renderEdition(c, { errors: zodMessages(c.var.i18n, parsed.error, { lang: 'testLang' }), status: 422 });
    const { config } = c.var.deps;
    const ctx = {
      ...editorContext(c),
      baseUrl: config.BASE_URL,
      postalAddress: config.POSTAL_ADDRESS ?? '',
      secret: c.var.deps.secret,
      ip: clientIp(c),
    };
    return answer(
      c,
      await sendTestEdition(ctx, editionNumber(c), parsed.data.lang),
      { notice: 'testSent', anchor: 'edition-preview' },
      refused,
    );
  })
  .route('/', editionPreviewRoutes);
