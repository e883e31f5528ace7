import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';

// The directory's answers themselves are tested in search/ and matching/; here: what the API refuses.

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
});
after(() => t.close());

type Param = { name: string; in: string; reason: string };
type Problem = { type: string; title: string; status: number; detail: string; 'invalid-params': Param[] };

const expectProblem = async (res: Response, label: string): Promise<Problem> => {
  assert.equal(res.status, 400, label);
  assert.equal(res.headers.get('content-type'), 'application/problem+json', label);
  const body = (await res.json()) as Problem;
  assert.deepEqual([body.type, body.title, body.status], ['about:blank', 'Bad Request', 400], label);
  return body;
};
const match = (body: unknown, query = '') =>
  t.request(`/api/v1/experts/match${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('experts API: valid requests answer as before', () => {
  it('reads every filter', async () => {
    const res = await t.request(
      '/api/v1/experts?q=waste&lang=fr&theme=municipal-services&topic=waste-management&language=de&region=mena&country=ma&availability=missions&sort=name&page=1',
    );
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys((await res.json()) as object).sort(), ['facets', 'items', 'page', 'pages', 'total']);
    assert.equal((await match({})).status, 200);
    assert.equal((await match({ topics: ['waste-management'], country: 'ma', region: null, languages: ['ar'] }, '?lang=ar')).status, 200);
  });
});

describe('experts API: bad parameters answer 400 with problem details naming them', () => {
  for (const [query, name] of [
    ['page=0', 'page'],
    ['page=x', 'page'],
    ['lang=xx', 'lang'],
    ['theme=no-such-theme', 'theme'],
    ['topic=no-such-topic', 'topic'],
    ['language=xx', 'language'],
    ['language=german', 'language'],
    ['region=atlantis', 'region'],
    ['country=XX', 'country'],
    ['country=D', 'country'],
    ['availability=sometimes', 'availability'],
    ['sort=date', 'sort'],
    ['sort=name&sort=relevance', 'sort'],
  ] as const) {
    it(`GET /experts?${query} names ${name}`, async () => {
      const body = await expectProblem(await t.request(`/api/v1/experts?${query}`), query);
      assert.deepEqual(
        body['invalid-params'].map((p) => [p.name, p.in]),
        [[name, 'query']],
      );
    });
  }

  for (const [request, name] of [
    [{ limit: 1000 }, 'limit'],
    [{ limit: '5' }, 'limit'],
    [{ challenge: 'x'.repeat(5001) }, 'challenge'],
    [{ themes: ['no-such-theme'] }, 'themes.0'],
    [{ topics: ['waste-management', 'no-such-topic'] }, 'topics.1'],
    [{ languages: ['xx'] }, 'languages.0'],
    [{ region: 'atlantis' }, 'region'],
    [{ country: 'XX' }, 'country'],
    [{ country: 'Germany' }, 'country'],
    [{ availability: ['sometimes'] }, 'availability.0'],
    [[], 'body'],
  ] as const) {
    it(`POST /experts/match ${JSON.stringify(request).slice(0, 50)} names ${name}`, async () => {
      const body = await expectProblem(await match(request), name);
      assert.deepEqual(
        body['invalid-params'].map((p) => [p.name, p.in]),
        [[name, 'body']],
      );
    });
  }

  it('POST /experts/match refuses a body that is not JSON, and an unknown lang', async () => {
    const notJson = await expectProblem(await match('{'), 'not JSON');
    assert.equal(notJson.detail, 'The request body is not JSON.');
    const lang = await expectProblem(await match({}, '?lang=xx'), 'lang');
    assert.deepEqual(
      lang['invalid-params'].map((p) => [p.name, p.in]),
      [['lang', 'query']],
    );
  });

  it('says why, quoting the value', async () => {
    const body = await expectProblem(await match({ themes: ['municipal-services', 'nope'], limit: 0 }), 'why');
    assert.deepEqual(body['invalid-params'], [{ name: 'limit', in: 'body', reason: '0: Too small: expected number to be >=1' }]);
    const unknown = await expectProblem(await match({ themes: ['municipal-services', 'nope'] }), 'unknown');
    assert.deepEqual(unknown['invalid-params'], [{ name: 'themes.1', in: 'body', reason: '"nope": unknown theme' }]);
    assert.equal(unknown.detail, 'The field themes.1 is invalid.');
  });
});
