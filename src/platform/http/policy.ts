import type { CurrentUser } from './context.ts';

/**
 * The one place that decides who may do what. Routes declare the permission they need
 * (`requires('edit-content')`); services may ask `can` for finer checks.
 */
export type Permission =
  | 'use-account' // signed in, verified or not: see and manage one's own account
  | 'act-as-member' // verified: register for events, submit content, contact experts
  | 'edit-content' // editors and admins: review and publish, run events and calls
  | 'administer'; // admins: users, roles, audit log

export function can(user: CurrentUser | null, permission: Permission): boolean {
  if (!user) return false;
  switch (permission) {
    case 'use-account':
      return true;
    case 'act-as-member':
      return user.emailVerified;
    case 'edit-content':
      return user.emailVerified && (user.role === 'editor' || user.role === 'admin');
    case 'administer':
      return user.emailVerified && user.role === 'admin';
  }
}
