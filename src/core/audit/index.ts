import { defineModule } from '../../platform/module.ts';
import { auditPersonalData } from './personal-data.service.ts';

// Who did what and when: the record admins read and members find in their data export.
export default defineModule({
  name: 'audit',
  personalData: auditPersonalData,
});
