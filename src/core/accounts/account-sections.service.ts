import type { Child } from 'hono/jsx';
import type { Database } from '../../platform/db/client.ts';
import { type Extensions, extensionPoint } from '../../platform/extension.ts';
import type { I18n } from '../../platform/i18n/i18n.ts';

/** What a section of the account page is given: the account (its address included: it is the owner's own page). */
export type AccountSectionContext = {
  db: Database;
  i18n: I18n;
  csrfToken: string;
  account: { id: number; name: string; email: string; emailVerified: boolean };
  /** The page's query string (a section's notice after its own form redirected back). */
  query: Record<string, string>;
  /** What a section's form posted, to show again with its errors (set by the section's own route). */
  form?: { section: string; values: Record<string, string | string[]>; errors: Record<string, string> };
};

/** A module's settings on the account page (the newsletter subscription): rendered, or null when it has none for this account. */
export type AccountSettingsSection = (ctx: AccountSectionContext) => Promise<Child>;

/** Where modules add their settings to `/<locale>/account`, so accounts names none of them. */
export const accountSettingsSections = extensionPoint<AccountSettingsSection>('accounts.settingsSections');

/** Every module's section for this account, in the registry's order. */
export function loadAccountSections(extensions: Extensions, ctx: AccountSectionContext): Promise<Child[]> {
  return Promise.all(extensions.all(accountSettingsSections).map((section) => section(ctx)));
}
