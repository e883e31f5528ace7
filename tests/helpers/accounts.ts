import type { Role } from '../../src/core/accounts/accounts.table.ts';
import type { TestApp } from './app.ts';
import { Visitor } from './http.ts';
import { lastMailTo, linkIn } from './mail.ts';

export const PASSWORD = 'river tea lantern 42';
let ip = 0;

/** A visitor from its own address (with TRUST_PROXY=true), so per-IP limits of one test stay apart. */
export function newVisitor(t: TestApp): Visitor {
  ip++;
  return new Visitor(t, { 'x-forwarded-for': `198.51.${Math.floor(ip / 250)}.${ip % 250}` });
}

/** Registers through the forms, confirms the address from the outbox, optionally sets a role. */
export async function createMember(t: TestApp, email: string, role: Role = 'member'): Promise<void> {
  const v = newVisitor(t);
  await v.get('/en/register');
  await v.post('/en/register', { name: email.split('@')[0] ?? email, email, password: PASSWORD, locale: 'en', privacy: 'yes' });
  const mail = await lastMailTo(t.database.db, email);
  await v.get(linkIn(mail?.text_body, '/en/verify-email?token='));
  if (role !== 'member') await t.database.db.updateTable('users').set({ role }).where('email', '=', email).execute();
}

export async function signedIn(t: TestApp, email: string, password = PASSWORD): Promise<Visitor> {
  const v = newVisitor(t);
  await v.get('/en/sign-in');
  const res = await v.post('/en/sign-in', { email, password });
  if (res.status !== 303) throw new Error(`sign-in of ${email} failed: ${res.status}`);
  // As a browser would: the page after signing in carries the new session's CSRF token.
  await v.get(res.headers.get('location') ?? '/en/account');
  return v;
}

/** Fills in the registration form as a new member would (Amina Diallo, English, consent given). */
export async function register(v: Visitor, email: string, overrides: Record<string, string> = {}) {
  await v.get('/en/register');
  return v.post('/en/register', { name: 'Amina Diallo', email, password: PASSWORD, locale: 'en', privacy: 'yes', ...overrides });
}

/** Registers and follows the confirmation link from the outbox; returns the visitor who did. */
export async function registerAndVerify(t: TestApp, email: string): Promise<Visitor> {
  const v = newVisitor(t);
  await register(v, email);
  const mail = await lastMailTo(t.database.db, email);
  await v.get(linkIn(mail?.text_body, '/en/verify-email?token='));
  return v;
}

/** Fills in the sign-in form. */
export async function signIn(v: Visitor, email: string, password = PASSWORD) {
  await v.get('/en/sign-in');
  return v.post('/en/sign-in', { email, password });
}
