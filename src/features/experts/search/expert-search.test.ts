import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, newVisitor, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { EXPERT_FIXTURES, insertExpert } from '../../../../tests/helpers/experts.ts';
import type { CurrentUser } from '../../../platform/http/context.ts';
import { expertSearchParams } from './expert-search.forms.ts';
import { searchExperts } from './expert-search.service.ts';

let t: TestApp;

before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true', BASE_URL: 'https://peers.example.org' } });
  for (const f of EXPERT_FIXTURES) await insertExpert(t.database.db, f);
});
after(() => t.close());

const user = (role: CurrentUser['role']): CurrentUser => ({ id: 999, name: 'x', role, locale: 'en', emailVerified: true, sessionId: 's' });
const search = (query: Record<string, unknown>, who: CurrentUser | null, locale: 'en' | 'de' = 'en') =>
  searchExperts(t.database.db, expertSearchParams.parse(query), locale, who);

describe('expert directory search', () => {
  it('shows each reader only what they may see, in the list, the total and every facet', async () => {
    const anonymous = await search({}, null);
    assert.deepEqual(
      anonymous.items.map((i) => i.slug),
      ['anna-schmidt'],
    );
    assert.equal(anonymous.total, 1);
    assert.deepEqual(anonymous.facets.topic, [{ value: 'waste-management', count: 1 }]);
    assert.ok(!anonymous.facets.language.some((l) => l.value === 'es'), 'the hidden expert’s language is not counted');
    assert.ok(!anonymous.facets.country.some((c) => c.value === 'EC'));

    const member = await search({}, user('member'));
    assert.deepEqual(
      member.items.map((i) => i.slug),
      ['anna-schmidt', 'karim-haddad'],
    );
    const editor = await search({}, user('editor'));
    assert.equal(editor.total, 3);
    assert.deepEqual(editor.facets.topic, [{ value: 'waste-management', count: 3 }]);
  });

  it('finds words with stemming in the text’s language, organisations, and names with typos', async () => {
    assert.deepEqual(
      (await search({ q: 'Abfallsammler' }, null, 'de')).items.map((i) => i.slug),
      ['anna-schmidt'],
    );
    assert.deepEqual(
      (await search({ q: 'Schmitt' }, null)).items.map((i) => i.slug),
      ['anna-schmidt'],
    );
    assert.deepEqual(
      (await search({ q: 'irbid' }, user('member'))).items.map((i) => i.slug),
      ['karim-haddad'],
    );
    assert.deepEqual(
      (await search({ q: 'recicladores' }, user('editor'))).items.map((i) => i.slug),
      ['lucia-paredes'],
    );
    assert.equal((await search({ q: 'recicladores' }, user('member'))).total, 0);
  });

  it('combines facets: values within one facet add up, facets narrow each other, counts ignore their own filter', async () => {
    const arabic = await search({ language: 'ar' }, user('editor'));
    assert.deepEqual(
      arabic.items.map((i) => i.slug),
      ['karim-haddad'],
    );
    assert.deepEqual(arabic.facets.language.map((l) => l.value).sort(), ['ar', 'de', 'en', 'es']);
    const mena = await search({ region: 'mena' }, user('editor'));
    assert.deepEqual(
      mena.items.map((i) => i.slug),
      ['anna-schmidt', 'karim-haddad'],
      'experience in MENA or home in MENA',
    );
    const both = await search({ region: 'mena', availability: 'missions' }, user('editor'));
    assert.deepEqual(
      both.items.map((i) => i.slug),
      ['anna-schmidt'],
    );
  });
});

describe('expert directory over HTTP', () => {
  it('shows the page and the API according to the reader’s role, hidden experts nowhere for others', async () => {
    await createMember(t, 'member@city.example');
    await createMember(t, 'editor@network.example', 'editor');
    const anonymous = newVisitor(t);
    const member = await signedIn(t, 'member@city.example');
    const editor = await signedIn(t, 'editor@network.example');

    const page = async (v: typeof anonymous) => {
      await v.get('/en/experts');
      return v.lastHtml;
    };
    const anonymousHtml = await page(anonymous);
    assert.match(anonymousHtml, /Anna Schmidt/);
    assert.doesNotMatch(anonymousHtml, /Karim Haddad|Lucía Paredes|Ecuador/);
    const memberHtml = await page(member);
    assert.match(memberHtml, /Karim Haddad/);
    assert.doesNotMatch(memberHtml, /Lucía Paredes|Ecuador/);
    assert.match(await page(editor), /Lucía Paredes/);

    const api = async (v: typeof anonymous, query = '') => {
      const res = await v.get(`/api/v1/experts${query}`);
      return (await res.json()) as {
        total: number;
        items: Array<{ name: string; url: string }>;
        facets: Record<string, Array<{ value: string }>>;
      };
    };
    const publicApi = await api(anonymous);
    assert.equal(publicApi.total, 1);
    assert.deepEqual(
      publicApi.items.map((i) => i.name),
      ['Anna Schmidt'],
    );
    assert.equal(publicApi.items[0]?.url, 'https://peers.example.org/en/experts/anna-schmidt');
    assert.ok(!JSON.stringify(publicApi.facets).includes('"EC"'));
    assert.equal((await api(member)).total, 2);
    assert.equal((await api(editor)).total, 3);
    assert.equal((await api(anonymous, '?q=Paredes')).total, 0, 'not even a name search reveals a hidden expert');
    assert.ok(!JSON.stringify(await api(anonymous, '?q=Paredes')).includes('Paredes'));
  });

  it('names on the page the parameters it ignored, and lists the rest unfiltered', async () => {
    for (const [query, names] of [
      ['theme=nope', 'theme'],
      ['language=zz&availability=nonsense', 'language, availability'],
      ['page=0', 'page'],
    ] as const) {
      const res = await t.request(`/en/experts?${query}`);
      assert.equal(res.status, 200, query);
      const html = await res.text();
      assert.ok(html.includes(`Some filters in the address were not understood and were ignored: <bdi dir="ltr">${names}</bdi>`), query);
      assert.match(html, /<div role="status" class="results-count"><h2 id="results-title">1 expert<\/h2><\/div>/, query);
      assert.match(html, /Anna Schmidt/, query);
    }
    assert.doesNotMatch(await (await t.request('/en/experts?topic=waste-management')).text(), /not understood/);
  });

  it('offers to run words that found nobody as a matching request, carrying the text', async () => {
    const sentence = 'our city needs to organise informal waste pickers into a cooperative';
    const html = await (await t.request(`/fr/experts?${new URLSearchParams({ q: sentence })}`)).text();
    assert.match(html, /<p class="empty">/);
    const offer = /<p class="match-offer">([^<]+)<a href="([^"]+)">([^<]+)<\/a><\/p>/.exec(html);
    assert.ok(offer, 'the offer');
    assert.match(offer[1] ?? '', /La mise en relation en reconnaît les thèmes/, 'in the page’s language');
    assert.equal(offer[3], 'Trouver des pairs pour ce défi');
    const href = (offer[2] ?? '').replaceAll('&amp;', '&');
    assert.equal(href, `/fr/experts/match?${new URLSearchParams({ challenge: sentence })}`);
    // The link runs the match: the recognised topic finds the public waste expert the words did not.
    const matched = await (await t.request(href)).text();
    assert.match(matched, /id="match-results"/);
    assert.match(matched, /anna-schmidt/);

    assert.doesNotMatch(await (await t.request('/en/experts?q=Schmitt')).text(), /match-offer/, 'not when something is found');
    assert.doesNotMatch(await (await t.request('/en/experts?topic=energy')).text(), /match-offer/, 'not without words');
  });
});
