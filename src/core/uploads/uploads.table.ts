import type { Generated, GeneratedAlways } from 'kysely';

/** `video` (MP4, WebM) and `captions` (WebVTT) are the videos module's recordings and their captions. */
export type UploadKind = 'document' | 'image' | 'video' | 'captions';

export type UploadsTable = {
  id: GeneratedAlways<number>;
  /** Hex SHA-256 of the stored bytes; also the file's name on disk. */
  sha256: string;
  kind: UploadKind;
  media_type: string;
  bytes: number;
  width: number | null;
  height: number | null;
  original_name: string;
  uploader_user_id: number | null;
  created_at: Generated<Date>;
};

// The module's tables join the one database type (declaration merging: the platform names no feature's table).
declare module '../../platform/db/database.ts' {
  interface DB {
    uploads: UploadsTable;
  }
}
