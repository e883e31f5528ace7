import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { listThemesWithTopics, loadTaxonomyIndex } from '../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { can } from '../../platform/http/policy.ts';
import { dropUnknown } from '../../platform/http/query-params.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { isLocale } from '../../platform/i18n/locales.ts';
import { ATOM_MEDIA_TYPE } from '../../platform/lib/atom.ts';
import { markdownToText } from '../../platform/lib/markdown.ts';
import { PublicationHead } from './publication-head.views.tsx';
import { publicationParams } from './publications.forms.ts';
import { listPublishedFacets, loadPublication, publicationsFeed, searchPublications } from './publications.service.ts';
import { PublicationPage, PublicationsPage } from './publications.views.tsx';

// Publications for everyone: the library, one publication's page (published ones; drafts for editors
// only) and the Atom feed of each language.

export const publicationsRoutes = new Hono<AppEnv>()
  .get('/publications', async (c) => {
    const { i18n, deps } = c.var;
    const taxonomy = await loadTaxonomyIndex(deps.db);
    const { params, ignored } = dropUnknown(publicationParams.read(new URL(c.req.url)), {
      theme: taxonomy.themes,
      region: taxonomy.regions,
    });
    const [result, themes, facets] = await Promise.all([
      searchPublications(deps.db, params, i18n.locale),
      listThemesWithTopics(deps.db, i18n.locale),
      listPublishedFacets(deps.db),
    ]);
    const feedTitle = `${i18n.t('publications.title')} (Atom)`;
    return renderPage(c, {
      title: i18n.t('publications.title'),
      description: i18n.t('publications.intro'),
      section: 'publications',
      head: (
        <link
          rel="alternate"
          type="application/atom+xml"
          href={`${deps.config.BASE_URL}/${i18n.locale}/publications/feed.atom`}
          title={feedTitle}
        />
      ),
      children: PublicationsPage({
        i18n,
        params,
        ignored,
        result,
        themes,
        regions: [...taxonomy.regions].sort(),
        years: facets.years,
        languages: facets.languages,
      }),
    });
  })
  .get('/publications/feed.atom', async (c) => {
    const { i18n, deps } = c.var;
    const xml = await publicationsFeed(deps.db, i18n, deps.config.BASE_URL);
    c.header('cache-control', 'public, max-age=600');
    return c.body(xml, 200, { 'content-type': ATOM_MEDIA_TYPE });
  })
  .get('/publications/:slug{[a-z0-9-]+}', async (c) => {
    const { i18n, deps, user } = c.var;
    const loaded = await loadPublication(deps.db, c.req.param('slug'), i18n.locale, user);
    if (!loaded) throw new HTTPException(404, { message: 'not-found' });
    const themes = await listThemesWithTopics(deps.db, i18n.locale);
    const shown = isLocale(loaded.text.locale) ? loaded.text.locale : i18n.locale;
    return renderPage(c, {
      title: loaded.text.title,
      description: markdownToText(loaded.text.summary, 200),
      section: 'publications',
      indexable: loaded.publication.status === 'published',
      contentLocales: { available: loaded.publication.texts.map((tx) => tx.locale), shown },
      share: { type: 'article' },
      head: PublicationHead({
        i18n,
        publication: loaded.publication,
        text: loaded.text,
        url: `${deps.config.BASE_URL}/${shown}/publications/${loaded.publication.slug}`,
        baseUrl: deps.config.BASE_URL,
      }),
      children: PublicationPage({
        ...loaded,
        i18n,
        themeLabels: new Map(themes.map((th) => [th.slug, th.label])),
        isEditor: can(user, 'edit-content'),
      }),
    });
  });
