import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Role } from '../../core/accounts/accounts.table.ts';
import type { CurrentUser } from './context.ts';
import { can, type Permission } from './policy.ts';

const person = (role: Role, emailVerified = true): CurrentUser => ({ id: 1, name: 'x', role, locale: 'en', emailVerified, sessionId: 's' });
const PERMISSIONS: Permission[] = ['use-account', 'act-as-member', 'edit-content', 'administer'];
const allowed = (user: CurrentUser | null) => PERMISSIONS.filter((p) => can(user, p));

describe('policy', () => {
  it('gives each role exactly its powers', () => {
    assert.deepEqual(allowed(null), []);
    assert.deepEqual(allowed(person('member', false)), ['use-account']);
    assert.deepEqual(allowed(person('member')), ['use-account', 'act-as-member']);
    assert.deepEqual(allowed(person('editor')), ['use-account', 'act-as-member', 'edit-content']);
    assert.deepEqual(allowed(person('admin')), PERMISSIONS);
  });

  it('withholds editorial and admin powers until the address is confirmed', () => {
    assert.deepEqual(allowed(person('admin', false)), ['use-account']);
  });
});
