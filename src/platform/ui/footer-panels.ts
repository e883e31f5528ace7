import type { Child } from 'hono/jsx';
import type { Database } from '../db/client.ts';
import { extensionPoint } from '../extension.ts';
import type { I18n } from '../i18n/i18n.ts';

/**
 * A panel in every page's footer, contributed by a module (the newsletter's short subscribe form, the
 * network's partners). It is drawn on every page, so it must be light: a panel that shows records keeps
 * them in memory and may be async only to refresh that copy now and then. An empty `csrfToken` means the
 * page is outside the locale's session (error and one-click pages): a panel with a form shows nothing
 * then, since its form could not be sent from there.
 */
export type FooterPanel = (ctx: { i18n: I18n; csrfToken: string; db: Database }) => Child | Promise<Child>;

export const footerPanels = extensionPoint<FooterPanel>('layout.footerPanels');
