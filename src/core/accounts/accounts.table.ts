import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

import type { Role } from '../../platform/http/context.ts';

export type { Role };
export type TokenPurpose = 'verify-email' | 'reset-password' | 'change-email';

export type UsersTable = {
  id: GeneratedAlways<number>;
  email: string | null;
  email_verified_at: Date | null;
  name: string;
  locale: Generated<string>;
  password_hash: string | null;
  role: Generated<Role>;
  privacy_consent_at: Date | null;
  privacy_notice_version: string | null;
  disabled_at: Date | null;
  deleted_at: Date | null;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};

export type SessionsTable = {
  id: string;
  user_id: number;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
};

export type AccountTokensTable = {
  id: string;
  user_id: number;
  purpose: TokenPurpose;
  email: string;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: Date | null;
};

// The module's tables join the one database type (declaration merging: the platform names no feature's table).
declare module '../../platform/db/database.ts' {
  interface DB {
    users: UsersTable;
    sessions: SessionsTable;
    account_tokens: AccountTokensTable;
  }
}
