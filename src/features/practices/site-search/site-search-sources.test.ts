import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { insertCity, insertProjectIdea } from '../../../../tests/helpers/city-content.ts';
import { insertEvent } from '../../../../tests/helpers/events.ts';
import { EXPERT_FIXTURES, insertExpert } from '../../../../tests/helpers/experts.ts';
import { parseXml, type XmlElement } from '../../../../tests/helpers/xml.ts';
import { moduleServices } from '../../../modules.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { type SearchRequest, type SearchType, searchSources, sitemapSources } from '../../discovery/index.ts';

// The site search's and sitemap's sources of the five content modules that came before them (practices,
// experts, events, calls, project ideas), read through the registry as the discovery module reads them,
// and the Atom feeds of practices and events. One app for the whole file.

let t: TestApp;
let db: Database;
const DAY = 86_400_000;

async function practice(slug: string, status: string, texts: Record<string, [string, string]>): Promise<number> {
  const row = await sql<{ id: number }>`insert into practices (slug, status, updated_at, published_at)
    values (${slug}, ${status}, now(), ${status === 'published' ? new Date() : null}) returning id`.execute(db);
  const id = row.rows[0]?.id as number;
  for (const [locale, [title, summary]] of Object.entries(texts)) {
    await sql`insert into practice_translations (practice_id, locale, title, summary) values (${id}, ${locale}, ${title}, ${summary})`.execute(
      db,
    );
  }
  return id;
}

async function call(slug: string, status: string, texts: Record<string, string>): Promise<void> {
  const row = await sql<{ id: number }>`insert into calls (slug, kind, status, deadline)
    values (${slug}, 'join-learning-process', ${status}, ${new Date(Date.now() + 20 * DAY)}) returning id`.execute(db);
  for (const [locale, title] of Object.entries(texts)) {
    await sql`insert into call_translations (call_id, locale, title, summary) values (${row.rows[0]?.id}, ${locale}, ${title}, 'Apply now.')`.execute(
      db,
    );
  }
}

before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
  db = t.database.db;
  await practice('water-kiosks', 'published', {
    en: ['Water kiosks for informal settlements', 'Kiosks sell clean water at fair prices.'],
    de: ['Wasserkioske für informelle Siedlungen', 'Die Stadt betreibt Wasserkioske mit fairen Preisen.'],
  });
  await practice('water-supply', 'published', {
    en: ['Water supply: water meters, water tariffs', 'Water, water and water: metering every water connection.'],
  });
  await practice('sustainable-cities', 'published', { ar: ['المدن المستدامة والمياه', 'مضخات شمسية للمياه في المدن المستدامة.'] });
  await practice('kiosk-draft', 'draft', { en: ['Kiosk draft never shown', 'A draft about kiosks.'] });
  // Published, with a new revision in review: only the published text is searchable.
  const halls = await practice('market-halls', 'published', { en: ['Covered market halls', 'A market hall for street vendors.'] });
  await sql`insert into practice_revisions (practice_id, state, content, updated_at)
    values (${halls}, 'in_review', ${JSON.stringify({ translations: { en: { title: 'Zeppelin market halls' } } })}, now())`.execute(db);

  for (const f of EXPERT_FIXTURES) await insertExpert(db, f);

  await insertEvent(db, {
    slug: 'kiosk-webinar',
    title: 'Water kiosk webinar',
    startsAt: new Date(Date.now() + 10 * DAY),
    endsAt: new Date(Date.now() + 10 * DAY + 3_600_000),
  });
  await insertEvent(db, {
    slug: 'kiosk-cancelled',
    title: 'Kiosk meeting',
    status: 'cancelled',
    startsAt: new Date(Date.now() - 5 * DAY),
    endsAt: new Date(Date.now() - 5 * DAY + 3_600_000),
  });
  await insertEvent(db, {
    slug: 'kiosk-draft-event',
    title: 'Kiosk draft event',
    status: 'draft',
    startsAt: new Date(Date.now() + 3 * DAY),
    endsAt: new Date(Date.now() + 3 * DAY + 3_600_000),
  });

  await call('kiosk-call', 'open', { en: 'Call for kiosk operators', de: 'Aufruf für Wasserkioske' });
  await call('kiosk-call-closed', 'closed', { en: 'Closed call for kiosk builders' });
  await call('kiosk-call-draft', 'draft', { en: 'Draft call for kiosks' });

  const irbid = await insertCity(db, 'irbid', 'Irbid', 'JO');
  await insertProjectIdea(db, { slug: 'kiosk-network', title: 'A kiosk network for Irbid', cityId: irbid, country: 'JO' });
  await insertProjectIdea(db, { slug: 'kiosk-idea-draft', title: 'Draft kiosk idea', cityId: irbid, country: 'JO', status: 'draft' });
});
after(() => t.close());

const viewers = {
  anonymous: null,
  member: { id: 1, role: 'member' },
  editor: { id: 2, role: 'editor' },
} satisfies Record<string, SearchRequest['viewer']>;

