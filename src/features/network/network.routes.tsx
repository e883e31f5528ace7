import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../platform/http/context.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { markdownToText } from '../../platform/lib/markdown.ts';
import { listOfficeRecipients } from './contact/office-contact.service.ts';
import { type NetworkPage, pickText } from './network.model.ts';
import { AboutMenu, AboutPage, PageText, RegionalNetworkPage } from './network.views.tsx';
import { selectPages } from './pages.queries.ts';
import { selectPartners } from './partners.queries.ts';
import { loadRegionSections, regionSections } from './region-sections.ts';
import { selectRegionalNetworks } from './regions.queries.ts';

// The network's public pages: /about (its pages, partners and regional networks), /about/<slug>,
// /about/regions/<region>, and the imprint and privacy notice at the top level. Drafts are 404s.

const notFound = () => {
  throw new HTTPException(404, { message: 'not-found' });
};

/** The languages the page is written in: hreflang names only those. */
const contentLocales = (page: NetworkPage) => page.texts.map((t) => t.locale);

function showPage(c: Context<AppEnv>, page: NetworkPage, pages: NetworkPage[]) {
  const { i18n } = c.var;
  const text = pickText(page.texts, i18n.locale);
  if (!text) return notFound();
  const privacy = page.slug === 'privacy';
  return renderPage(c, {
    title: text.title,
    description: markdownToText(text.body, 160) || undefined,
    section: 'about',
    contentLocales: { available: contentLocales(page), shown: text.locale },
    children: (
      <>
        {page.placement === 'main' ? <AboutMenu i18n={i18n} pages={pages} current={page.slug} /> : null}
        {/* The version a consent is stored with is the moment of this notice's last change (network.service). */}
        <PageText
          i18n={i18n}
          page={page}
          meta={privacy ? i18n.t('network.privacyVersion', { date: i18n.formatDateTime(page.updatedAt) }) : undefined}
        />
      </>
    ),
  });
}

async function reservedPage(c: Context<AppEnv>, slug: 'imprint' | 'privacy') {
  const pages = await selectPages(c.var.deps.db, { published: true });
  const page = pages.find((p) => p.slug === slug);
  return page ? showPage(c, page, pages) : notFound();
}

export const networkRoutes = new Hono<AppEnv>()
  .get('/about', async (c) => {
    const { i18n, deps } = c.var;
    const [pages, partners, regionalNetworks, recipients] = await Promise.all([
      selectPages(deps.db, { published: true }),
      selectPartners(deps.db, { published: true }),
      selectRegionalNetworks(deps.db, { published: true }),
      listOfficeRecipients(deps.db, deps.config),
    ]);
    const intro = pages.find((p) => p.slug === 'about') ?? null;
    const introText = intro ? pickText(intro.texts, i18n.locale) : undefined;
    return renderPage(c, {
      title: introText?.title ?? i18n.t('network.title'),
      description: introText ? markdownToText(introText.body, 160) : undefined,
      section: 'about',
      children: AboutPage({
        i18n,
        intro,
        pages,
        partners,
        regionalNetworks,
        // The regions whose coordinator can be written to, through the contact page (never an address).
        coordinators: recipients.flatMap((r) => (r.region ? [r.region] : [])),
      }),
    });
  })
  .get('/about/regions/:region{[a-z0-9-]+}', async (c) => {
    const { i18n, deps } = c.var;
    const network = (await selectRegionalNetworks(deps.db, { published: true, regionSlug: c.req.param('region') }))[0];
    if (!network) return notFound();
    const text = pickText(network.texts, i18n.locale);
    const sections = await loadRegionSections(
      deps.modules.extensions.all(regionSections),
      { db: deps.db, i18n, viewer: c.var.user ?? null, logger: deps.logger },
      network.regionSlug,
    );
    return renderPage(c, {
      title: text?.name ?? i18n.t(`common.regions.${network.regionSlug}`),
      description: text ? markdownToText(text.description, 160) : undefined,
      section: 'about',
      contentLocales: text ? { available: network.texts.map((t) => t.locale), shown: text.locale } : undefined,
      children: RegionalNetworkPage({ i18n, network, sections }),
    });
  })
  .get('/about/:slug{[a-z0-9-]+}', async (c) => {
    const slug = c.req.param('slug');
    // The imprint, the privacy notice and the About page's own text have addresses of their own.
    if (slug === 'imprint' || slug === 'privacy') return c.redirect(`/${c.var.locale}/${slug}`, 301);
    if (slug === 'about') return c.redirect(`/${c.var.locale}/about`, 301);
    const pages = await selectPages(c.var.deps.db, { published: true });
    const page = pages.find((p) => p.slug === slug);
    return page ? showPage(c, page, pages) : notFound();
  })
  .get('/imprint', (c) => reservedPage(c, 'imprint'))
  .get('/privacy', (c) => reservedPage(c, 'privacy'));
