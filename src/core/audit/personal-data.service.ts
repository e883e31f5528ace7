import type { Database } from '../../platform/db/client.ts';
import type { PersonalDataHooks } from '../../platform/module.ts';
import { listAuditLogOfUser } from './audit.service.ts';

// The security log's part of a member's data export and of account deletion.

async function exportData(trx: Database, userId: number): Promise<Record<string, unknown>> {
  const entries = await listAuditLogOfUser(trx, userId);
  // When and what, the shape the export has always had. Rows where the member acted on someone else
  // (an administrator changing a role) are included: they name nobody. The IP hash is a keyed hash that
  // means nothing outside the platform, so it is not part of the export.
  return { securityLog: entries.map((e) => ({ at: e.at, action: e.action })) };
}

/**
 * Deliberately keeps the member's audit rows. They are the platform's record of what happened to the
 * account (including that it was deleted, and by whom), which the operator must be able to show; they
 * hold no name, address or text (see recordAudit), and the users row they point to is anonymised by the
 * deletion, so what remains no longer identifies the person.
 */
async function eraseData(_trx: Database, _userId: number): Promise<void> {}

export const auditPersonalData: PersonalDataHooks = {
  tables: ['audit_log'],
  exportData,
  eraseData,
};
