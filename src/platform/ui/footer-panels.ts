import type { Child } from 'hono/jsx';
import type { Database } from '../db/client.ts';
import { extensionPoint } from '../extension.ts';
import type { I18n } from '../i18n/i18n.ts';

/**
 * A panel in every page's footer, contributed by a module (the newsletter's short subscribe form, the
 * network's partners). It is drawn on every page, so it must be light: a panel that shows records keeps
 * them in memory and may be async only to refresh that copy now and then. `formToken` is what a form in
 * the panel carries: the CSRF token of a signed-in person; '' for an anonymous visitor, whose page may be
 * cached and shared and whose browser vouches for the origin instead (ADR 015); null outside the locale's
 * session (error and one-click pages), where a form could not be sent: a panel with a form shows nothing.
 */
// For an anonymous visitor the footer is drawn once per language, form-token state and content stamp
// (kept-fragments.ts): a panel's output may depend on those and on the database's records only.
export type FooterPanel = (ctx: { i18n: I18n; formToken: string | null; db: Database }) => Child | Promise<Child>;

export const footerPanels = extensionPoint<FooterPanel>('layout.footerPanels');
