import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { type PreparedUpload, prepareUpload, uploadsDir } from '../../../core/uploads/uploads.service.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { requires } from '../../../platform/http/middleware/authorize.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { isLocale, type Locale } from '../../../platform/i18n/locales.ts';
import { cleanFormBody, type FormErrors, formErrors, keepTyped } from '../../../platform/ui/forms.tsx';
import { pageForm, partnerForm, regionalNetworkForm } from '../network.forms.ts';
import * as service from '../network.service.ts';
import { isReservedSlug } from '../network.table.ts';
import { selectPages } from '../pages.queries.ts';
import { selectPartners } from '../partners.queries.ts';
import { knownRegions, selectRegionalNetworks } from '../regions.queries.ts';
import { EditorFormPage, type EditorFormProps, type RecordKind } from './editor-forms.views.tsx';
import { NetworkEditorPage } from './editor-list.views.tsx';

// The editors' pages under /editor/network: the overview, and a form for each page, partner
// organisation and regional network (one language's texts per save). Editors and admins only.

async function body(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  try {
    return cleanFormBody((await c.req.parseBody()) as Record<string, unknown>);
  } catch {
    throw new HTTPException(400, { message: 'malformed-form' });
  }
}

const notFound = () => {
  throw new HTTPException(404, { message: 'not-found' });
};

/** The language being written: `?lang=`, else the interface's. */
const langOf = (c: Context<AppEnv>): Locale => {
  const lang = c.req.query('lang');
  return isLocale(lang) ? lang : c.var.locale;
};

type FormState = Omit<EditorFormProps, 'i18n' | 'csrfToken' | 'kind'>;

async function show(c: Context<AppEnv>, kind: RecordKind, state: FormState, status: 200 | 422 = 200) {
  const { i18n, csrfToken, deps } = c.var;
  c.header('cache-control', 'private, no-store');
  const regions = kind === 'region' ? await knownRegions(deps.db) : undefined;
  const notice = c.req.query('notice') === 'saved' && status === 200 ? i18n.t('network.editor.notices.saved') : undefined;
  return renderPage(
    c,
    {
      title: i18n.t(
        state.editPath
          ? `network.editor.edit${kind === 'page' ? 'Page' : kind === 'partner' ? 'Partner' : 'Region'}`
          : 'network.editor.title',
      ),
      indexable: false,
      editorial: 'network',
      children: EditorFormPage({ i18n, csrfToken, kind, regions, notice, ...state }),
    },
    status,
  );
}

/** Parses a posted form: the typed values come back with the errors, keys under `network.errors.`. */
async function parse<T>(c: Context<AppEnv>, schema: z.ZodType<T>) {
  const form = await body(c);
  const values = keepTyped(form);
  const parsed = schema.safeParse(form);
  return parsed.success
    ? { ok: true as const, data: parsed.data, values, body: form }
    : { ok: false as const, errors: formErrors(parsed.error), values, body: form };
}

const base = (c: Context<AppEnv>) => `/${c.var.locale}/editor/network`;

