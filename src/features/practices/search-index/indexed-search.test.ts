import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../../tests/helpers/db.ts';
import { openPostgres } from '../../../../tests/helpers/db-engines.ts';
import type { DatabaseHandle } from '../../../platform/db/client.ts';
import { LOCALES, type Locale } from '../../../platform/i18n/locales.ts';
import { type PracticeFilters, rankOf, type SearchInput, type SearchOutcome, searchMatches } from '../search/practice-search.queries.ts';
import { searchIndexed } from './indexed-search.service.ts';
import { readSearchQueries } from './practice-index.queries.ts';
import { loadPracticeIndex, readyPracticeIndex } from './practice-index.service.ts';
import { oneWordPerLanguage, practiceRank } from './practice-rank.model.ts';
import { parseSearchQuery } from './search-query.model.ts';

// The practice search index (ADR 016) must answer exactly as the SQL statement it stands in for (ADR
// 005): the same total, the same five facets, the same page with the same rows, for words in several
// languages, "or", "-word", quoted phrases, stop words, filters, both orders and pages past the first
// ranked block; and it must follow every kind of change at the next search.

const WORDS: Record<string, string[]> = {
  en: ['water', 'waste', 'market', 'school', 'housing', 'flood', 'heat', 'garden', 'budget', 'youth'],
  de: ['Wasser', 'Abfall', 'Markt', 'Schule', 'Wohnen', 'Hochwasser', 'Hitze', 'Garten', 'Haushalt', 'Jugend'],
  fr: ['eau', 'déchets', 'marché', 'école', 'logement', 'inondation', 'chaleur', 'jardin', 'budget', 'jeunesse'],
};
const COUNTRIES = ['DE', 'MA', 'TN', 'JO', 'BR', 'GH', 'RS', 'ID', null];
const COUNT = 420;

let database: DatabaseHandle;
let random = 42;
/** A small deterministic generator, so a failure can be run again as it was. */
const next = (n: number) => {
  random = (random * 1103515245 + 12345) % 2 ** 31;
  return random % n;
};
const pick = <T>(list: readonly T[]): T => list[next(list.length)] as T;
const some = <T>(list: readonly T[], most: number): T[] => [...new Set(Array.from({ length: next(most + 1) }, () => pick(list)))];

/** `count` practices in a few statements: random languages, words, topics (and their themes), places and years. */
async function addPractices(db: DatabaseHandle['db'], count: number, prefix: string): Promise<void> {
  const topics = await db.selectFrom('topics').select(['slug', 'theme_slug']).execute();
  const practices = await db
    .insertInto('practices')
    .values(
      Array.from({ length: count }, (_, i) => ({
        slug: `${prefix}-${i}`,
        status: i % 23 === 0 ? ('draft' as const) : ('published' as const),
        country_code: pick(COUNTRIES),
        start_year: next(4) === 0 ? null : 2005 + next(15),
        end_year: next(3) === 0 ? null : 2015 + next(10),
        sdgs: sql<number[]>`${`{${some([1, 3, 6, 11, 12, 13], 3).join(',')}}`}::smallint[]`,
      })),
    )
    .returning('id')
    .execute();
  const texts = practices.flatMap(({ id }) => {
    const languages = some(['en', 'de', 'fr'], 2);
    return (languages.length ? languages : ['en']).map((locale) => {
      const w = WORDS[locale] as string[];
      return {
        practice_id: id,
        locale,
        title: `${pick(w)} ${pick(w)}`,
        summary: `${pick(w)} and ${pick(w)}, the ${pick(w)}`,
        approach: some(w, 5).join(' '),
        results: `${pick(w)} ${pick(w)}`,
      };
    });
  });
  await db.insertInto('practice_translations').values(texts).execute();
  const chosen = practices.map(({ id }) => ({ id, topics: some(topics, 2) }));
  const topicRows = chosen.flatMap(({ id, topics }) => topics.map((t) => ({ practice_id: id, topic_slug: t.slug })));
  const themeRows = chosen.flatMap(({ id, topics }) =>
    [...new Set(topics.map((t) => t.theme_slug))].map((slug) => ({ practice_id: id, theme_slug: slug })),
  );
  if (topicRows.length) await db.insertInto('practice_topics').values(topicRows).execute();
  if (themeRows.length) await db.insertInto('practice_themes').values(themeRows).execute();
}

function randomWords(): string {
  const w = WORDS[pick(['en', 'de', 'fr'])] as string[];
  switch (next(9)) {
    case 7:
      return next(2) ? `-${pick(w)}` : `${pick(w)} or -${pick(w)}`;
    case 0:
      return `${pick(w)} or ${pick(w)}`;
    case 1:
      return `${pick(w)} -${pick(w)}`;
    case 2:
      return `"${pick(w)} ${pick(w)}"`;
    case 3:
      return pick(['the', 'nothingofthekind', 'und die']);
    case 4:
      return `${pick(w)} ${pick(w)}`;
    case 5:
      return '';
    default:
      return pick(w);
  }
}

