import { shareCardsDir } from '../../platform/http/share-card.ts';
import { pruneShareCards } from '../../platform/lib/share-card.ts';
import { defineModule } from '../../platform/module.ts';
import { OFFICE_CONTACT_LIMITS } from './contact/office-contact.service.ts';
import { healthRoutes, siteRoutes } from './site.routes.ts';

// The network's own pages: home, about (with contacts), the office's contact form, privacy, themes.
export default defineModule({
  name: 'site',
  pages: siteRoutes,
  rootRoutes: [{ path: '/healthz', routes: healthRoutes }],
  navigation: [
    { area: 'footer', section: 'about', href: '/about', label: 'common.nav.about', order: 20 },
    { area: 'footer', section: 'themes', href: '/themes', label: 'common.nav.themes', order: 10 },
    { area: 'footer', section: 'privacy', href: '/privacy', label: 'common.footer.privacyLink', order: 40 },
  ],
  rateLimits: OFFICE_CONTACT_LIMITS,
  // The share cards every page kind announces are drawn on demand; old ones go after a month.
  housekeeping: async ({ config }) => {
    await pruneShareCards(shareCardsDir(config));
  },
  messages: new URL('./messages/', import.meta.url),
});

// What other modules may use.
export { type CallHighlight, getCallHighlights } from './site.service.ts';
