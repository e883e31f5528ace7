import { Hono } from 'hono';
import { citySections } from '../../core/cities/index.ts';
import { uploadAccess } from '../../core/uploads/index.ts';
import { extend } from '../../platform/extension.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { defineModule } from '../../platform/module.ts';
import { searchSources, sitemapSources } from '../discovery/index.ts';
import { memberPageSections } from '../member/index.ts';
import { regionSections } from '../network/index.ts';
import { newsletterItemSources } from '../newsletter/index.ts';
import { practiceContactRoutes } from './contact/practice-contact.routes.ts';
import { PRACTICE_CONTACT_LIMITS } from './contact/practice-contact.service.ts';
import { practiceFileAccess } from './files/practice-file-access.service.ts';
import { exportPractices, importPractices } from './import/practices.import.ts';
import { practicesOfCity } from './list/practice-list.service.ts';
import { practicesOfRegion } from './list/practices-of-region.service.ts';
import * as m0003 from './migrations/0003-practice-records.ts';
import * as m0004 from './migrations/0004-practice-workflow.ts';
import * as m0005 from './migrations/0005-practice-search-speed.ts';
import * as m0022 from './migrations/0022-practice-search-index.ts';
import { practiceNewsletterItems } from './newsletter/practices-newsletter-items.service.ts';
import { practicePageRoutes } from './page/practice-page.routes.ts';
import { practicesPersonalData } from './personal-data.service.ts';
import { practicesApi, practicesOpenApi } from './practices.api.ts';
import { practicesDemo } from './practices.seed.ts';
import { practiceSearchRoutes } from './search/practice-search.routes.ts';
import { practiceFeedRoutes } from './site-search/practice-feed.routes.ts';
import { practiceSearchSource, practiceSitemapSource } from './site-search/practice-site-search.service.ts';
import { memberPracticesSection } from './workflow/member-practices.service.ts';
import { practiceWorkflowRoutes } from './workflow/practice-workflow.routes.ts';
import { SUBMISSION_LIMITS } from './workflow/practice-workflow.service.ts';

// Good practices: the library written for transfer, its search, the authors' workspace and the review.
export default defineModule({
  name: 'practices',
  publicTables: ['practices', 'practice_translations', 'practice_themes', 'practice_topics', 'practice_revisions'],
  migrations: {
    '0003-practice-records': m0003,
    '0004-practice-workflow': m0004,
    '0005-practice-search-speed': m0005,
    '0022-practice-search-index': m0022,
  },
  // In this order: the map's path before a practice's slug.
  pages: new Hono<AppEnv>()
    .route('/', practiceSearchRoutes)
    .route('/', practiceFeedRoutes)
    .route('/', practicePageRoutes)
    .route('/', practiceContactRoutes)
    .route('/', practiceWorkflowRoutes),
  api: practicesApi,
  openApi: practicesOpenApi,
  exchange: {
    key: 'practices',
    label: 'Practices',
    order: 10,
    importRecords: (db, records) => importPractices(db, records),
    exportRecords: async (db) => (await exportPractices(db)).practices,
  },
  rateLimits: { ...PRACTICE_CONTACT_LIMITS, ...SUBMISSION_LIMITS },
  navigation: [
    { area: 'main', section: 'practices', href: '/practices', label: 'common.nav.practices', order: 10 },
    { area: 'editorial', section: 'practices', href: '/editor/practices', label: 'common.editorialNav.practices', order: 10 },
  ],
  extensions: [
    extend(memberPageSections, memberPracticesSection),
    extend(citySections, practicesOfCity),
    extend(regionSections, practicesOfRegion),
    extend(uploadAccess, practiceFileAccess),
    extend(newsletterItemSources, practiceNewsletterItems),
    extend(searchSources, practiceSearchSource),
    extend(sitemapSources, practiceSitemapSource),
  ],
  messages: new URL('./messages/', import.meta.url),
  demo: practicesDemo,
  personalData: practicesPersonalData,
});

// What other modules may use.
export {
  listLatestPractices,
  listPracticesByIds,
  listPracticesOfCity,
  listPracticesOnTopics,
  type PracticeSummary,
} from './list/practice-list.service.ts';
export { PracticeList } from './list/practice-list.views.tsx';