async function randomInput(db: DatabaseHandle['db']): Promise<SearchInput> {
  const themes = (await db.selectFrom('themes').select('slug').execute()).map((t) => t.slug);
  const filters: PracticeFilters = {
    themes: next(4) === 0 ? some(themes, 2) : [],
    topics: [],
    regions: next(5) === 0 ? [pick(['mena', 'sub-saharan-africa', 'europe', 'latin-america'])] : [],
    countries:
      next(5) === 0
        ? some(
            COUNTRIES.filter((c) => c !== null),
            2,
          )
        : [],
    sdgs: next(5) === 0 ? some([1, 6, 11, 13], 2) : [],
  };
  const q = randomWords();
  return {
    q,
    locale: pick(LOCALES) as Locale,
    filters,
    sort: q && next(4) ? 'relevance' : 'date',
    limit: 20,
    offset: 20 * pick([0, 0, 1, 9, 10, 11]),
  };
}

/** Both answers in a form that compares: facets by value (the statement orders ties by collation). */
const comparable = (o: SearchOutcome) => ({
  total: o.total,
  facets: Object.fromEntries(Object.entries(o.facets).map(([k, v]) => [k, [...v].sort((a, b) => (a.value < b.value ? -1 : 1))])),
  rows: o.rows,
});

const anyPractice: SearchInput = {
  q: '',
  locale: 'en',
  filters: { themes: [], topics: [], regions: [], countries: [], sdgs: [] },
  sort: 'relevance',
  limit: 20,
  offset: 0,
};

async function assertSameAnswers(db: DatabaseHandle['db'], input: SearchInput): Promise<SearchOutcome> {
  assert.ok(await readyPracticeIndex(db), 'the index answers, not the statement');
  const fromIndex = await searchIndexed(db, input);
  assert.deepEqual(comparable(fromIndex), comparable(await searchMatches(db, input)), JSON.stringify(input));
  return fromIndex;
}

before(async () => {
  database = await createTestDatabase({ seed: 'taxonomy' });
  await addPractices(database.db, COUNT, 'generated');
});
after(() => database.close());

