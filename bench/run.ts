import { benchPages } from './pages.ts';
import { benchPractices } from './practices.ts';
import { benchDatabase } from './setup.ts';

// `npm run bench` (not part of `npm test`): pages, then good-practice search on generated data.
// PGlite in memory by default; DATABASE_URL=postgres://… to measure a PostgreSQL server (the database
// is migrated, seeded and filled with generated practices: use a scratch database).
// Select with BENCH=pages or BENCH=practices; sizes with BENCH_PRACTICES, BENCH_REQUESTS, BENCH_RUNS.

const which = process.env.BENCH ?? 'all';
const handle = await benchDatabase();
try {
  if (which === 'all' || which === 'pages') await benchPages(handle);
  if (which === 'all' || which === 'practices') await benchPractices(handle);
} finally {
  await handle.close();
}