export const networkEditorRoutes = new Hono<AppEnv>()
  .use('/editor/network', requires('edit-content'))
  .use('/editor/network/*', requires('edit-content'))
  .get('/editor/network', async (c) => {
    const { i18n, deps } = c.var;
    const [pages, partners, regionalNetworks] = await Promise.all([
      selectPages(deps.db),
      selectPartners(deps.db),
      selectRegionalNetworks(deps.db),
    ]);
    const key = c.req.query('notice');
    c.header('cache-control', 'private, no-store');
    return renderPage(c, {
      title: i18n.t('network.editor.title'),
      indexable: false,
      editorial: 'network',
      children: NetworkEditorPage({
        i18n,
        pages,
        partners,
        regionalNetworks,
        notice: key === 'saved' || key === 'deleted' ? i18n.t(`network.editor.notices.${key}`) : undefined,
      }),
    });
  })
  // Pages.
  .get('/editor/network/pages/new', (c) =>
    show(c, 'page', {
      editPath: null,
      written: [],
      errors: {},
      values: { lang: langOf(c), status: 'draft', placement: 'about', position: '0' },
    }),
  )
  .post('/editor/network/pages/new', (c) => savePageRoute(c, null))
  .get('/editor/network/pages/:slug{[a-z0-9-]+}/edit', async (c) => {
    const page = (await service.findPage(c.var.deps.db, c.req.param('slug'))) ?? notFound();
    const lang = langOf(c);
    const text = page.texts.find((t) => t.locale === lang);
    const values = {
      lang,
      slug: page.slug,
      status: page.status,
      placement: page.placement,
      position: String(page.position),
      title: text?.title ?? '',
      body: text?.body ?? '',
    };
    return show(c, 'page', pageState(c, page, values, {}));
  })
  .post('/editor/network/pages/:slug{[a-z0-9-]+}/edit', async (c) =>
    savePageRoute(c, (await service.findPage(c.var.deps.db, c.req.param('slug'))) ?? notFound()),
  )
  .post('/editor/network/pages/:slug{[a-z0-9-]+}/delete', async (c) => {
    const page = (await service.findPage(c.var.deps.db, c.req.param('slug'))) ?? notFound();
    if ((await service.deletePage(c.var.deps.db, page)) === 'reserved') throw new HTTPException(403, { message: 'forbidden' });
    return c.redirect(`${base(c)}?notice=deleted`, 303);
  })
  // Partner organisations.
  .get('/editor/network/partners/new', (c) =>
    show(c, 'partner', { editPath: null, written: [], errors: {}, values: { lang: langOf(c), status: 'published', position: '0' } }),
  )
  .post('/editor/network/partners/new', (c) => savePartnerRoute(c, null))
  .get('/editor/network/partners/:slug{[a-z0-9-]+}/edit', async (c) => {
    const partner = (await service.findPartner(c.var.deps.db, c.req.param('slug'))) ?? notFound();
    const lang = langOf(c);
    const text = partner.texts.find((t) => t.locale === lang);
    const values = {
      lang,
      slug: partner.slug,
      status: partner.status,
      position: String(partner.position),
      websiteUrl: partner.websiteUrl,
      contactName: partner.contactName,
      contactEmail: partner.contactEmail,
      name: text?.name ?? '',
      description: text?.description ?? '',
      logoAlt: text?.logoAlt ?? '',
    };
    return show(c, 'partner', { ...recordState(c, 'partners', partner.slug, partner.texts), errors: {}, values });
  })
  .post('/editor/network/partners/:slug{[a-z0-9-]+}/edit', async (c) =>
    savePartnerRoute(c, (await service.findPartner(c.var.deps.db, c.req.param('slug'))) ?? notFound()),
  )
  .post('/editor/network/partners/:slug{[a-z0-9-]+}/delete', async (c) => {
    const partner = (await service.findPartner(c.var.deps.db, c.req.param('slug'))) ?? notFound();
    await confirmed(c);
    await service.deletePartner(c.var.deps.db, partner, uploadsDir(c.var.deps.config));
    return c.redirect(`${base(c)}?notice=deleted`, 303);
  })
  // Regional networks.
  .get('/editor/network/regions/new', (c) =>
    show(c, 'region', { editPath: null, written: [], errors: {}, values: { lang: langOf(c), status: 'draft', position: '0' } }),
  )
  .post('/editor/network/regions/new', (c) => saveRegionRoute(c, null))
  .get('/editor/network/regions/:region{[a-z0-9-]+}/edit', async (c) => {
    const network = (await service.findRegionalNetwork(c.var.deps.db, c.req.param('region'))) ?? notFound();
    const lang = langOf(c);
    const text = network.texts.find((t) => t.locale === lang);
    const values = {
      lang,
      region: network.regionSlug,
      status: network.status,
      position: String(network.position),
      coordinatorName: network.coordinatorName,
      coordinatorEmail: network.coordinatorEmail,
      name: text?.name ?? '',
      description: text?.description ?? '',
    };
    return show(c, 'region', { ...recordState(c, 'regions', network.regionSlug, network.texts), errors: {}, values });
  })
  .post('/editor/network/regions/:region{[a-z0-9-]+}/edit', async (c) =>
    saveRegionRoute(c, (await service.findRegionalNetwork(c.var.deps.db, c.req.param('region'))) ?? notFound()),
  )
  .post('/editor/network/regions/:region{[a-z0-9-]+}/delete', async (c) => {
    const network = (await service.findRegionalNetwork(c.var.deps.db, c.req.param('region'))) ?? notFound();
    await confirmed(c);
    await service.deleteRegionalNetwork(c.var.deps.db, network);
    return c.redirect(`${base(c)}?notice=deleted`, 303);
  });

/**
 * A delete button posts `confirm=yes` (with the CSRF token the app's middleware checks): a post without
 * it, from a form that was not the button, deletes nothing.
 */
