import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { openApiDocument } from '../../openapi.ts';
import { importPractices } from './import/practices.import.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'demo', env: { BASE_URL: 'https://peers.example.org' } });
  await importPractices(t.database.db, [
    {
      externalId: 'api-draft',
      status: 'draft',
      city: 'Sfax',
      country: 'TN',
      topics: ['waste-management'],
      translations: { en: { title: 'Unpublished recycling plan', summary: 'Draft.' } },
    },
  ]);
});
after(() => t.close());

const json = async (path: string) => {
  const res = await t.request(path);
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
};

describe('practices API', () => {
  it('lists published practices in the documented shape, with facets', async () => {
    const { status, headers, body } = await json('/api/v1/practices?lang=de');
    assert.equal(status, 200);
    assert.equal(headers.get('access-control-allow-origin'), '*');
    assert.equal(body.total, 18);
    const item = body.items.find((i: { externalId: string }) => i.externalId === 'demo-practice-rustavi-plastic-recycling');
    assert.deepEqual(
      Object.keys(item).sort(),
      ['city', 'country', 'externalId', 'id', 'language', 'region', 'sdgs', 'slug', 'summary', 'themes', 'title', 'topics', 'url'].sort(),
    );
    assert.equal(item.language, 'de');
    assert.equal(item.country, 'GE');
    assert.equal(item.region, 'southeast-europe-caucasus');
    assert.match(item.url, /^https:\/\/peers\.example\.org\/de\/practices\/[a-z0-9-]+$/);
    assert.ok(Array.isArray(body.facets.theme) && body.facets.theme.length > 0);
  });

  it('searches and filters like the list page, and never shows drafts', async () => {
    const found = await json('/api/v1/practices?q=recycling');
    assert.deepEqual(
      found.body.items.map((i: { externalId: string }) => i.externalId),
      ['demo-practice-rustavi-plastic-recycling'],
    );
    const filtered = await json('/api/v1/practices?region=mena&country=MA');
    assert.equal(filtered.body.total, 1);
    const drafts = await json('/api/v1/practices?q=Unpublished');
    assert.equal(drafts.body.total, 0);
  });

  it('returns one practice with all sections, or a JSON 404', async () => {
    const list = await json('/api/v1/practices');
    const slug = list.body.items[0].slug;
    const one = await json(`/api/v1/practices/${slug}?lang=fr`);
    assert.equal(one.status, 200);
    assert.deepEqual(Object.keys(one.body.sections), ['challenge', 'approach', 'results', 'lessons', 'transfer', 'resources']);
    assert.ok(one.body.languages.includes('en'));
    const draft = await t.database.db
      .selectFrom('practices')
      .select('slug')
      .where('external_id', '=', 'api-draft')
      .executeTakeFirstOrThrow();
    const hidden = await json(`/api/v1/practices/${draft.slug}`);
    assert.equal(hidden.status, 404);
    assert.deepEqual(hidden.body, { error: 'not_found' });
    assert.equal((await json('/api/v1/nothing-here')).status, 404);
  });

  it('publishes an OpenAPI document whose paths all answer', async () => {
    const { status, body } = await json('/api/v1/openapi.json');
    assert.equal(status, 200);
    assert.equal(body.openapi, '3.1.0');
    assert.deepEqual(Object.keys(body.paths), Object.keys(openApiDocument.paths));
    // Each collection's own first item stands in for {slug}.
    const slugOf = async (path: string) => (await json(`/api/v1${path.replace('/{slug}', '')}`)).body.items[0].slug as string;
    for (const [path, methods] of Object.entries(body.paths as Record<string, Record<string, unknown>>)) {
      const post = 'post' in methods;
      // An operation that needs credentials must refuse a request without them (401, or 404 while it is switched off).
      const secured = Object.values(methods).some((operation) => (operation as { security?: unknown }).security);
      // A required query parameter (the site search's words) gets a word every demo section has.
      const parameters =
        (methods.get as { parameters?: Array<{ in: string; name: string; required?: boolean }> } | undefined)?.parameters ?? [];
      const required = parameters.filter((p) => p.in === 'query' && p.required).map((p) => `${p.name}=water`);
      const query = required.length ? `?${required.join('&')}` : '';
      const res = await t.request(
        `/api/v1${path.includes('{slug}') ? path.replace('{slug}', await slugOf(path)) : path}${query}`,
        post ? { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } } : {},
      );
      if (secured) assert.ok([401, 404].includes(res.status), `${path}: ${res.status}`);
      else assert.equal(res.status, 200, path);
    }
  });

  it('keeps reading valid filters as before: lower-case country codes, repeated keys, empty values', async () => {
    assert.equal((await json('/api/v1/practices?region=mena&country=ma')).body.total, 1);
    assert.equal((await json('/api/v1/practices?region=mena&country=MA&country=TN&sdg=&page=')).status, 200);
  });

  it('rejects writes: the API is read-only', async () => {
    const res = await t.request('/api/v1/practices', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 404);
  });
});

describe('practices API: bad parameters answer 400 with problem details naming them', () => {
  type Param = { name: string; in: string; reason: string };
  const problem = async (path: string) => {
    const res = await t.request(path);
    assert.equal(res.status, 400, path);
    assert.equal(res.headers.get('content-type'), 'application/problem+json', path);
    const body = (await res.json()) as { type: string; title: string; status: number; detail: string; 'invalid-params': Param[] };
    assert.deepEqual([body.type, body.title, body.status], ['about:blank', 'Bad Request', 400]);
    return body;
  };
  const names = async (path: string) => (await problem(path))['invalid-params'].map((p) => p.name);

  for (const [query, name] of [
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['page=two', 'page'],
    ['page=1&page=2', 'page'],
    ['sdg=99', 'sdg'],
    ['sdg=0', 'sdg'],
    ['sdg=eleven', 'sdg'],
    ['lang=xx', 'lang'],
    ['lang=EN', 'lang'],
    ['theme=no-such-theme', 'theme'],
    ['topic=no-such-topic', 'topic'],
    ['topic=municipal-services', 'topic'],
    ['region=atlantis', 'region'],
    ['country=XX', 'country'],
    ['country=DEU', 'country'],
    ['sort=popular', 'sort'],
    [`q=${'a'.repeat(201)}`, 'q'],
    [Array.from({ length: 21 }, () => 'sdg=1').join('&'), 'sdg'],
  ] as const) {
    it(`GET /practices?${query.slice(0, 40)} names ${name}`, async () => {
      assert.deepEqual(await names(`/api/v1/practices?${query}`), [name]);
    });
  }

  it('names every bad parameter at once, with the value and the reason', async () => {
    const body = await problem('/api/v1/practices?page=0&sdg=99&lang=xx');
    assert.deepEqual(body['invalid-params'].map((p) => p.name).sort(), ['lang', 'page', 'sdg']);
    assert.equal(body.detail, 'The parameters lang, sdg, page are invalid.');
    assert.match(body['invalid-params'].find((p) => p.name === 'sdg')?.reason ?? '', /"99".*17/);
    const unknown = await problem('/api/v1/practices?country=MA&country=XX');
    assert.deepEqual(unknown['invalid-params'], [{ name: 'country', in: 'query', reason: '"XX": unknown country code' }]);
  });

  it('GET /practices/{slug}?lang=xx names lang', async () => {
    const slug = (await json('/api/v1/practices')).body.items[0].slug;
    assert.deepEqual(await names(`/api/v1/practices/${slug}?lang=xx`), ['lang']);
  });
});
