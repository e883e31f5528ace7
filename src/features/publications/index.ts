import { Hono } from 'hono';
import { uploadAccess } from '../../core/uploads/index.ts';
import { extend } from '../../platform/extension.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { defineModule } from '../../platform/module.ts';
import { searchSources, sitemapSources } from '../discovery/index.ts';
import { eventOutcomes } from '../events/index.ts';
import * as m0014 from './migrations/0014-publications.ts';
import { publicationsPersonalData } from './personal-data.service.ts';
import { publicationEditorRoutes } from './publication-editor.routes.ts';
import { publicationFileAccess } from './publication-file-access.service.ts';
import { exportPublications, importPublications } from './publications.import.ts';
import { publicationsRoutes } from './publications.routes.tsx';
import { publicationsDemo } from './publications.seed.ts';
import { publicationsOfEvent } from './publications.service.ts';
import { publicationSearchSource, publicationSitemapSource } from './publications-discovery.service.ts';

// Publications: the network's library of studies, guides, event documentation, factsheets and reports,
// each an uploaded PDF or a link, with a summary per language.
export default defineModule({
  name: 'publications',
  publicTables: ['publications', 'publication_translations', 'publication_themes', 'publication_regions'],
  migrations: { '0014-publications': m0014 },
  pages: new Hono<AppEnv>().route('/', publicationsRoutes).route('/', publicationEditorRoutes),
  exchange: {
    key: 'publications',
    label: 'Publications',
    // After events: a publication names the event it documents by its external id.
    order: 45,
    importRecords: (db, records) => importPublications(db, records),
    exportRecords: (db) => exportPublications(db),
  },
  navigation: [
    { area: 'main', section: 'publications', href: '/publications', label: 'publications.nav', order: 43 },
    { area: 'editorial', section: 'publications', href: '/editor/publications', label: 'publications.editor.nav', order: 45 },
  ],
  extensions: [
    extend(eventOutcomes, publicationsOfEvent),
    extend(searchSources, publicationSearchSource),
    extend(sitemapSources, publicationSitemapSource),
    extend(uploadAccess, publicationFileAccess),
  ],
  messages: new URL('./messages/', import.meta.url),
  demo: publicationsDemo,
  personalData: publicationsPersonalData,
});
