import { defineModule } from '../../platform/module.ts';
import * as m0012 from './migrations/0012-newsletter.ts';

// The network's newsletter: subscribers with double opt-in, numbered editions written per language,
// sending that never sends an edition twice, bounces, the archive and its feed. See CONTEXT.md.
export default defineModule({
  name: 'newsletter',
  migrations: { '0012-newsletter': m0012 },
  navigation: [{ area: 'main', section: 'newsletter', href: '/newsletter', label: 'common.nav.newsletter', order: 40 }],
  messages: new URL('./messages/', import.meta.url),
});

// What other modules may use.
export { newsletterItemSources } from './item-sources.ts';
export type { ItemSuggestion, NewsletterItemSource, RenderedItem } from './newsletter.model.ts';
