import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import type { AuditAction } from './audit.table.ts';

export type AuditEntry = {
  action: AuditAction;
  actorUserId?: number | null;
  subjectUserId?: number | null;
  ipHash?: string | null;
  details?: Record<string, unknown>;
};

export async function insertAuditEntry(db: Database, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      action: entry.action,
      actor_user_id: entry.actorUserId ?? null,
      subject_user_id: entry.subjectUserId ?? null,
      ip_hash: entry.ipHash ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export function listAuditEntries(db: Database, options: { limit: number; offset: number; action?: AuditAction; userId?: number }) {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('users as actor', 'actor.id', 'a.actor_user_id')
    .leftJoin('users as subject', 'subject.id', 'a.subject_user_id')
    .select([
      sql<string>`a.id::text`.as('id'),
      'a.at',
      'a.action',
      'a.details',
      'actor.name as actor_name',
      'subject.name as subject_name',
      'a.subject_user_id',
    ])
    .orderBy('a.id', 'desc')
    .limit(options.limit)
    .offset(options.offset);
  if (options.action) query = query.where('a.action', '=', options.action);
  if (options.userId)
    query = query.where((eb) =>
      eb.or([eb('a.actor_user_id', '=', options.userId as number), eb('a.subject_user_id', '=', options.userId as number)]),
    );
  return query.execute();
}

export function listAuditEntriesForUser(db: Database, userId: number) {
  return db
    .selectFrom('audit_log')
    .select(['at', 'action', 'details'])
    .where((eb) => eb.or([eb('actor_user_id', '=', userId), eb('subject_user_id', '=', userId)]))
    .orderBy('id')
    .execute();
}
