import { defineModule } from '../../platform/module.ts';
import { impactRoutes } from './impact.routes.ts';

// The network's impact in numbers: totals and per year, theme and region.
export default defineModule({
  name: 'impact',
  pages: impactRoutes,
  navigation: [{ area: 'footer', section: 'impact', href: '/impact', label: 'impact.link', order: 30 }],
  messages: new URL('./messages/', import.meta.url),
});

// What other modules may use: the home page's figures, counted as the impact page counts them.
export { getNetworkNumbers, type NetworkNumbers } from './impact.service.ts';
