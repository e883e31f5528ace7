import type { Generated, GeneratedAlways } from 'kysely';

export type UploadKind = 'document' | 'image';

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
