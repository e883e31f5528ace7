import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
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

export async function updateEmail(db: Database, userId: number, email: string): Promise<void> {
  await db.updateTable('users').set({ email, email_verified_at: new Date(), updated_at: new Date() }).where('id', '=', userId).execute();
}

export async function setDisabled(db: Database, userId: number, disabled: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set({ disabled_at: disabled ? new Date() : null, updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
}

/** An account nobody has signed in to yet: no password, address not confirmed, no consent recorded. */
export async function insertInvitedUser(db: Database, user: { email: string; name: string; role: Role; locale?: string }): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      email: user.email,
      name: user.name,
      role: user.role,
      ...(user.locale ? { locale: user.locale } : {}),
      password_hash: null,
      email_verified_at: null,
      disabled_at: null,
      deleted_at: null,
      privacy_consent_at: null,
      privacy_notice_version: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUserName(db: Database, userId: number, name: string): Promise<void> {
  await db.updateTable('users').set({ name, updated_at: new Date() }).where('id', '=', userId).where('name', '<>', name).execute();
}

/** The addresses of these accounts; deleted ones (whose address is erased) are left out. */
export function listEmailsOfUsers(db: Database, userIds: number[]) {
  if (!userIds.length) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('id', 'in', userIds)
    .where('email', 'is not', null)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Removes every personal field; the row stays so records pointing to it keep their meaning. */
export async function anonymiseUser(db: Database, userId: number): Promise<void> {
  await db
    .updateTable('users')
    .set({
      email: null,
      name: '',
      password_hash: null,
      email_verified_at: null,
      privacy_consent_at: null,
      privacy_notice_version: null,
      role: 'member',
      deleted_at: new Date(),
      updated_at: new Date(),
    })
    .where('id', '=', userId)
    .execute();
}

export function findUserForExport(db: Database, userId: number) {
  return db
    .selectFrom('users')
    .select([
      'id',
      'email',
      'name',
      'locale',
      'role',
      'email_verified_at',
      'privacy_consent_at',
      'privacy_notice_version',
      'created_at',
      'updated_at',
    ])
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export type UserListFilter = { search?: string; role?: Role; page: number; pageSize: number };

/** Users for the admin list: search in name and e-mail (also with typos, through trigrams), filter by role. */
export async function listUsers(db: Database, filter: UserListFilter) {
  let query = db.selectFrom('users').where('deleted_at', 'is', null);
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.search) {
    const term = filter.search.toLowerCase();
    const like = `%${term.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    query = query.where((eb) =>
      eb.or([eb(sql`lower(name)`, 'like', like), eb(sql`lower(email)`, 'like', like), eb(sql`word_similarity(${term}, name)`, '>', 0.5)]),
    );
  }
  const [rows, total] = await Promise.all([
    query
      .select(['id', 'name', 'email', 'role', 'email_verified_at', 'disabled_at', 'created_at'])
      .orderBy('name')
      .orderBy('id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

/**
 * A member other modules may send mail to on someone's behalf: address confirmed, account neither
 * disabled nor deleted (an unconfirmed address may not be theirs).
 */
export type ReachableMember = { id: number; name: string; email: string; locale: string };

function reachableMembers(db: Database) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'locale'])
    .where('email', 'is not', null)
    .where('email_verified_at', 'is not', null)
    .where('disabled_at', 'is', null)
    .where('deleted_at', 'is', null);
}

export async function findReachableMember(db: Database, userId: number): Promise<ReachableMember | undefined> {
  const row = await reachableMembers(db).where('id', '=', userId).executeTakeFirst();
  return row?.email ? { ...row, email: row.email } : undefined;
}

/** Every reachable editor and admin: the editorial team. */
export async function listReachableEditors(db: Database): Promise<ReachableMember[]> {
  const rows = await reachableMembers(db).where('role', 'in', ['editor', 'admin']).orderBy('id').execute();
  return rows.flatMap((r) => (r.email ? [{ ...r, email: r.email }] : []));
}
