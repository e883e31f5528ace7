import type { Child } from 'hono/jsx';
import { extensionPoint } from '../extension.ts';
import type { I18n } from '../i18n/i18n.ts';

/**
 * A panel in every page's footer (the newsletter's short subscribe form), contributed by a module.
 * It gets no database: it is drawn on every page, so it must be light and need nothing loaded. An
 * empty `csrfToken` means the page is outside the locale's session (error and one-click pages): a
 * panel with a form shows nothing then, since its form could not be sent from there.
 */
export type FooterPanel = (ctx: { i18n: I18n; csrfToken: string }) => Child;

export const footerPanels = extensionPoint<FooterPanel>('layout.footerPanels');
