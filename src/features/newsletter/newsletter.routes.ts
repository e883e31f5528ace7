import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/context.ts';
import { renderPage } from '../../platform/http/render.tsx';
import { listEventSeries, listEvents } from '../events/index.ts';
import { listLatestPractices } from '../practices/index.ts';
import { getCallHighlights } from '../site/index.ts';
import { NewsletterPage } from './newsletter.views.tsx';

// The one edition so far is the demo's December 2020 issue; its Review covers events before it went out.
const EDITION_DATE = '2020-12-01';

export const newsletterRoutes = new Hono<AppEnv>().get('/newsletter', async (c) => {
  const { i18n, deps } = c.var;
  const [review, series, insight] = await Promise.all([
    listEvents(deps.db, i18n.locale, 'past', 4, new Date(`${EDITION_DATE}T00:00:00Z`)),
    listEventSeries(deps.db, i18n.locale, 1),
    listLatestPractices(deps.db, i18n.locale, 3),
  ]);
  const outlook = getCallHighlights(i18n.locale);
  return renderPage(c, {
    title: i18n.t('newsletter.title'),
    section: 'newsletter',
    children: NewsletterPage({ i18n, editionDate: EDITION_DATE, review, series, insight, outlook }),
  });
});
