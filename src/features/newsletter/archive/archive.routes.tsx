import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { listThemesWithTopics, loadTaxonomyIndex } from '../../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { lenientQuery, single } from '../../../platform/http/query-params.ts';
import { renderPage } from '../../../platform/http/render.tsx';
import { isLocale } from '../../../platform/i18n/locales.ts';
import { atomFeedXml } from '../../../platform/lib/atom.ts';
import { JsonLd } from '../../../platform/ui/json-ld.tsx';
import { itemSourcesByKind } from '../item-sources.ts';
import { renderEdition } from '../render/edition-render.service.ts';
import type { SubscribeFormProps } from '../subscribers/subscribe-form.views.tsx';
import { findPublishedEdition, listArchive, listFeedEntries } from './archive.service.ts';
import { archivePath, EditionPage, editionPath, FeedLink, feedPath, NewsletterArchivePage } from './archive.views.tsx';

// The public newsletter: the archive of sent editions with the subscription form, each edition's web
// version in the reader's language, and the Atom feed per language.

const archiveQuery = lenientQuery({ page: single(z.coerce.number().int().min(1).max(10_000), 1) });

/** What the subscription form on the archive shows again after a refused subscription (subscribers/). */
export type SubscribeFormState = Pick<SubscribeFormProps, 'values' | 'errors' | 'retryAfterSeconds'>;

/** The archive page; the subscription's routes show it again with what was typed and the errors. */
export async function showArchivePage(c: Context<AppEnv>, form: SubscribeFormState = {}, status: ContentfulStatusCode = 200) {
  const { i18n, deps } = c.var;
  const { page } = archiveQuery.read(new URL(c.req.url)).params;
  const [archive, themes, taxonomy] = await Promise.all([
    listArchive(deps.db, i18n.locale, page),
    listThemesWithTopics(deps.db, i18n.locale),
    loadTaxonomyIndex(deps.db),
  ]);
  const regions = [...taxonomy.regions]
    .map((slug) => ({ slug, name: i18n.t(`common.regions.${slug}`) }))
    .sort((a, b) => a.name.localeCompare(b.name, i18n.locale));
  return renderPage(
    c,
    {
      title: i18n.t('newsletter.title'),
      description: i18n.t('newsletter.intro'),
      section: 'newsletter',
      path: page > 1 ? `/newsletter?page=${page}` : '/newsletter',
      head: <FeedLink i18n={i18n} baseUrl={deps.config.BASE_URL} />,
      children: NewsletterArchivePage({
        i18n,
        archive,
        subscribe: {
          csrfToken: c.var.csrfToken ?? '',
          themes: themes.map((th) => ({ slug: th.slug, name: th.label })),
          regions,
          ...form,
        },
      }),
    },
    status,
  );
}

export const archiveRoutes = new Hono<AppEnv>()
  .get('/newsletter', (c) => showArchivePage(c))
  .get('/newsletter/feed.atom', async (c) => {
    const { i18n, deps } = c.var;
    const base = deps.config.BASE_URL;
    const entries = await listFeedEntries(deps.db, i18n.locale);
    const stamp = (entry: (typeof entries)[number]) => entry.sentAt ?? new Date(`${entry.date}T00:00:00Z`);
    const xml = atomFeedXml({
      locale: i18n.locale,
      id: `${base}${feedPath(i18n.locale)}`,
      title: i18n.t('newsletter.feed.title', { site: i18n.t('common.siteName') }),
      subtitle: i18n.t('newsletter.intro'),
      selfUrl: `${base}${feedPath(i18n.locale)}`,
      pageUrl: `${base}${archivePath(i18n.locale)}`,
      author: i18n.t('common.siteName'),
      // The newest entry's time; a fixed one while there is none, so an empty feed does not look changed on every fetch.
      updated: new Date(Math.max(Date.UTC(2000, 0, 1), ...entries.map((e) => stamp(e).getTime()))),
      entries: entries.map((e) => ({
        id: `${base}${editionPath(i18n.locale, e.number)}`,
        url: `${base}${editionPath(i18n.locale, e.number)}`,
        locale: e.locale,
        title: e.subject || i18n.t('newsletter.edition.untitled', { number: e.number }),
        summary: e.preheader,
        content: e.editorial,
        published: stamp(e),
        updated: stamp(e),
      })),
    });
    c.header('cache-control', 'no-cache');
    return c.body(xml, 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
  })
  // Up to nine digits: a longer number is no edition, and must not reach the database's integer column.
  .get('/newsletter/:number{[0-9]{1,9}}', async (c) => {
    const { i18n, deps } = c.var;
    const edition = await findPublishedEdition(deps.db, Number(c.req.param('number')));
    if (!edition) return c.notFound();
    const base = deps.config.BASE_URL;
    const rendered = await renderEdition(deps.db, itemSourcesByKind(deps.modules.extensions), edition, i18n.locale, base);
    const siteName = i18n.t('common.siteName');
    const title = rendered.subject || i18n.t('newsletter.edition.untitled', { number: rendered.number });
    const jsonLd = {
      '@context': 'https://schema.org',
      '@type': 'PublicationIssue',
      issueNumber: String(rendered.number),
      name: title,
      description: rendered.preheader || undefined,
      datePublished: rendered.date,
      inLanguage: rendered.locale,
      url: `${base}${editionPath(isLocale(rendered.locale) ? rendered.locale : i18n.locale, rendered.number)}`,
      isPartOf: {
        '@type': 'Periodical',
        name: i18n.t('newsletter.feed.title', { site: siteName }),
        url: `${base}${archivePath(i18n.locale)}`,
      },
      publisher: { '@type': 'Organization', name: siteName },
    };
    return renderPage(c, {
      title,
      description: rendered.preheader || i18n.t('newsletter.intro'),
      section: 'newsletter',
      // Only the languages it is written in; shown in a fallback language, its canonical is that language's page.
      contentLocales: { available: edition.locales, shown: rendered.locale },
      share: { type: 'article' },
      head: (
        <>
          <FeedLink i18n={i18n} baseUrl={base} />
          <JsonLd data={jsonLd} />
        </>
      ),
      children: EditionPage({ i18n, edition: rendered }),
    });
  });