async function confirmed(c: Context<AppEnv>): Promise<void> {
  if ((await body(c)).confirm !== 'yes') throw new HTTPException(400, { message: 'malformed-form' });
}

/** The form's frame for an existing partner or regional network: its address, languages and delete button. */
function recordState(c: Context<AppEnv>, path: 'partners' | 'regions', key: string, texts: Array<{ locale: string }>) {
  return {
    editPath: `${base(c)}/${path}/${key}/edit`,
    written: texts.map((t) => t.locale),
    deleteAction: `${base(c)}/${path}/${key}/delete`,
  };
}

function pageState(c: Context<AppEnv>, page: service.Found<'page'> | null, values: Record<string, string>, errors: FormErrors): FormState {
  if (!page) return { editPath: null, written: [], values, errors };
  const reserved = isReservedSlug(page.slug);
  const editPath = `${base(c)}/pages/${page.slug}/edit`;
  return {
    editPath,
    written: page.texts.map((t) => t.locale),
    values,
    errors,
    reserved,
    deleteAction: reserved ? undefined : `${base(c)}/pages/${page.slug}/delete`,
  };
}

async function savePageRoute(c: Context<AppEnv>, page: service.Found<'page'> | null) {
  // A reserved page's address and status are not in its form: they are fixed.
  const parsed = await parse(c, page && isReservedSlug(page.slug) ? pageForm.omit({ slug: true, status: true }) : pageForm);
  const form = parsed.ok ? { slug: page?.slug ?? '', status: 'published' as const, ...parsed.data } : null;
  const saved = form ? await service.savePage(c.var.deps.db, page, form) : { ok: false as const, errors: parsed.ok ? {} : parsed.errors };
  if (!saved.ok) return show(c, 'page', pageState(c, page, parsed.values, saved.errors), 422);
  return c.redirect(`${base(c)}/pages/${saved.key}/edit?lang=${form?.lang}&notice=saved`, 303);
}

/**
 * A chosen logo, checked and written to disk before the partner's transaction (image work takes up to a
 * second, and the embedded database has one connection); recorded by the save itself. Nothing chosen: none.
 */
async function prepareLogo(
  file: unknown,
  c: Context<AppEnv>,
): Promise<{ file?: PreparedUpload; error?: string; values?: Record<string, string | number> }> {
  if (!(file instanceof File) || file.size === 0) return {};
  const result = await prepareUpload(uploadsDir(c.var.deps.config), { file, kind: 'image' });
  return result.ok ? { file: result.file } : { error: result.error, values: result.values };
}

async function savePartnerRoute(c: Context<AppEnv>, partner: service.Found<'partner'> | null) {
  const parsed = await parse(c, partnerForm);
  const logo = parsed.ok ? await prepareLogo(parsed.body.logo, c) : {};
  const saved = !parsed.ok
    ? { ok: false as const, errors: parsed.errors }
    : logo.error
      ? { ok: false as const, errors: { logo: logo.error } }
      : await service.savePartner(
          c.var.deps.db,
          partner,
          parsed.data,
          logo.file ? { file: logo.file, uploaderUserId: c.var.user?.id ?? null, dir: uploadsDir(c.var.deps.config) } : undefined,
        );
  if (!saved.ok) {
    const frame = partner ? recordState(c, 'partners', partner.slug, partner.texts) : { editPath: null, written: [] };
    return show(c, 'partner', { ...frame, values: parsed.values, errors: saved.errors, uploadValues: logo.values }, 422);
  }
  return c.redirect(`${base(c)}/partners/${saved.key}/edit?lang=${parsed.ok ? parsed.data.lang : ''}&notice=saved`, 303);
}

async function saveRegionRoute(c: Context<AppEnv>, network: service.Found<'region'> | null) {
  const parsed = await parse(c, regionalNetworkForm);
  const saved = parsed.ok
    ? await service.saveRegionalNetwork(c.var.deps.db, network, parsed.data)
    : { ok: false as const, errors: parsed.errors };
  if (!saved.ok) {
    const frame = network ? recordState(c, 'regions', network.regionSlug, network.texts) : { editPath: null, written: [] };
    return show(c, 'region', { ...frame, values: parsed.values, errors: saved.errors }, 422);
  }
  return c.redirect(`${base(c)}/regions/${saved.key}/edit?lang=${parsed.ok ? parsed.data.lang : ''}&notice=saved`, 303);
}
