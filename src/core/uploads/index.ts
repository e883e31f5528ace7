import { defineModule } from '../../platform/module.ts';
import { uploadsPersonalData } from './personal-data.service.ts';
import { uploadsRoutes } from './uploads.routes.ts';

export { type UploadAccess, type UploadAccessRule, uploadAccess } from './upload-access.ts';

import { uploadsDir } from './uploads.service.ts';
import { pruneUploads } from './uploads-housekeeping.service.ts';

// Uploaded documents and pictures, checked and re-encoded, served under one address for every language.
export default defineModule({
  name: 'uploads',
  publicTables: ['uploads'],
  rootRoutes: [{ path: '/uploads', routes: uploadsRoutes }],
  housekeeping: async ({ db, config }) => {
    await pruneUploads(db, uploadsDir(config));
  },
  messages: new URL('./messages/', import.meta.url),
  personalData: uploadsPersonalData,
});
