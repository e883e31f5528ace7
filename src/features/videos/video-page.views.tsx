import { raw } from 'hono/html';
import { uploadUrl } from '../../core/uploads/uploads.service.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { markdownToText, renderMarkdown } from '../../platform/lib/markdown.ts';
import { FallbackNote, InLanguage } from '../../platform/ui/components/content.tsx';
import { JsonLd } from '../../platform/ui/json-ld.tsx';
import { embedUrl, formatDuration, isoDuration } from './videos.model.ts';
import type { VideoRecord, VideoText } from './videos.service.ts';
import { fileSource, Poster } from './videos.views.tsx';

// One video's page. Nothing comes from YouTube or Vimeo until the visitor asks: the page shows our
// poster and a play button. Without JavaScript the button is a link to `?play=1`, which draws the
// provider's privacy-friendly player (and only then does the CSP allow its frame); with JavaScript
// (public/js/video-consent.js) the click swaps in our own player page (/player) in place.

export type VideoPageProps = {
  i18n: I18n;
  video: VideoRecord;
  text: VideoText;
  play: boolean;
  themeLabels: Map<string, string>;
  isEditor: boolean;
};

const PROVIDER_NAMES = { youtube: 'YouTube', vimeo: 'Vimeo' } as const;

export function VideoPage({ i18n, video, text, play, themeLabels, isEditor }: VideoPageProps) {
  const { t, locale } = i18n;
  const eventTitle = video.event ? (video.event.titles[locale] ?? video.event.titles.en ?? Object.values(video.event.titles)[0]) : null;
  return (
    <article class="video-page">
      <p class="kicker">
        <a href={`/${locale}/videos`}>{t('videos.title')}</a>
        {video.status !== 'published' ? ` · ${t('videos.editor.status.draft')}` : null}
        {isEditor ? (
          <>
            {' · '}
            <a href={`/${locale}/editor/videos/${video.slug}/edit?lang=${text.locale}`}>{t('videos.editor.edit')}</a>
          </>
        ) : null}
      </p>
      <InLanguage i18n={i18n} contentLocale={text.locale}>
        <h1>{text.title}</h1>
      </InLanguage>
      <FallbackNote i18n={i18n} contentLocale={text.locale} />
      <Player i18n={i18n} video={video} text={text} play={play} />
      <dl class="facts">
        <dt>{t('videos.recorded')}</dt>
        <dd>{i18n.formatDate(video.recorded_at, 'long')}</dd>
        <dt>{t('videos.duration')}</dt>
        <dd>{formatDuration(video.duration_seconds)}</dd>
        {video.event && eventTitle ? (
          <>
            <dt>{t('videos.event')}</dt>
            <dd>
              <a href={`/${locale}/events/${video.event.slug}`} dir="auto">
                {eventTitle}
              </a>
            </dd>
          </>
        ) : null}
        {video.themes.length ? (
          <>
            <dt>{t('videos.theme')}</dt>
            <dd>{video.themes.map((s) => themeLabels.get(s) ?? s).join(t('common.listSeparator'))}</dd>
          </>
        ) : null}
      </dl>
      {text.description ? (
        <InLanguage i18n={i18n} contentLocale={text.locale}>
          <div class="prose">{raw(renderMarkdown(text.description))}</div>
        </InLanguage>
      ) : null}
      {video.captions.length ? (
        <ul class="video-captions">
          {video.captions.map((c) => (
            <li>
              <a href={uploadUrl(c.sha256, 'captions')} hreflang={c.locale} type="text/vtt">
                {t('videos.captionsLink', { language: i18n.languageName(c.locale) })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {text.transcript ? (
        <details class="video-transcript">
          <summary>{t('videos.transcript')}</summary>
          <InLanguage i18n={i18n} contentLocale={text.locale}>
            <div class="prose">
              {text.transcript.split(/\n{2,}/).map((p) => (
                <p>{p}</p>
              ))}
            </div>
          </InLanguage>
        </details>
      ) : null}
    </article>
  );
}

function Player({ i18n, video, text, play }: { i18n: I18n; video: VideoRecord; text: VideoText; play: boolean }) {
  const { t, locale } = i18n;
  const title = t('videos.playerTitle', { title: text.title });
  if (video.provider === 'file') {
    const source = fileSource(video);
    if (!source) return null;
    return (
      // preload="none": nothing of the recording is fetched before the visitor presses play. The
      // captions are tracks when editors uploaded some; a recording without them still plays.
      // biome-ignore lint/a11y/useMediaCaption: the tracks are the uploaded captions, listed below
      <video class="video-frame" controls preload="none" poster={video.poster_sha256 ? uploadUrl(video.poster_sha256, 'image') : undefined}>
        <source src={source.src} type={source.type} />
        {video.captions.map((c) => (
          <track
            kind="captions"
            src={uploadUrl(c.sha256, 'captions')}
            srclang={c.locale}
            label={i18n.languageName(c.locale)}
            default={c.locale === locale}
          />
        ))}
        <a href={source.src}>{t('videos.download')}</a>
      </video>
    );
  }
  const provider = PROVIDER_NAMES[video.provider];
  if (play && video.provider_id) {
    return (
      <div class="video-frame">
        <iframe
          src={embedUrl(video.provider, video.provider_id)}
          title={title}
          allow="autoplay; fullscreen; picture-in-picture"
          allowfullscreen
          referrerpolicy="strict-origin-when-cross-origin"
        />
      </div>
    );
  }
  return (
    <div class="video-frame video-consent" data-player={`/${locale}/videos/${video.slug}/player`} data-title={title}>
      <Poster sha256={video.poster_sha256} width={video.poster_width} title={text.title} lang={text.locale} big />
      <form method="get" action={`/${locale}/videos/${video.slug}`} class="video-play">
        <input type="hidden" name="play" value="1" />
        <button type="submit" class="button">
          {t('videos.play', { provider })}
        </button>
        <p class="meta">{t('videos.privacyNote', { provider })}</p>
      </form>
    </div>
  );
}

/** schema.org VideoObject: our poster as thumbnail, our player page or the file, the duration in ISO 8601. */
export function VideoJsonLd({ video, text, url, baseUrl }: { video: VideoRecord; text: VideoText; url: string; baseUrl: string }) {
  const source = fileSource(video);
  const data = {
    '@context': 'https://schema.org',
    '@type': 'VideoObject',
    name: text.title,
    description: markdownToText(text.description, 300) || text.title,
    thumbnailUrl: video.poster_sha256 ? `${baseUrl}${uploadUrl(video.poster_sha256, 'image')}` : undefined,
    uploadDate: video.recorded_at,
    duration: isoDuration(video.duration_seconds),
    inLanguage: text.locale,
    url,
    // Our own player page (it frames the provider's): the page names no provider host before the click.
    ...(video.provider !== 'file' ? { embedUrl: `${url}/player` } : {}),
    ...(source ? { contentUrl: source.src.startsWith('/') ? `${baseUrl}${source.src}` : source.src } : {}),
  };
  return <JsonLd data={data} />;
}

/** Our own player page, framed by the video's page after the click: only it may frame the provider. */
export function PlayerDocument({ i18n, src, title, css }: { i18n: I18n; src: string; title: string; css: string }) {
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={i18n.locale} dir={i18n.dir} class="video-player-document">
        <head>
          <meta charset="utf-8" />
          <meta name="robots" content="noindex" />
          <title>{title}</title>
          <link rel="stylesheet" href={css} />
        </head>
        <body>
          <iframe
            src={src}
            title={title}
            allow="autoplay; fullscreen; picture-in-picture"
            allowfullscreen
            referrerpolicy="strict-origin-when-cross-origin"
          />
        </body>
      </html>
    </>
  );
}
