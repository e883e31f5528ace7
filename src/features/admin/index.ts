import { defineModule } from '../../platform/module.ts';
import { adminRoutes } from './admin.routes.ts';

// Administration: users and roles, the audit log, the job queue.
export default defineModule({
  name: 'admin',
  pages: adminRoutes,
  messages: new URL('./messages/', import.meta.url),
});
