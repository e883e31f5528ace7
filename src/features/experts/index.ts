import { Hono } from 'hono';
import { accountDisabled } from '../../core/accounts/index.ts';
import { extend } from '../../platform/extension.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { defineModule } from '../../platform/module.ts';
import { EXPERT_CONTACT_LIMITS } from './expert-contact.service.ts';
import { pruneExpertChanges } from './expert-index.ts';
import { expertProfileRoutes } from './expert-profile.routes.ts';
import { suspendExpertProfileOfUser } from './expert-profile.service.ts';
import { expertsApi } from './experts.api.ts';
import { exportExperts, importExperts } from './experts.import.ts';
import { expertsRoutes } from './experts.routes.ts';
import { expertsDemo } from './experts.seed.ts';
import { matchRequestsRoutes } from './match-requests.routes.ts';
import * as m0006 from './migrations/0006-expert-profiles.ts';
import * as m0007 from './migrations/0007-expert-facet-arrays.ts';
import * as m0008 from './migrations/0008-expert-directory-index.ts';
import { expertsPersonalData } from './personal-data.service.ts';

// The expert directory, profiles, the contact relay and matching a city's challenge to experts.
export default defineModule({
  name: 'experts',
  migrations: { '0006-expert-profiles': m0006, '0007-expert-facet-arrays': m0007, '0008-expert-directory-index': m0008 },
  // The profile routes first: /experts/match and /my/expert-profile before /experts/<slug>.
  pages: new Hono<AppEnv>().route('/', expertProfileRoutes).route('/', expertsRoutes).route('/', matchRequestsRoutes),
  api: expertsApi,
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
    { area: 'editorial', section: 'matches', href: '/editor/matches', label: 'common.editorialNav.matches', order: 50 },
  ],
  extensions: [extend(accountDisabled, suspendExpertProfileOfUser)],
  messages: new URL('./messages/', import.meta.url),
  demo: expertsDemo,
  personalData: expertsPersonalData,
});

// What other modules may use.
export { findVisibleExpert } from './expert-profile.service.ts';
export { type ExpertHit, listExpertCards } from './expert-search.service.ts';
export { ExpertCard } from './expert-search.views.tsx';
