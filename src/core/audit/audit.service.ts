import type { Database } from '../../platform/db/client.ts';
import { type AuditEntry, insertAuditEntry, listAuditEntries, listAuditEntriesForUser } from './audit.queries.ts';
import type { AuditAction } from './audit.table.ts';

export type { AuditAction, AuditEntry };

/** Records a security-relevant action. Details never hold passwords, tokens or e-mail addresses. */
export function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  return insertAuditEntry(db, entry);
}

export function listAuditLog(db: Database, options: { page: number; pageSize?: number; action?: AuditAction; userId?: number }) {
  const pageSize = options.pageSize ?? 50;
  return listAuditEntries(db, { limit: pageSize, offset: (options.page - 1) * pageSize, action: options.action, userId: options.userId });
}

export function listAuditLogOfUser(db: Database, userId: number) {
  return listAuditEntriesForUser(db, userId);
}
