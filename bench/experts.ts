import { sql } from 'kysely';
import { matchInput } from '../src/features/experts/matching/expert-matching.forms.ts';
import { matchExperts } from '../src/features/experts/matching/expert-matching.service.ts';
import { expertSearchParams } from '../src/features/experts/search/expert-search.forms.ts';
import { searchExperts } from '../src/features/experts/search/expert-search.service.ts';
import type { DatabaseHandle } from '../src/platform/db/client.ts';
import type { CurrentUser } from '../src/platform/http/context.ts';
import { timeIt, writeResults } from './lib.ts';

const COUNT = Number(process.env.BENCH_EXPERTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

const EN = [
  'waste',
  'recycling',
  'water',
  'flood',
  'mobility',
  'bus',
  'housing',
  'budget',
  'energy',
  'heat',
  'youth',
  'jobs',
  'tourism',
  'digital',
  'health',
  'school',
  'garden',
  'market',
  'climate',
  'participation',
];
const AR = ['النفايات', 'المياه', 'الفيضانات', 'النقل', 'الإسكان', 'الموازنة', 'الطاقة', 'الشباب', 'السياحة', 'الصحة'];

/** Inserts COUNT experts (texts in English, every tenth also in Arabic; topics, languages, regions) set-based. */
export async function generate(handle: DatabaseHandle): Promise<void> {
  const db = handle.db;
  const existing = await sql<{ n: number }>`select count(*)::int as n from experts where external_id like 'bench-%'`.execute(db);
  if ((existing.rows[0]?.n ?? 0) >= COUNT) return;
  // The facet arrays are kept by row triggers (migration 0007); for a bulk load they are switched off and
  // the arrays filled once at the end.
  const tables = ['experts', 'expert_themes', 'expert_topics', 'expert_languages', 'expert_regions', 'expert_countries'];
  for (const table of tables) await sql`alter table ${sql.table(table)} disable trigger user`.execute(db);
  await sql`
    insert into experts (slug, external_id, display_name, country_code, visibility, organisation, position, availability, listing_consent_at)
    select 'bench-' || g, 'bench-' || g,
           (array['Anna','Karim','Lucía','Jonas','Amira','Tomás','Elif','Dritan','Nino','Budi'])[1 + g % 10] || ' ' ||
           (array['Schmidt','Haddad','Paredes','Weber','Mansour','Silva','Yılmaz','Krasniqi','Beridze','Santoso'])[1 + (g / 10) % 10] || ' ' || g,
           (select code from countries order by code offset (g * 37) % 250 limit 1),
           (array['public','members','hidden'])[1 + g % 3],
           'Municipality ' || g % 500, 'Head of department',
           case g % 4 when 0 then array['advice'] when 1 then array['missions', 'advice'] when 2 then array['study-visits']
             else array['speaking', 'missions'] end::text[],
           now()
    from generate_series(1, ${COUNT}) g`.execute(db);
  await sql`
    insert into expert_translations (expert_id, locale, headline, bio)
    select x.id, 'en', initcap(w[1 + x.id % 20]) || ' and ' || w[1 + (x.id * 3) % 20] || ' for a growing city',
           'Ten years of ' || w[1 + (x.id * 7) % 20] || ' and ' || w[1 + (x.id * 11) % 20] || ' in the city administration; advised ' ||
           w[1 + (x.id * 13) % 20] || ' projects abroad.'
    from experts x, (select array[${sql.join(EN)}]::text[] as w) v where x.external_id like 'bench-%'`.execute(db);
  await sql`
    insert into expert_translations (expert_id, locale, headline, bio)
    select x.id, 'ar', w[1 + x.id % 10] || ' و' || w[1 + (x.id * 3) % 10], 'خبرة في ' || w[1 + (x.id * 7) % 10] || ' في البلدية.'
    from experts x, (select array[${sql.join(AR)}]::text[] as w) v where x.external_id like 'bench-%' and x.id % 10 = 0`.execute(db);
  await sql`
    insert into expert_topics (expert_id, topic_slug)
    select x.id, (select slug from topics order by slug offset x.id % 28 limit 1) from experts x where x.external_id like 'bench-%'
    union
    select x.id, (select slug from topics order by slug offset (x.id * 5) % 28 limit 1) from experts x where x.external_id like 'bench-%'`.execute(
    db,
  );
  await sql`
    insert into expert_themes (expert_id, theme_slug)
    select distinct y.expert_id, t.theme_slug from expert_topics y join topics t on t.slug = y.topic_slug
    join experts x on x.id = y.expert_id where x.external_id like 'bench-%'`.execute(db);
  await sql`
    insert into expert_languages (expert_id, code, level)
    select x.id, 'en', 'fluent' from experts x where x.external_id like 'bench-%'
    union all
    select x.id, (array['de','fr','es','ar','pt'])[1 + x.id % 5], 'native' from experts x where x.external_id like 'bench-%'`.execute(db);
  await sql`
    insert into expert_regions (expert_id, region_slug)
    select x.id, (select slug from regions order by slug offset x.id % (select count(*) from regions) limit 1)
    from experts x where x.external_id like 'bench-%'`.execute(db);
  for (const table of tables) await sql`alter table ${sql.table(table)} enable trigger user`.execute(db);
  await sql`select refresh_expert_facets(id) from experts where external_id like 'bench-%'`.execute(db);
  // The name-word dictionary's trigger (migration 0008) was off too.
  await sql`insert into expert_name_words (word) select distinct unnest(expert_name_words_of(display_name)) from experts
            on conflict do nothing`.execute(db);
  await sql`analyze`.execute(db);
}

const MEMBER: CurrentUser = { id: 0, name: 'bench', role: 'member', locale: 'en', emailVerified: true, sessionId: 'bench' };

export async function benchExperts(handle: DatabaseHandle) {
  await generate(handle);
  const cases: Array<[string, () => Promise<unknown>]> = [
    ['directory: browse', () => searchExperts(handle.db, expertSearchParams.parse({}), 'en', MEMBER)],
    ['directory: common word', () => searchExperts(handle.db, expertSearchParams.parse({ q: 'waste' }), 'en', MEMBER)],
    ['directory: name with a typo', () => searchExperts(handle.db, expertSearchParams.parse({ q: 'Krasniki' }), 'en', MEMBER)],
    [
      'directory: filters',
      () => searchExperts(handle.db, expertSearchParams.parse({ language: 'ar', availability: 'missions' }), 'en', MEMBER),
    ],
    [
      'matching: English challenge',
      () =>
        matchExperts(
          handle.db,
          matchInput.parse({ challenge: 'Our growing city needs help with waste collection and recycling.' }),
          MEMBER,
          'en',
        ),
    ],
    [
      'matching: Arabic challenge + region',
      () =>
        matchExperts(
          handle.db,
          matchInput.parse({ challenge: 'نحتاج إلى خبرة في جمع النفايات وإعادة التدوير', region: 'mena' }),
          MEMBER,
          'en',
        ),
    ],
  ];
  const latency = [];
  // Nothing is cached between runs but the directory index (ADR 007), which every run brings up to date.
  for (const [name, run] of cases) {
    // A case that finds nothing would measure nothing: its result count is reported and must be > 0.
    const result = (await run()) as { total?: number; items: unknown[] };
    const found = result.total ?? result.items.length;
    if (!found) throw new Error(`bench case "${name}" found nothing`);
    latency.push({ case: name, found, ...(await timeIt(RUNS, run)) });
  }
  console.table(latency);
  const result = { engine: handle.engine, count: COUNT, latency };
  console.log(`written ${writeResults('experts', handle.engine, result)}`);
  return result;
}