function source(type: SearchType) {
  const found = moduleServices.extensions.all(searchSources).find((s) => s.type === type);
  assert.ok(found, `a ${type} source is registered`);
  return found;
}

async function search(type: SearchType, q: string, locale: Locale = 'en', viewer: SearchRequest['viewer'] = null) {
  return source(type).search(db, { q, locale, viewer, limit: 20, offset: 0 });
}

const paths = (result: { hits: Array<{ path: string }> }) => result.hits.map((h) => h.path).sort();

describe('the content modules in the site search', () => {
  it('finds only published practices, with the published text, for every role', async () => {
    for (const viewer of Object.values(viewers)) {
      const kiosk = await search('practice', 'kiosk', 'en', viewer);
      assert.deepEqual(paths(kiosk), ['/en/practices/water-kiosks'], 'never the draft');
      assert.equal(kiosk.total, 1);
      assert.equal((await search('practice', 'zeppelin', 'en', viewer)).total, 0, 'the revision in review is not searched');
    }
    const market = await search('practice', 'market hall');
    assert.equal(market.hits[0]?.title, 'Covered market halls');
    assert.equal(market.hits[0]?.summary, 'A market hall for street vendors.');
  });

  it('stems each language with its own rules and shows the reader’s language, else English', async () => {
    const german = await search('practice', 'Wasserkiosk', 'de');
    assert.deepEqual(
      german.hits.map((h) => [h.path, h.language, h.title]),
      [['/de/practices/water-kiosks', 'de', 'Wasserkioske für informelle Siedlungen']],
    );
    const arabic = await search('practice', 'مدن', 'ar');
    assert.deepEqual(
      arabic.hits.map((h) => [h.path, h.language]),
      [['/ar/practices/sustainable-cities', 'ar']],
    );
    const french = await search('practice', 'kiosks', 'fr');
    assert.deepEqual(
      french.hits.map((h) => [h.language, h.title]),
      [['en', 'Water kiosks for informal settlements']],
      'no French text: the English one, marked as such',
    );
    // In English the practice about water everywhere ranks first; a German reader gets the one shown in German first.
    const english = await search('practice', 'water', 'en');
    assert.deepEqual(
      english.hits.map((h) => h.path),
      ['/en/practices/water-supply', '/en/practices/water-kiosks'],
    );
    assert.ok((english.hits[0]?.rank ?? 0) > (english.hits[1]?.rank ?? 0));
    assert.ok(english.hits.every((h) => h.rank > 0 && h.rank < 1));
    const forGerman = await search('practice', 'water', 'de');
    assert.deepEqual(
      forGerman.hits.map((h) => [h.path, h.language]),
      [
        ['/de/practices/water-kiosks', 'de'],
        ['/de/practices/water-supply', 'en'],
      ],
    );
  });

  it('shows each reader only the experts they may see, never a hidden or suspended profile', async () => {
    const anna = await search('expert', 'Abfallsammler', 'de');
    assert.deepEqual(paths(anna), ['/de/experts/anna-schmidt']);
    assert.equal(anna.hits[0]?.title, 'Anna Schmidt');
    assert.equal(anna.hits[0]?.language, 'de');
    assert.equal(anna.hits[0]?.summary, 'Abfallwirtschaft mit Abfallsammlerinnen · Deutschland');
    assert.ok(!anna.hits[0]?.summary.includes('@'));

    assert.equal((await search('expert', 'waste collection', 'en', viewers.anonymous)).total, 0, 'members-only: not for visitors');
    assert.deepEqual(paths(await search('expert', 'waste collection', 'en', viewers.member)), ['/en/experts/karim-haddad']);
    for (const viewer of Object.values(viewers)) {
      assert.equal((await search('expert', 'reciclaje', 'es', viewer)).total, 0, 'hidden: for nobody');
    }
    await sql`update experts set suspended = true where slug = 'anna-schmidt'`.execute(db);
    assert.equal((await search('expert', 'Abfallsammler', 'de', viewers.editor)).total, 0, 'suspended: out');
    await sql`update experts set suspended = false where slug = 'anna-schmidt'`.execute(db);
    assert.equal((await search('expert', 'Abfallsammler', 'de')).total, 1, 'restored: back');
    // The texts follow a change of visibility (migration 0018's triggers), both ways, and a text added later.
    await sql`update experts set visibility = 'hidden' where slug = 'anna-schmidt'`.execute(db);
    assert.equal((await search('expert', 'Abfallsammler', 'de', viewers.member)).total, 0, 'made hidden: out');
    await sql`update experts set visibility = 'public' where slug = 'karim-haddad'`.execute(db);
    assert.deepEqual(paths(await search('expert', 'waste collection', 'en', viewers.anonymous)), ['/en/experts/karim-haddad']);
    await sql`insert into expert_translations (expert_id, locale, headline) select id, 'fr', 'Collecte des déchets' from experts
              where slug = 'karim-haddad' on conflict do nothing`.execute(db);
    assert.deepEqual(paths(await search('expert', 'collecte', 'fr', viewers.anonymous)), ['/fr/experts/karim-haddad']);
    await sql`update experts set visibility = 'members' where slug = 'karim-haddad'`.execute(db);
    await sql`update experts set visibility = 'public' where slug = 'anna-schmidt'`.execute(db);
    assert.equal((await search('expert', 'collecte', 'fr', viewers.anonymous)).total, 0, 'members-only again: out');
  });

  it('finds public events, calls and project ideas, never drafts', async () => {
    for (const viewer of Object.values(viewers)) {
      assert.deepEqual(paths(await search('event', 'kiosk', 'en', viewer)), ['/en/events/kiosk-cancelled', '/en/events/kiosk-webinar']);
      assert.deepEqual(paths(await search('call', 'kiosk', 'en', viewer)), ['/en/calls/kiosk-call', '/en/calls/kiosk-call-closed']);
      assert.deepEqual(paths(await search('projectIdea', 'kiosk', 'en', viewer)), ['/en/project-ideas/kiosk-network']);
    }
    const call = await search('call', 'Wasserkiosk', 'de');
    assert.deepEqual(
      call.hits.map((h) => [h.title, h.language]),
      [['Aufruf für Wasserkioske', 'de']],
    );
    assert.ok((call.hits[0]?.rank ?? 0) > 0);
  });

  it('lists public pages in the sitemap with the languages they exist in', async () => {
    const entries = async (name: string) => {
      const s = moduleServices.extensions.all(sitemapSources).find((x) => x.name === name);
      assert.ok(s, `a ${name} sitemap source`);
      const list = await s.entries(db, { offset: 0, limit: 100 });
      assert.equal(await s.count(db), list.length);
      return Object.fromEntries(list.map((e) => [e.path, e.locales.join(' ')]));
    };
    assert.deepEqual(await entries('practices'), {
      '/practices/water-kiosks': 'en de',
      '/practices/water-supply': 'en',
      '/practices/sustainable-cities': 'ar',
      '/practices/market-halls': 'en',
    });
    assert.deepEqual(await entries('experts'), { '/experts/anna-schmidt': 'de' });
    assert.deepEqual(await entries('events'), { '/events/kiosk-webinar': 'en', '/events/kiosk-cancelled': 'en' });
    assert.deepEqual(await entries('calls'), { '/calls/kiosk-call': 'en de', '/calls/kiosk-call-closed': 'en' });
    assert.deepEqual(await entries('project-ideas'), { '/project-ideas/kiosk-network': 'en' });
    const first = moduleServices.extensions.all(sitemapSources).find((x) => x.name === 'practices');
    const page2 = await first?.entries(db, { offset: 1, limit: 2 });
    assert.deepEqual(
      page2?.map((e) => e.path),
      ['/practices/water-supply', '/practices/sustainable-cities'],
      'pages in id order',
    );
  });

  it('offers Atom feeds of practices and events per language, announced on the list pages, without drafts', async () => {
    const feed = async (path: string) => {
      const res = await t.request(path);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/atom\+xml/);
      const root = parseXml(await res.text());
      assert.equal(root.name, 'feed');
      const child = (e: XmlElement, name: string) => e.children.find((c) => c.name === name);
      return {
        lang: root.attrs['xml:lang'],
        entries: root.children
          .filter((c) => c.name === 'entry')
          .map((e) => ({ lang: e.attrs['xml:lang'], title: child(e, 'title')?.text, href: child(e, 'link')?.attrs.href })),
      };
    };
    const practicesDe = await feed('/de/practices/feed.atom');
    assert.equal(practicesDe.lang, 'de');
    assert.equal(practicesDe.entries.length, 4);
    assert.ok(!practicesDe.entries.some((e) => /draft/i.test(e.title ?? '')));
    const kiosks = practicesDe.entries.find((e) => e.href?.endsWith('/de/practices/water-kiosks'));
    assert.deepEqual([kiosks?.lang, kiosks?.title], ['de', 'Wasserkioske für informelle Siedlungen']);
    assert.equal(practicesDe.entries.find((e) => e.href?.endsWith('/water-supply'))?.lang, 'en');

    const events = await feed('/en/events/feed.atom');
    assert.deepEqual(events.entries.map((e) => e.title).sort(), ['Kiosk meeting', 'Water kiosk webinar']);

    const practicesPage = await (await t.request('/en/practices')).text();
    assert.match(practicesPage, /<link rel="alternate" type="application\/atom\+xml" href="\/en\/practices\/feed.atom" title="[^"]+"/);
    const eventsPage = await (await t.request('/ar/events')).text();
    assert.match(eventsPage, /<link rel="alternate" type="application\/atom\+xml" href="\/ar\/events\/feed.atom"/);
    assert.match(eventsPage, /<link rel="alternate" type="text\/calendar"/, 'the calendar feed stays');
  });
});