describe('practice search index', () => {
  it('answers from SQL while it is read, then from the process', async () => {
    const input = { ...anyPractice, q: 'water' };
    assert.equal(await readyPracticeIndex(database.db), null, 'not read yet: the caller searches with SQL');
    const whileLoading = await searchIndexed(database.db, input);
    const index = await loadPracticeIndex(database.db);
    assert.equal(index.size, COUNT - Math.ceil(COUNT / 23), 'every published practice, no draft');
    assert.ok(whileLoading.total > 0);
    assert.deepEqual(await searchIndexed(database.db, input), whileLoading);
  });

  it('gives the same total, facets and page as the SQL statement for 60 random searches', async () => {
    await loadPracticeIndex(database.db);
    let withResults = 0;
    for (let i = 0; i < 60; i++) {
      const answer = await assertSameAnswers(database.db, await randomInput(database.db));
      if (answer.rows.length) withResults++;
    }
    assert.ok(withResults > 20, `most searches find something (${withResults})`);
  });

  it('ranks a one-word search in the process exactly as the statement ranks it, for readers of every language', async () => {
    const index = await loadPracticeIndex(database.db);
    let ranked = 0;
    for (const word of Object.values(WORDS).flatMap((list) => list.slice(0, 4))) {
      const queries = await readSearchQueries(database.db, word);
      const words = oneWordPerLanguage(
        index.compile(Object.fromEntries(Object.entries(queries).map(([l, text]) => [l, parseSearchQuery(text)]))),
      );
      assert.ok(words, `${word}: one lexeme in every language`);
      for (const reader of ['en', 'de', 'fr'] as const) {
        const rows = await sql<{ id: number; rank: number }>`
          select p.id, ${rankOf({ q: word, locale: reader }, sql`p.id`)} as rank from practices p where p.status = 'published'`.execute(
          database.db,
        );
        for (const row of rows.rows)
          assert.equal(practiceRank(index.textsOf(row.id), words, reader), row.rank, `${word}, ${reader}, ${row.id}`);
        ranked += rows.rows.filter((r) => r.rank > 0).length;
      }
    }
    assert.ok(ranked > 500, `practices with the word, compared (${ranked})`);
  });

  it('answers the other pages of a search from what it kept of it, as the statement answers them', async () => {
    const db = database.db;
    await loadPracticeIndex(db);
    for (const [q, sort] of [
      ['water', 'relevance'],
      // In the English and the French lists: the reader's language decides which ranks first.
      ['budget', 'relevance'],
      ['school or garden', 'relevance'],
      // A phrase: PostgreSQL checks the index's candidates.
      ['"water waste"', 'relevance'],
      ['', 'date'],
      ['water', 'date'],
    ] as const) {
      const first = await assertSameAnswers(db, { ...anyPractice, q, sort });
      // Pages in both blocks, out of order and again, for two readers (the reader's language changes the rank).
      for (const visit of ['11 en', '1 fr', '10 fr', '1 en', '0 fr', '11 en']) {
        const [page, locale] = visit.split(' ') as [string, Locale];
        const answer = await assertSameAnswers(db, { ...anyPractice, q, sort, locale, offset: 20 * Number(page) });
        assert.equal(answer.facets, first.facets, `${q}: the kept facets, not counted again`);
      }
    }
    // A change makes every kept search count again.
    const before = await searchIndexed(db, { ...anyPractice, q: 'water' });
    const id = before.rows[0]?.id as number;
    await db.updateTable('practice_translations').set({ title: 'Quiet harbour' }).where('practice_id', '=', id).execute();
    const after = await assertSameAnswers(db, { ...anyPractice, q: 'water' });
    assert.notEqual(after.facets, before.facets);
  });

  it('follows every kind of change at the next search', async () => {
    const db = database.db;
    await loadPracticeIndex(db);
    const words = (q: string, locale: Locale = 'en'): SearchInput => ({ ...anyPractice, q, locale });
    const some = await db.selectFrom('practices').select('id').where('status', '=', 'published').orderBy('id').limit(3).execute();
    const [a, b, c] = some.map((p) => p.id) as [number, number, number];

    await db.updateTable('practice_translations').set({ title: 'Lighthouse keepers' }).where('practice_id', '=', a).execute();
    assert.deepEqual(
      (await assertSameAnswers(db, words('lighthouse'))).rows.map((r) => r.id),
      [a],
      'a changed text',
    );

    const withTopic = { ...words(''), sort: 'date' as const, filters: { ...words('').filters, topics: ['urban-mobility'] } };
    const dropTopic = () =>
      db.deleteFrom('practice_topics').where('practice_id', '=', b).where('topic_slug', '=', 'urban-mobility').execute();
    await dropTopic();
    const without = (await assertSameAnswers(db, withTopic)).total;
    await db.insertInto('practice_topics').values({ practice_id: b, topic_slug: 'urban-mobility' }).execute();
    assert.equal((await assertSameAnswers(db, withTopic)).total, without + 1, 'a topic added');
    await dropTopic();
    assert.equal((await assertSameAnswers(db, withTopic)).total, without, 'a topic taken away');

    await db.updateTable('practices').set({ status: 'archived' }).where('id', '=', a).execute();
    assert.equal((await assertSameAnswers(db, words('lighthouse'))).total, 0, 'archived');

    await db.deleteFrom('practices').where('id', '=', c).execute();
    await assertSameAnswers(db, { ...words(''), sort: 'date' });

    await addPractices(db, 3, 'later');
    await db.updateTable('practice_translations').set({ summary: 'A lighthouse for every harbour' }).where('practice_id', '=', b).execute();
    assert.deepEqual(
      (await assertSameAnswers(db, words('lighthouse', 'de'))).rows.map((r) => r.id),
      [b],
      'new practices and a new summary',
    );
  });

  it('is kept per process: another process sees a change made through this one at its next search', async () => {
    // Another process has its own index. On PostgreSQL it is a second connection pool; PGlite allows one
    // process, so there it is a second Kysely instance on the same database (its own index, and no
    // knowledge of this one's writes).
    let other: DatabaseHandle['db'];
    let closeOther = async () => {};
    if (database.engine === 'postgres') {
      const name = (await sql<{ name: string }>`select current_database() as name`.execute(database.db)).rows[0]?.name as string;
      const handle = await openPostgres(process.env.TEST_DATABASE_URL as string, name);
      other = handle.db;
      closeOther = handle.close;
    } else {
      other = database.db.withoutPlugins();
    }
    try {
      await loadPracticeIndex(other);
      await loadPracticeIndex(database.db);
      const input = { ...anyPractice, q: 'semaphore' };
      assert.equal((await searchIndexed(other, input)).total, 0);
      const id = (
        await database.db.selectFrom('practices').select('id').where('status', '=', 'published').limit(1).executeTakeFirstOrThrow()
      ).id;
      await database.db.updateTable('practice_translations').set({ title: 'Semaphore signals' }).where('practice_id', '=', id).execute();
      assert.deepEqual(
        (await searchIndexed(other, input)).rows.map((r) => r.id),
        [id],
      );
    } finally {
      await closeOther();
    }
  });
});
