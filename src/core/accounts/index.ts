import { Hono } from 'hono';
import { extensionPoint } from '../../platform/extension.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { defineModule } from '../../platform/module.ts';
import { createAdminCommand } from './accounts.commands.ts';
import { accountsRoutes } from './accounts.routes.ts';
import { ACCOUNT_LIMITS } from './accounts.service.ts';
import { credentialsRoutes } from './credentials.routes.ts';
import { pruneAccountData } from './housekeeping.service.ts';
import { accountsPersonalData } from './personal-data.service.ts';
import type { AccountDisabledHook } from './user-admin.service.ts';

/**
 * Called in the transaction that disables (or re-enables) an account, so modules can hide what the
 * person shows the public (the expert directory suspends the profile).
 */
export const accountDisabled = extensionPoint<AccountDisabledHook>('accounts.disabled');

// Where modules add their settings to the account page (the newsletter subscription).
export { type AccountSectionContext, type AccountSettingsSection, accountSettingsSections } from './account-sections.service.ts';
/** The account page, for a section's own route to show again with that section's errors. */
export { showAccount } from './accounts.routes.ts';
// The privacy notice's version stored with a consent: contributed by the module that publishes the notice.
export {
  currentPrivacyNoticeVersion,
  type PrivacyNoticeVersionSource,
  privacyNoticeVersions,
} from './privacy-notice.ts';

// Members' accounts: registration, sign-in, sessions, e-mail confirmation, the account page, data export
// and deletion (each module's part through its personalData hooks).
export default defineModule({
  name: 'accounts',
  publicTables: ['users'],
  pages: new Hono<AppEnv>().route('/', accountsRoutes).route('/', credentialsRoutes),
  housekeeping: async ({ db }) => {
    await pruneAccountData(db);
  },
  commands: { 'create-admin': createAdminCommand },
  rateLimits: ACCOUNT_LIMITS,
  messages: new URL('./messages/', import.meta.url),
  personalData: accountsPersonalData,
});
