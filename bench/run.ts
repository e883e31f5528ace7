import { benchCluster } from './cluster.ts';
import { benchExperts } from './experts.ts';
import { benchMatching } from './matching.ts';
import { benchNewsletterSend } from './newsletter-send.ts';
import { benchPages } from './pages.ts';
import { benchPractices, type PracticesBench, summarisePractices } from './practices.ts';
import { benchRegistrations } from './registrations.ts';
import { benchSearch } from './search.ts';
import { benchDatabase, benchEngines } from './setup.ts';

// `npm run bench` (not part of `npm test`): pages, then good-practice search on generated data.
// PGlite in memory by default; DATABASE_URL=postgres://… to measure a PostgreSQL server instead (the
// database is migrated, seeded and filled with generated practices: use a scratch database), and
// BENCH_ENGINES=pglite,postgres to measure both in one run, with one summary table at the end.
// Select with BENCH=pages, BENCH=matching (quality on the demo experts), BENCH=experts (100,000 generated), BENCH=practices, BENCH=search (the site search at issue 15's sizes) or BENCH=registrations (200 members at once for 30 places), BENCH=newsletter (100,000 subscribers by SMTP, a kill -9 and a resume; BENCH_SUBSCRIBERS), BENCH=cluster (1 and 2 processes of npm run start:cluster, PostgreSQL); sizes with BENCH_PRACTICES, BENCH_REQUESTS, BENCH_RUNS.

const which = process.env.BENCH ?? 'all';
const practices: PracticesBench[] = [];
const expertRuns: Awaited<ReturnType<typeof benchExperts>>[] = [];
for (const engine of benchEngines()) {
  const handle = await benchDatabase(engine);
  try {
    if (which === 'all' || which === 'pages') await benchPages(handle);
    if (which === 'all' || which === 'matching') await benchMatching(handle);
    if (which === 'all' || which === 'experts') expertRuns.push(await benchExperts(handle));
    if (which === 'all' || which === 'practices') practices.push(await benchPractices(handle));
    if (which === 'all' || which === 'registrations') await benchRegistrations(handle);
    // The site search across every module (practices, experts, news, publications, videos, …): BENCH=search.
    if (which === 'all' || which === 'search') await benchSearch(handle);
    // Its own database (PGlite on disk: the CLI it measures runs in a child process) and SMTP server.
    if (which === 'all' || which === 'newsletter') await benchNewsletterSend(engine);
    // 1 and 2 server processes of `npm run start:cluster` on the PostgreSQL at DATABASE_URL: BENCH=cluster.
    if (which === 'cluster' && engine === 'postgres') await benchCluster();
  } finally {
    await handle.close();
  }
}
summarisePractices(practices);
if (expertRuns.length) {
  console.log('\nExperts: directory search + facets and matching (aim on PostgreSQL: p95 ≤ 50 ms)');
  console.table(
    Object.fromEntries(
      (expertRuns[0]?.latency ?? []).map((l, i) => [
        l.case,
        Object.fromEntries(expertRuns.map((r) => [`${r.engine} median / p95 ms`, `${r.latency[i]?.medianMs} / ${r.latency[i]?.p95Ms}`])),
      ]),
    ),
  );
}
