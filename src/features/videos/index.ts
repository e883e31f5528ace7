import { Hono } from 'hono';
import { uploadAccess } from '../../core/uploads/index.ts';
import { extend } from '../../platform/extension.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { defineModule } from '../../platform/module.ts';
import { searchSources, sitemapSources } from '../discovery/index.ts';
import { eventOutcomes, groupOutcomes } from '../events/index.ts';
import * as m0015 from './migrations/0015-videos.ts';
import { videosPersonalData } from './personal-data.service.ts';
import { videoSearchSource, videoSitemapSource, videoUploadAccess } from './video-discovery.service.ts';
import { videoEditorRoutes } from './video-editor.routes.ts';
import { exportVideos, importVideos } from './videos.import.ts';
import { videosRoutes } from './videos.routes.tsx';
import { videosDemo } from './videos.seed.ts';
import { recordingsOfEvent, recordingsOfSessions } from './videos.service.ts';

// Videos: recordings of events and Lab sessions, uploaded or at YouTube/Vimeo, shown without loading
// anything from the provider until the visitor asks.
export default defineModule({
  name: 'videos',
  publicTables: ['videos', 'video_translations', 'video_themes', 'video_regions', 'video_captions'],
  migrations: { '0015-videos': m0015 },
  pages: new Hono<AppEnv>().route('/', videosRoutes).route('/', videoEditorRoutes),
  exchange: {
    key: 'videos',
    label: 'Videos',
    // After events: a video names its event by externalId.
    order: 46,
    importRecords: (db, records) => importVideos(db, records),
    exportRecords: (db) => exportVideos(db),
  },
  navigation: [
    { area: 'main', section: 'videos', href: '/videos', label: 'videos.nav', order: 45 },
    { area: 'editorial', section: 'videos', href: '/editor/videos', label: 'videos.editorialNav', order: 45 },
  ],
  extensions: [
    extend(eventOutcomes, recordingsOfEvent),
    extend(groupOutcomes, recordingsOfSessions),
    extend(searchSources, videoSearchSource),
    extend(sitemapSources, videoSitemapSource),
    extend(uploadAccess, videoUploadAccess),
  ],
  messages: new URL('./messages/', import.meta.url),
  demo: videosDemo,
  personalData: videosPersonalData,
});
