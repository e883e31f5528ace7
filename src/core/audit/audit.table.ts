import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

export type AuditAction =
  | 'account.registered'
  | 'account.email-verified'
  | 'account.signed-in'
  | 'account.sign-in-failed'
  | 'account.signed-out-everywhere'
  | 'account.password-reset'
  | 'account.password-changed'
  | 'account.email-changed'
  | 'account.role-changed'
  | 'account.disabled'
  | 'account.enabled'
  | 'account.data-exported'
  | 'account.deleted'
  // An expert listing: consent given (with the visibility chosen) and consent withdrawn.
  | 'expert.listed'
  | 'expert.unlisted';

export type AuditLogTable = {
  id: GeneratedAlways<string>;
  at: Generated<Date>;
  action: AuditAction;
  actor_user_id: number | null;
  subject_user_id: number | null;
  ip_hash: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
};

// The module's tables join the one database type (declaration merging: the platform names no feature's table).
declare module '../../platform/db/database.ts' {
  interface DB {
    audit_log: AuditLogTable;
  }
}
