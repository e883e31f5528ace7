import { defineModule } from '../../platform/module.ts';
import { healthRoutes, siteRoutes } from './site.routes.ts';

// The network's own pages: home, about (with contacts), privacy, themes.
export default defineModule({
  name: 'site',
  pages: siteRoutes,
  rootRoutes: [{ path: '/healthz', routes: healthRoutes }],
  navigation: [
    { area: 'main', section: 'about', href: '/about', label: 'common.nav.about', order: 50 },
    { area: 'footer', section: 'about', href: '/about', label: 'common.nav.about', order: 20 },
    { area: 'footer', section: 'themes', href: '/themes', label: 'common.nav.themes', order: 10 },
    { area: 'footer', section: 'privacy', href: '/privacy', label: 'common.footer.privacyLink', order: 40 },
  ],
  messages: new URL('./messages/', import.meta.url),
});

// What other modules may use.
export { type CallHighlight, getCallHighlights } from './site.service.ts';
