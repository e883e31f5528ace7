import { sql } from 'kysely';
import type { Database } from '../../db/client.ts';
import type { Role } from './accounts.table.ts';

export type NewUser = { email: string; name: string; locale: string; passwordHash: string; privacyNoticeVersion: string };

export async function insertUser(db: Database, user: NewUser): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      email: user.email,
      name: user.name,
      locale: user.locale,
      password_hash: user.passwordHash,
      privacy_consent_at: new Date(),
      privacy_notice_version: user.privacyNoticeVersion,
      email_verified_at: null,
      disabled_at: null,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const userColumns = [
  'id',
  'email',
  'name',
  'locale',
  'role',
  'password_hash',
  'email_verified_at',
  'disabled_at',
  'deleted_at',
  'created_at',
] as const;

export function findUserByEmail(db: Database, email: string) {
  return db.selectFrom('users').select(userColumns).where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
}

export function findUserById(db: Database, id: number) {
  return db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
}

export async function markEmailVerified(db: Database, userId: number, email: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ email_verified_at: new Date(), updated_at: new Date() })
    .where('id', '=', userId)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .execute();
}

export async function updatePasswordHash(db: Database, userId: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', userId).execute();
}

export async function updateRole(db: Database, userId: number, role: Role): Promise<void> {
  await db.updateTable('users').set({ role, updated_at: new Date() }).where('id', '=', userId).execute();
}
