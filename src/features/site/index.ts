import { shareCardsDir } from '../../platform/http/share-card.ts';
import { pruneShareCards } from '../../platform/lib/share-card.ts';
import { defineModule } from '../../platform/module.ts';
import { metricsRoutes } from './metrics.routes.ts';
import { healthRoutes, siteRoutes } from './site.routes.ts';

// The site as a whole: home and themes (the About section, contact form, imprint and privacy: features/network).
export default defineModule({
  name: 'site',
  pages: siteRoutes,
  rootRoutes: [
    { path: '/healthz', routes: healthRoutes },
    { path: '/metrics', routes: metricsRoutes },
  ],
  navigation: [{ area: 'footer', section: 'themes', href: '/themes', label: 'common.nav.themes', order: 10 }],
  // The share cards every page kind announces are drawn on demand; old ones go after a month.
  housekeeping: async ({ config }) => {
    await pruneShareCards(shareCardsDir(config));
  },
  messages: new URL('./messages/', import.meta.url),
});

// What other modules may use.
export { type CallHighlight, getCallHighlights } from './site.service.ts';
