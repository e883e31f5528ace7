import { sql } from 'kysely';
import { SEARCH_TYPES, type SearchType, searchSources } from '../src/features/discovery/index.ts';
import { type SiteSearchRequest, searchSite } from '../src/features/discovery/search.service.ts';
import { moduleServices } from '../src/modules.ts';
import type { DatabaseHandle } from '../src/platform/db/client.ts';
import { createLogger } from '../src/platform/log.ts';
import { generate as generateExperts } from './experts.ts';
import { timeIt, writeResults } from './lib.ts';
import { generate as generatePractices } from './practices.ts';

// BENCH=search: the site search (every module's source at once, merged) at the sizes of issue 15 —
// 20,000 practices, 100,000 experts, 5,000 news, 2,000 publications, 2,000 videos (BENCH_PRACTICES,
// BENCH_EXPERTS, BENCH_NEWS, BENCH_PUBLICATIONS, BENCH_VIDEOS). Aim on PostgreSQL: p95 ≤ 50 ms.

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARM_ROUNDS = 5;
const NEWS = Number(process.env.BENCH_NEWS ?? 5_000);
const PUBLICATIONS = Number(process.env.BENCH_PUBLICATIONS ?? 2_000);
const VIDEOS = Number(process.env.BENCH_VIDEOS ?? 2_000);

const EN = ['waste', 'water', 'market', 'school', 'housing', 'mobility', 'budget', 'energy', 'climate', 'youth'];
const DE = ['Abfall', 'Wasser', 'Markt', 'Schule', 'Wohnen', 'Mobilität', 'Haushalt', 'Energie', 'Klima', 'Jugend'];
const AR = ['النفايات', 'المياه', 'السوق', 'المدرسة', 'الإسكان', 'النقل', 'الموازنة', 'الطاقة', 'المناخ', 'الشباب'];

const words = (list: string[]) => sql`array[${sql.join(list)}]::text[]`;

/** Published items with English and German texts, every tenth also in Arabic (set-based, once). */
async function generateContent(handle: DatabaseHandle): Promise<void> {
  const db = handle.db;
  const has = async (table: string) =>
    ((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where external_id like 'bench-%'`.execute(db)).rows[0]
      ?.n ?? 0) > 0;
  if (!(await has('news_articles'))) {
    await sql`insert into news_articles (external_id, slug, status, published_at)
      select 'bench-' || g, 'bench-' || g, 'published', now() - make_interval(days => g % 900)
      from generate_series(1, ${NEWS}) g`.execute(db);
    await translate(handle, 'news_translations', 'article_id', 'news_articles', ['title', 'lead', 'body']);
  }
  if (!(await has('publications'))) {
    await sql`insert into publications (external_id, slug, status, kind, year, languages, url, published_at)
      select 'bench-' || g, 'bench-' || g, 'published', (array['study','guide','documentation','factsheet','report'])[1 + g % 5],
             2000 + g % 26, array['en','de'], 'https://example.org/bench-' || g || '.pdf', now()
      from generate_series(1, ${PUBLICATIONS}) g`.execute(db);
    await translate(handle, 'publication_translations', 'publication_id', 'publications', ['title', 'summary']);
  }
  if (!(await has('videos'))) {
    await sql`insert into videos (external_id, slug, status, recorded_at, duration_seconds, provider, provider_id, published_at)
      select 'bench-' || g, 'bench-' || g, 'published', date '2020-01-01' + g % 2000, 600 + g % 3600, 'youtube',
             lpad(g::text, 11, 'x'), now()
      from generate_series(1, ${VIDEOS}) g`.execute(db);
    await translate(handle, 'video_translations', 'video_id', 'videos', ['title', 'description']);
  }
  await sql`analyze`.execute(db);
}

/** The texts of one content table: a title (A) and longer fields, in en and de, every tenth in ar. */
async function translate(handle: DatabaseHandle, table: string, key: string, parent: string, fields: string[]): Promise<void> {
  for (const [locale, list, city] of [
    ['en', EN, 'city'],
    ['de', DE, 'Stadt'],
    ['ar', AR, 'المدينة'],
  ] as const) {
    const text = (n: number) => sql`w[1 + (p.id * ${n}) % 10] || ' ' || ${city} || ' ' || w[1 + (p.id * ${n + 2}) % 10] || ' ' || p.id`;
    await sql`insert into ${sql.table(table)} (${sql.join([sql.ref(key), sql.ref('locale'), ...fields.map((f) => sql.ref(f))])})
      select p.id, ${locale}, ${sql.join(fields.map((_, i) => text(i * 3 + 1)))}
      from ${sql.table(parent)} p, (select ${words([...list])} as w) v
      where p.external_id like 'bench-%' and (${locale} <> 'ar' or p.id % 10 = 0)`.execute(handle.db);
  }
}

export async function benchSearch(handle: DatabaseHandle) {
  await generatePractices(handle);
  await generateExperts(handle);
  await generateContent(handle);
  const deps = { db: handle.db, sources: moduleServices.extensions.all(searchSources), logger: createLogger('error') };
  const contributed = new Set(deps.sources.map((s) => s.type));
  const missing = SEARCH_TYPES.filter((t) => !contributed.has(t));
  if (missing.length) console.log(`search bench: no source for ${missing.join(', ')} (not measured)`);
  const member = { id: 0, role: 'member' as const };
  const ask =
    (q: string, locale: SiteSearchRequest['locale'], more: Partial<SiteSearchRequest> = {}) =>
    () =>
      searchSite(deps, { q, locale, type: null, page: 1, viewer: null, ...more });
  const cases: Array<[string, () => ReturnType<typeof searchSite>]> = [
    ['all types: common word (en)', ask('water', 'en')],
    ['all types: common word, member (en)', ask('water', 'en', { viewer: member })],
    ['all types: two words (de)', ask('Abfall Stadt', 'de')],
    ['all types: Arabic', ask('النفايات', 'ar')],
    ['all types: rare word', ask('12345', 'en')],
    ['all types: page 10', ask('energy', 'en', { page: 10 })],
    ...(['practice', 'expert', 'news'] as SearchType[]).map((type): [string, () => ReturnType<typeof searchSite>] => [
      `type ${type}: common word`,
      ask('water', 'en', { type }),
    ]),
  ];
  // A running server's connections are warm: the first statements on a new one load catalogs and each
  // language's dictionaries (100–200 ms for the first searches). Every case runs a few times first, so the
  // figures are a warm server's, as the pool keeps its connections (platform/db/client.ts).
  for (let round = 0; round < WARM_ROUNDS; round++) for (const [, run] of cases) await run();
  const latency = [];
  for (const [name, run] of cases) {
    const result = await run();
    if (result.unavailable.length) throw new Error(`bench case "${name}": ${result.unavailable.join(', ')} failed`);
    latency.push({ case: name, found: result.total, ...(await timeIt(RUNS, run)) });
  }
  console.table(latency);
  const result = { engine: handle.engine, types: [...contributed], latency };
  console.log(`written ${writeResults('search', handle.engine, result)}`);
  return result;
}
