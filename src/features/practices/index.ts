import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/context.ts';
import { defineModule } from '../../platform/module.ts';
import * as m0003 from './migrations/0003-practice-records.ts';
import * as m0004 from './migrations/0004-practice-workflow.ts';
import * as m0005 from './migrations/0005-practice-search-speed.ts';
import { practicesPersonalData } from './personal-data.service.ts';
import { PRACTICE_CONTACT_LIMITS } from './practice-contact.service.ts';
import { practiceWorkflowRoutes } from './practice-workflow.routes.ts';
import { SUBMISSION_LIMITS } from './practice-workflow.service.ts';
import { practicesApi } from './practices.api.ts';
import { exportPractices, importPractices } from './practices.import.ts';
import { practicesRoutes } from './practices.routes.ts';
import { practicesDemo } from './practices.seed.ts';

// Good practices: the library written for transfer, its search, the authors' workspace and the review.
export default defineModule({
  name: 'practices',
  migrations: { '0003-practice-records': m0003, '0004-practice-workflow': m0004, '0005-practice-search-speed': m0005 },
  pages: new Hono<AppEnv>().route('/', practicesRoutes).route('/', practiceWorkflowRoutes),
  api: practicesApi,
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
  messages: new URL('./messages/', import.meta.url),
  demo: practicesDemo,
  personalData: practicesPersonalData,
});

// What other modules may use.
export { listLatestPractices, listPracticesOnTopics, type PracticeSummary } from './practices.service.ts';
export { PracticeList } from './practices.views.tsx';
