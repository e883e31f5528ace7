import { uploadUrl, videoUrl } from '../../core/uploads/uploads.service.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import { FallbackNote, InLanguage } from '../../platform/ui/components/content.tsx';
import { FilterSelect } from '../../platform/ui/components/search.tsx';
import { SearchPage } from '../../platform/ui/components/search-page.tsx';
import type { VideoParams } from './videos.forms.ts';
import { formatDuration } from './videos.model.ts';
import type { VideoCard } from './videos.queries.ts';
import type { VideoGallery } from './videos.service.ts';

// The virtual gallery: posters in a grid with filters (theme, region, year, event series), all
// without JavaScript; a video without a poster gets a drawn placeholder, never a provider's thumbnail.

export const feedPath = (locale: string) => `/${locale}/videos/feed.atom`;

export function videoQueryString(params: VideoParams, page = 1): string {
  const query = new URLSearchParams();
  for (const key of ['theme', 'region', 'series'] as const) if (params[key]) query.set(key, params[key]);
  if (params.year) query.set('year', String(params.year));
  if (page > 1) query.set('page', String(page));
  return query.toString();
}

/** The poster stored here, or a drawn placeholder with the title (decorative: the title is beside it). */
export function Poster(props: { sha256: string | null; width: number | null; title: string; lang: string; big?: boolean }) {
  if (!props.sha256) {
    return (
      <div class="video-poster video-placeholder" aria-hidden="true" lang={props.lang} dir="auto">
        <span>{props.title}</span>
      </div>
    );
  }
  return (
    <img
      class="video-poster"
      src={uploadUrl(props.sha256, 'image', props.big ? undefined : 'small')}
      alt=""
      loading={props.big ? undefined : 'lazy'}
      width={props.big ? (props.width ?? undefined) : undefined}
    />
  );
}

export type VideosPageProps = {
  i18n: I18n;
  params: VideoParams;
  ignored: string[];
  result: VideoGallery;
  themes: Array<{ slug: string; label: string }>;
  regions: string[];
  years: number[];
  series: Array<{ slug: string; title: string }>;
};

export function VideosPage({ i18n, params, ignored, result, themes, regions, years, series }: VideosPageProps) {
  const { t, locale } = i18n;
  const applied = [params.theme, params.region, params.series, params.year].filter(Boolean).length;
  return (
    <SearchPage
      i18n={i18n}
      title={t('videos.title')}
      lead={t('videos.intro')}
      ignored={ignored}
      action={`/${locale}/videos`}
      layout="bar"
      applied={applied}
      filters={
        <>
          <FilterSelect
            name="theme"
            label={t('videos.theme')}
            any={t('videos.anyTheme')}
            selected={params.theme}
            options={themes.map((th) => ({ value: th.slug, label: th.label }))}
          />
          <FilterSelect
            name="region"
            label={t('videos.region')}
            any={t('videos.anyRegion')}
            selected={params.region}
            options={regions.map((r) => ({ value: r, label: t(`common.regions.${r}`) }))}
          />
          <FilterSelect
            name="year"
            label={t('videos.year')}
            any={t('videos.anyYear')}
            selected={params.year ? String(params.year) : ''}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
          <FilterSelect
            name="series"
            label={t('videos.series')}
            any={t('videos.anySeries')}
            selected={params.series}
            options={series.map((s) => ({ value: s.slug, label: s.title }))}
          />
        </>
      }
      clearHref={applied > 0 ? `/${locale}/videos` : false}
      results={{
        result,
        count: t('videos.resultCount', { count: result.total }),
        empty: t('videos.none'),
        list: (
          <ul class="video-grid">
            {result.items.map((v) => (
              <li>
                <VideoTile i18n={i18n} video={v} />
              </li>
            ))}
          </ul>
        ),
        href: (page) => {
          const qs = videoQueryString(params, page);
          return `/${locale}/videos${qs ? `?${qs}` : ''}`;
        },
      }}
      below={
        <p>
          <a href={feedPath(locale)}>{t('videos.feed')}</a>
        </p>
      }
    />
  );
}

function VideoTile({ i18n, video }: { i18n: I18n; video: VideoCard }) {
  const { t, locale } = i18n;
  return (
    <article class="video-tile">
      <Poster sha256={video.poster_sha256} width={video.poster_width} title={video.title} lang={video.content_locale} />
      <InLanguage i18n={i18n} contentLocale={video.content_locale}>
        <h3>
          <a href={`/${locale}/videos/${video.slug}`}>{video.title}</a>
        </h3>
      </InLanguage>
      <p class="meta">
        {i18n.formatDate(video.recorded_at, 'medium')} · {t('videos.durationLabel', { duration: formatDuration(video.duration_seconds) })}
      </p>
      <FallbackNote i18n={i18n} contentLocale={video.content_locale} />
    </article>
  );
}

/** Where an uploaded recording plays from: our stored file, or the imported URL. */
export function fileSource(video: { file_sha256: string | null; file_media_type: string | null; file_url: string | null }) {
  if (video.file_sha256)
    return { src: videoUrl(video.file_sha256, video.file_media_type ?? 'video/mp4'), type: video.file_media_type ?? 'video/mp4' };
  return video.file_url ? { src: video.file_url, type: undefined } : null;
}
