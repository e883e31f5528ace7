import { Hono } from 'hono';
import { accountDisabled } from '../../core/accounts/index.ts';
import { citySections } from '../../core/cities/index.ts';
import { extend } from '../../platform/extension.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { defineModule } from '../../platform/module.ts';
import { searchSources, sitemapSources } from '../discovery/index.ts';
import { memberPageSections } from '../member/index.ts';
import { regionSections } from '../network/index.ts';
import { expertContactRoutes } from './contact/expert-contact.routes.ts';
import { EXPERT_CONTACT_LIMITS } from './contact/expert-contact.service.ts';
import { pruneExpertChanges } from './directory-index/expert-index.service.ts';
import { expertsApi, expertsOpenApi } from './experts.api.ts';
import { expertsDemo } from './experts.seed.ts';
import { exportExperts, importExperts } from './import/experts.import.ts';
import { expertMatchingRoutes } from './matching/expert-matching.routes.ts';
import * as m0006 from './migrations/0006-expert-profiles.ts';
import * as m0007 from './migrations/0007-expert-facet-arrays.ts';
import * as m0008 from './migrations/0008-expert-directory-index.ts';
import * as m0017 from './migrations/0017-expert-search-per-language.ts';
import * as m0018 from './migrations/0018-expert-site-visibility.ts';
import * as m0019 from './migrations/0019-expert-public-search.ts';
import { expertPageRoutes } from './page/expert-page.routes.ts';
import { expertsPersonalData } from './personal-data.service.ts';
import { myExpertProfileRoutes } from './profile/expert-profile.routes.ts';
import { suspendExpertProfileOfUser } from './profile/expert-profile.service.ts';
import { memberExpertProfileSection } from './profile/member-expert-profile.service.ts';
import { matchRequestsRoutes } from './requests/match-requests.routes.ts';
import { memberMatchRequestsSection } from './requests/member-match-requests.service.ts';
import { expertSearchRoutes } from './search/expert-search.routes.ts';
import { expertsOfCity } from './search/expert-search.service.ts';
import { expertsOfRegion } from './search/experts-of-region.service.ts';
import { expertSearchSource, expertSitemapSource } from './site-search/expert-site-search.service.ts';

// The expert directory, profiles, the contact relay and matching a city's challenge to experts.
export default defineModule({
  name: 'experts',
  publicTables: [
    'experts',
    'expert_translations',
    'expert_themes',
    'expert_topics',
    'expert_regions',
    'expert_countries',
    'expert_languages',
  ],
  migrations: {
    '0006-expert-profiles': m0006,
    '0007-expert-facet-arrays': m0007,
    '0008-expert-directory-index': m0008,
    '0017-expert-search-per-language': m0017,
    '0018-expert-site-visibility': m0018,
    '0019-expert-public-search': m0019,
  },
  // /experts/<slug> first: it passes reserved slugs ("match", "map") and unknown ones on to the routes after it.
  pages: new Hono<AppEnv>()
    .route('/', myExpertProfileRoutes)
    .route('/', expertPageRoutes)
    .route('/', expertContactRoutes)
    .route('/', expertMatchingRoutes)
    .route('/', expertSearchRoutes)
    .route('/', matchRequestsRoutes),
  api: expertsApi,
  openApi: expertsOpenApi,
  housekeeping: async ({ db }) => {
    await pruneExpertChanges(db);
  },
  exchange: {
    key: 'experts',
    label: 'Experts',
    order: 20,
    importRecords: (db, records) => importExperts(db, records),
    exportRecords: async (db, { withEmails }) => (await exportExperts(db, { withEmails })).experts,
  },
  rateLimits: EXPERT_CONTACT_LIMITS,
  navigation: [
    { area: 'main', section: 'experts', href: '/experts', label: 'common.nav.experts', order: 20 },
    { area: 'main', section: 'match', href: '/experts/match', label: 'common.nav.match', order: 24 },
    { area: 'editorial', section: 'matches', href: '/editor/matches', label: 'common.editorialNav.matches', order: 50 },
  ],
  extensions: [
    extend(accountDisabled, suspendExpertProfileOfUser),
    extend(citySections, expertsOfCity),
    extend(regionSections, expertsOfRegion),
    extend(memberPageSections, memberExpertProfileSection),
    extend(memberPageSections, memberMatchRequestsSection),
    extend(searchSources, expertSearchSource),
    extend(sitemapSources, expertSitemapSource),
  ],
  messages: new URL('./messages/', import.meta.url),
  demo: expertsDemo,
  personalData: expertsPersonalData,
});

// What other modules may use.
export { findVisibleExpert } from './profile/expert-profile.service.ts';
export { type ExpertHit, listExpertCards } from './search/expert-search.service.ts';
export { ExpertCard } from './search/expert-search.views.tsx';
