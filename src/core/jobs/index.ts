import { defineModule } from '../../platform/module.ts';

// The job queue in the database; handlers come from the modules (their `jobs` in the registry).
export default defineModule({ name: 'jobs' });
