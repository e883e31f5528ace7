import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

export const VIDEO_PROVIDERS = ['youtube', 'vimeo', 'file'] as const;
export type VideoProvider = (typeof VIDEO_PROVIDERS)[number];
export type VideoStatus = 'draft' | 'published';

export type VideosTable = {
  id: GeneratedAlways<number>;
  external_id: string;
  slug: string;
  status: Generated<VideoStatus>;
  /** A calendar day, 'YYYY-MM-DD'. */
  recorded_at: string;
  duration_seconds: number;
  provider: VideoProvider;
  provider_id: string | null;
  file_upload_id: number | null;
  file_sha256: string | null;
  file_media_type: string | null;
  file_url: string | null;
  poster_upload_id: number | null;
  poster_sha256: string | null;
  poster_width: number | null;
  poster_height: number | null;
  event_id: number | null;
  published_at: Date | null;
  created_by: number | null;
  updated_by: number | null;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};

export type VideoTranslationsTable = {
  video_id: number;
  locale: string;
  title: string;
  description: Generated<string>;
  transcript: Generated<string>;
  search: GeneratedAlways<string>;
};

export type VideoCaptionsTable = { video_id: number; locale: string; upload_id: number; sha256: string };
export type VideoThemesTable = { video_id: number; theme_slug: string };
export type VideoRegionsTable = { video_id: number; region_slug: string };

// The module's tables join the one database type (declaration merging: the platform names no feature's table).
declare module '../../platform/db/database.ts' {
  interface DB {
    videos: VideosTable;
    video_translations: VideoTranslationsTable;
    video_captions: VideoCaptionsTable;
    video_themes: VideoThemesTable;
    video_regions: VideoRegionsTable;
  }
}
