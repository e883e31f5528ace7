import { Hono } from 'hono';
import { accountSettingsSections } from '../../core/accounts/index.ts';
import { extend } from '../../platform/extension.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { defineModule } from '../../platform/module.ts';
import { footerPanels } from '../../platform/ui/footer-panels.ts';
import { archiveRoutes } from './archive/archive.routes.tsx';
import { MAIL_EVENT_LIMITS } from './bounces/bounces.service.ts';
import { mailEventsApi, mailEventsOpenApi } from './bounces/mail-events.api.ts';
import { newsletterDemo } from './demo/newsletter.seed.ts';
import { editionEditorRoutes } from './editor/edition-editor.routes.ts';
import { NEWSLETTER_EDITOR_LIMITS } from './editor/edition-test-send.service.ts';
import { exportEditions, importEditions } from './exchange/editions.import.ts';
import { subscribersCommand } from './exchange/subscribers.commands.ts';
import { newsletterItemSources } from './item-sources.ts';
import * as m0012 from './migrations/0012-newsletter.ts';
import { newsletterPersonalData } from './personal-data.service.ts';
import { connectItems } from './render/connect-items.service.ts';
import { newsletterCommand } from './sending/sending.commands.ts';
import { sendingRoutes } from './sending/sending.routes.tsx';
import { resumeStalledSends } from './sending/sending.service.ts';
import { startedSendingJobs } from './sending/sending-jobs.service.ts';
import { accountNewsletterSection } from './subscribers/account-section.routes.ts';
import { newsletterFooterPanel } from './subscribers/footer-panel.views.tsx';
import { subscriptionRoutes } from './subscribers/subscription.routes.tsx';
import { deleteStalePendingSubscribers, SUBSCRIPTION_LIMITS } from './subscribers/subscription.service.ts';
import { unsubscribeRoutes } from './subscribers/unsubscribe.routes.tsx';

// The network's newsletter: subscribers with double opt-in, numbered editions written per language,
// sending that never sends an edition twice, bounces, the archive and its feed. See CONTEXT.md.
export default defineModule({
  name: 'newsletter',
  publicTables: ['newsletter_editions', 'newsletter_edition_translations', 'newsletter_edition_items'],
  migrations: { '0012-newsletter': m0012 },
  navigation: [
    { area: 'footer', section: 'newsletter', href: '/newsletter', label: 'common.nav.newsletter', order: 25 },
    { area: 'editorial', section: 'newsletter', href: '/editor/newsletter', label: 'newsletterEditor.nav', order: 60 },
  ],
  messages: new URL('./messages/', import.meta.url),
  pages: new Hono<AppEnv>()
    .route('/', archiveRoutes)
    .route('/', subscriptionRoutes)
    .route('/', sendingRoutes)
    .route('/', editionEditorRoutes),
  // Sending: the `newsletter-send` and `newsletter-start` jobs, and `npm run cli -- newsletter send`.
  jobs: (ctx) => startedSendingJobs(ctx),
  commands: { newsletter: newsletterCommand, subscribers: subscribersCommand },
  // Bounces and complaints from the mail provider (POST /api/v1/mail-events; off without MAIL_EVENTS_SECRET).
  api: mailEventsApi,
  openApi: mailEventsOpenApi,
  // Editions in the exchange format; they name events, practices, calls and project ideas, imported before them.
  exchange: {
    key: 'newsletterEditions',
    label: 'Newsletter editions',
    order: 50,
    importRecords: (db, records, ctx) => importEditions(db, records, ctx.extensions),
    exportRecords: (db) => exportEditions(db),
  },
  demo: newsletterDemo,
  // One-click unsubscribe (RFC 8058) lives outside the locale: mail programs post there without session or CSRF token.
  rootRoutes: [{ path: '/newsletter', routes: unsubscribeRoutes }],
  rateLimits: { ...SUBSCRIPTION_LIMITS, ...NEWSLETTER_EDITOR_LIMITS, ...MAIL_EVENT_LIMITS },
  personalData: newsletterPersonalData,
  housekeeping: async ({ db }) => {
    await deleteStalePendingSubscribers(db);
    // A send whose job was lost (a killed worker, a job out of attempts) goes on.
    await resumeStalledSends(db);
  },
  // The newsletter's own items for Connect (find or become an expert, share a practice, find peers).
  extensions: [
    extend(newsletterItemSources, connectItems),
    // The subscribe form in every page's footer, and the subscription on a member's account page.
    extend(footerPanels, newsletterFooterPanel),
    extend(accountSettingsSections, accountNewsletterSection),
  ],
});

// What other modules may use.
export { newsletterItemSources } from './item-sources.ts';
export { ITEM_SUMMARY_LENGTH, itemSummary, utcDay } from './item-text.model.ts';
export type { ItemSuggestion, NewsletterItemSource, RenderedItem } from './newsletter.model.ts';
