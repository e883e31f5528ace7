import { defineModule } from '../../platform/module.ts';
import { pruneRateLimits } from './rate-limits.service.ts';

// Counters for the limits the modules declare (their `rateLimits` in the registry).
export default defineModule({
  name: 'rate-limits',
  housekeeping: async ({ db }) => {
    await pruneRateLimits(db);
  },
});
