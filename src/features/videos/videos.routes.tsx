import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { listThemesWithTopics, loadTaxonomyIndex } from '../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { CSP } from '../../platform/http/middleware/security-headers.ts';
import { can } from '../../platform/http/policy.ts';
import { dropUnknown } from '../../platform/http/query-params.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { isLocale } from '../../platform/i18n/locales.ts';
import { ATOM_MEDIA_TYPE, atomFeedXml } from '../../platform/lib/atom.ts';
import { markdownToText } from '../../platform/lib/markdown.ts';
import { PlayerDocument, VideoJsonLd, VideoPage } from './video-page.views.tsx';
import { videoParams } from './videos.forms.ts';
import { embedOrigin, embedUrl, videoPagePolicy } from './videos.model.ts';
import { listFeedVideos, listVideoFacets, listVideoGallery, loadVideo } from './videos.service.ts';
import { feedPath, VideosPage } from './videos.views.tsx';

// Videos for everyone: the gallery, its Atom feed, one video's page and the player page it frames
// after the click. Published videos only; drafts for editors.

const SLUG = ':slug{[a-z0-9-]+}';

/** The origin of an imported file URL elsewhere (its media-src), or null for our own files. */
function fileOrigin(url: string | null): string | null {
  if (!url || url.startsWith('/')) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export const videosRoutes = new Hono<AppEnv>()
  .get('/videos', async (c) => {
    const { i18n, deps } = c.var;
    const taxonomy = await loadTaxonomyIndex(deps.db);
    const read = videoParams.read(new URL(c.req.url));
    const { params, ignored } = dropUnknown(read, { theme: taxonomy.themes, region: taxonomy.regions });
    const [result, themes, facets] = await Promise.all([
      listVideoGallery(deps.db, params, i18n.locale),
      listThemesWithTopics(deps.db, i18n.locale),
      listVideoFacets(deps.db, i18n.locale),
    ]);
    const feedTitle = i18n.t('videos.feedTitle', { site: i18n.t('common.siteName') });
    return renderPage(c, {
      title: i18n.t('videos.title'),
      description: i18n.t('videos.intro'),
      section: 'videos',
      head: <link rel="alternate" type="application/atom+xml" title={feedTitle} href={`${deps.config.BASE_URL}${feedPath(i18n.locale)}`} />,
      children: VideosPage({
        i18n,
        params,
        ignored,
        result,
        themes,
        regions: [...taxonomy.regions].sort(),
        years: facets.years,
        series: facets.series,
      }),
    });
  })
  .get('/videos/feed.atom', async (c) => {
    const { i18n, deps } = c.var;
    const base = deps.config.BASE_URL;
    const entries = await listFeedVideos(deps.db, i18n.locale, 50);
    const xml = atomFeedXml({
      locale: i18n.locale,
      id: `${base}${feedPath(i18n.locale)}`,
      title: i18n.t('videos.feedTitle', { site: i18n.t('common.siteName') }),
      subtitle: i18n.t('videos.intro'),
      selfUrl: `${base}${feedPath(i18n.locale)}`,
      pageUrl: `${base}/${i18n.locale}/videos`,
      author: i18n.t('common.siteName'),
      // The newest entry's time; a fixed one while there is none, so an empty feed does not look changed.
      updated: new Date(Math.max(Date.UTC(2000, 0, 1), ...entries.map((e) => e.updated_at.getTime()))),
      entries: entries.map((e) => ({
        id: `${base}/${i18n.locale}/videos/${e.slug}`,
        url: `${base}/${i18n.locale}/videos/${e.slug}`,
        locale: e.locale,
        title: e.title,
        summary: markdownToText(e.description, 300),
        published: e.published_at,
        updated: e.updated_at,
      })),
    });
    c.header('cache-control', 'no-cache');
    return c.body(xml, 200, { 'content-type': ATOM_MEDIA_TYPE });
  })
  .get(`/videos/${SLUG}`, async (c) => {
    const { i18n, deps, user } = c.var;
    const loaded = await loadVideo(deps.db, c.req.param('slug'), i18n.locale, user);
    if (!loaded) throw new HTTPException(404, { message: 'not-found' });
    const { video, text } = loaded;
    // The provider's frame is drawn (and allowed) only once the visitor asked for it.
    const play = c.req.query('play') === '1' && video.provider !== 'file';
    if (play || video.provider === 'file')
      c.header('content-security-policy', videoPagePolicy(CSP, { provider: video.provider, fileOrigin: fileOrigin(video.file_url) }));
    const themes = await listThemesWithTopics(deps.db, i18n.locale);
    const url = `${deps.config.BASE_URL}/${isLocale(text.locale) ? text.locale : i18n.locale}/videos/${video.slug}`;
    return renderPage(c, {
      title: text.title,
      description: markdownToText(text.description, 200) || text.title,
      section: 'videos',
      indexable: video.status === 'published' && !play,
      contentLocales: { available: video.texts.map((t) => t.locale), shown: text.locale },
      head: (
        <>
          <VideoJsonLd video={video} text={text} url={url} baseUrl={deps.config.BASE_URL} />
          <script src={deps.assets.url('js/video-consent.js')} defer />
        </>
      ),
      children: VideoPage({
        i18n,
        video,
        text,
        play,
        themeLabels: new Map(themes.map((th) => [th.slug, th.label])),
        isEditor: can(user, 'edit-content'),
      }),
    });
  })
  // The page the video's page frames after the click (with JavaScript): only this response may frame
  // the provider, so the video's own page never names the provider's host before the visitor asks.
  .get(`/videos/${SLUG}/player`, async (c) => {
    const { i18n, deps, user } = c.var;
    const loaded = await loadVideo(deps.db, c.req.param('slug'), i18n.locale, user);
    if (!loaded || loaded.video.provider === 'file' || !loaded.video.provider_id) throw new HTTPException(404, { message: 'not-found' });
    const { video, text } = loaded;
    const provider = video.provider as 'youtube' | 'vimeo';
    c.header(
      'content-security-policy',
      `default-src 'none'; style-src 'self'; frame-src ${embedOrigin(provider)}; frame-ancestors 'self'; base-uri 'none'; form-action 'none'`,
    );
    c.header('x-frame-options', 'SAMEORIGIN'); // the same as frame-ancestors 'self', for older browsers
    c.header('cache-control', 'no-cache');
    return c.html(
      PlayerDocument({
        i18n,
        src: embedUrl(provider, video.provider_id as string),
        title: i18n.t('videos.playerTitle', { title: text.title }),
        css: deps.assets.url('css/site.css'),
      }),
    );
  });
