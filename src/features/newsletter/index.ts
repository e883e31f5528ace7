import { defineModule } from '../../platform/module.ts';
import { newsletterRoutes } from './newsletter.routes.ts';

// The network's newsletter.
export default defineModule({
  name: 'newsletter',
  pages: newsletterRoutes,
  navigation: [{ area: 'main', section: 'newsletter', href: '/newsletter', label: 'common.nav.newsletter', order: 40 }],
  messages: new URL('./messages/', import.meta.url),
});
