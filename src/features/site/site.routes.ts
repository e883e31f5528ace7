import { Hono } from 'hono';
import { PRIVACY_NOTICE_VERSION } from '../../core/accounts/accounts.service.ts';
import { listThemesWithTopics } from '../../core/taxonomy/taxonomy.service.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { sendShareCard, siteCardKey } from '../../platform/http/share-card.ts';
import { listOpenCallHighlights } from '../calls/index.ts';
import { listEvents } from '../events/index.ts';
import { listLatestPractices } from '../practices/index.ts';
import { officeContactRoutes } from './contact/office-contact.routes.ts';
import { listOfficeRecipients } from './contact/office-contact.service.ts';
import { HomeHead } from './home-head.views.tsx';
import { checkHealth, getNetworkNumbers } from './site.service.ts';
import { AboutPage, HomePage, PrivacyPage, ThemesPage } from './site.views.tsx';

/** Pages under /<locale>/ that belong to the site as a whole. */
export const siteRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { i18n, deps } = c.var;
    const [numbers, practices, upcoming, past, themes, calls] = await Promise.all([
      getNetworkNumbers(deps.db),
      listLatestPractices(deps.db, i18n.locale, 3),
      listEvents(deps.db, i18n.locale, 'upcoming', 3),
      listEvents(deps.db, i18n.locale, 'past', 3),
      listThemesWithTopics(deps.db, i18n.locale),
      listOpenCallHighlights(deps.db, i18n.locale),
    ]);
    const events = upcoming.length ? upcoming : past;
    return renderPage(c, {
      title: i18n.t('home.title'),
      description: i18n.t('common.tagline'),
      head: HomeHead({ i18n, baseUrl: deps.config.BASE_URL, logoUrl: `${deps.config.BASE_URL}${deps.assets.url('icons/peerpolis.svg')}` }),
      children: HomePage({ i18n, numbers, practices, events, calls, themes }),
    });
  })
  .get('/themes', async (c) => {
    const { i18n, deps } = c.var;
    const themes = await listThemesWithTopics(deps.db, i18n.locale);
    return renderPage(c, { title: i18n.t('themes.title'), section: 'themes', children: ThemesPage({ i18n, themes }) });
  })
  // The network's share card (og:image of the home page, lists and other pages without a picture).
  .get('/card.png', (c) => {
    const { i18n } = c.var;
    const tagline = i18n.t('common.tagline');
    return sendShareCard(c, { key: siteCardKey(i18n.locale, tagline), title: tagline });
  })
  .get('/privacy', (c) => {
    const { i18n } = c.var;
    return renderPage(c, { title: i18n.t('privacy.title'), children: PrivacyPage({ i18n, version: PRIVACY_NOTICE_VERSION }) });
  })
  .get('/about', async (c) => {
    const { i18n, deps } = c.var;
    // The regions whose coordinator can be written to, through the contact page (never an address).
    const coordinators = (await listOfficeRecipients(deps.db, deps.config)).flatMap((r) => (r.region ? [r.region] : []));
    return renderPage(c, { title: i18n.t('about.title'), section: 'about', children: AboutPage({ i18n, coordinators }) });
  })
  .route('/', officeContactRoutes);

/** GET /healthz: whether this process can reach its database, for load balancers and monitors. */
export const healthRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const health = await checkHealth(c.var.deps.db);
  c.header('cache-control', 'no-store');
  return c.json(health, health.status === 'ok' ? 200 : 503);
});
