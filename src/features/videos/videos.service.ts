import type { Database } from '../../platform/db/client.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { can } from '../../platform/http/policy.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { EventOutcomeSection } from '../events/index.ts';
import { VIDEO_PAGE_SIZE, type VideoParams } from './videos.forms.ts';
import { formatDuration } from './videos.model.ts';
import * as q from './videos.queries.ts';

// Reading videos: the gallery (published only), one video's page (drafts for editors only) and the
// recordings an event's page lists.

export type VideoGallery = { items: q.VideoCard[]; total: number; page: number; pages: number };

export async function listVideoGallery(db: Database, params: VideoParams, locale: Locale): Promise<VideoGallery> {
  const items = await q.listVideos(db, locale, {
    theme: params.theme,
    region: params.region,
    series: params.series,
    year: params.year,
    includeDrafts: false,
    limit: VIDEO_PAGE_SIZE,
    offset: (params.page - 1) * VIDEO_PAGE_SIZE,
  });
  const total = items[0]?.total ?? 0;
  return { items, total, page: params.page, pages: Math.max(1, Math.ceil(total / VIDEO_PAGE_SIZE)) };
}

export const listVideoFacets = q.listVideoFacets;

export type VideoText = q.VideoText;
export type VideoRecord = q.VideoRecord;

/** The text for a reader: their language, else English, else the first written (then show a FallbackNote). */
export function pickVideoText(texts: VideoText[], locale: string): VideoText | undefined {
  return texts.find((t) => t.locale === locale) ?? texts.find((t) => t.locale === 'en') ?? texts[0];
}

/** One video for its page; a draft exists only for editors (for anyone else it is not found). */
export async function loadVideo(db: Database, slug: string, locale: Locale, viewer: CurrentUser | null) {
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return undefined;
  const video = await q.findVideo(db, { slug });
  if (!video || (video.status !== 'published' && !can(viewer, 'edit-content'))) return undefined;
  const text = pickVideoText(video.texts, locale);
  return text ? { video, text } : undefined;
}

export const listFeedVideos = q.listFeedVideos;

/** The recordings of an event, as a section of its documentation (events' extension point). */
export function recordingsOfEvent(db: Database, i18n: I18n, eventId: number): Promise<EventOutcomeSection | null> {
  return recordingsSection(db, i18n, [eventId], 'videos.ofEvent');
}

/** The recordings of a series' or learning process's sessions held, for its page (events' groupOutcomes). */
export function recordingsOfSessions(db: Database, i18n: I18n, eventIds: number[]): Promise<EventOutcomeSection | null> {
  return recordingsSection(db, i18n, eventIds, 'videos.ofSessions');
}

async function recordingsSection(db: Database, i18n: I18n, eventIds: number[], heading: string): Promise<EventOutcomeSection | null> {
  const videos = await q.listVideosOfEvents(db, i18n.locale, eventIds);
  if (!videos.length) return null;
  return {
    heading: i18n.t(heading),
    links: videos.map((v) => ({
      href: `/${i18n.locale}/videos/${v.slug}`,
      title: v.title,
      lang: v.content_locale,
      detail: i18n.t('videos.durationLabel', { duration: formatDuration(v.duration_seconds) }),
    })),
  };
}
