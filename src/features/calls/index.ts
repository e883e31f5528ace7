import { Hono } from 'hono';
import { extend } from '../../platform/extension.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { defineModule } from '../../platform/module.ts';
import { searchSources, sitemapSources } from '../discovery/index.ts';
import { memberPageSections } from '../member/index.ts';
import { newsletterItemSources } from '../newsletter/index.ts';
import { CALL_LIMITS } from './call-application.service.ts';
import { callEditorRoutes } from './call-editor.routes.ts';
import { callSearchSource, callSitemapSource } from './call-site-search.service.ts';
import { callsRoutes } from './calls.routes.ts';
import { callsDemo } from './calls.seed.ts';
import { callNewsletterItems } from './calls-newsletter-items.service.ts';
import { memberApplicationsSection } from './member-applications.service.ts';
import * as m0010 from './migrations/0010-calls-for-participation.ts';
import { callsPersonalData } from './personal-data.service.ts';

// Calls for participation: editors open them, members apply until the deadline, editors decide.
export default defineModule({
  name: 'calls',
  publicTables: ['calls', 'call_translations', 'call_themes'],
  migrations: { '0010-calls-for-participation': m0010 },
  pages: new Hono<AppEnv>().route('/', callsRoutes).route('/', callEditorRoutes),
  rateLimits: CALL_LIMITS,
  navigation: [
    { area: 'main', section: 'calls', href: '/calls', label: 'common.nav.calls', order: 34 },
    { area: 'editorial', section: 'calls', href: '/editor/calls', label: 'common.editorialNav.calls', order: 30 },
  ],
  extensions: [
    extend(memberPageSections, memberApplicationsSection),
    extend(newsletterItemSources, callNewsletterItems),
    extend(searchSources, callSearchSource),
    extend(sitemapSources, callSitemapSource),
  ],
  messages: new URL('./messages/', import.meta.url),
  demo: callsDemo,
  personalData: callsPersonalData,
});

// What other modules may use.
export { listAcceptedExpertOffers } from './call-editor.service.ts';
export { readDemoCalls } from './calls.seed.ts';
export { listOpenCallHighlights, type OpenCall } from './calls.service.ts';
