import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { EXPERT_FIXTURES, insertExpert } from '../../../../tests/helpers/experts.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true' } });
  for (const f of EXPERT_FIXTURES) await insertExpert(t.database.db, f);
  await createMember(t, 'editor@network.example', 'editor');
  await createMember(t, 'member@city.example');
});
after(() => t.close());

describe('saved matching requests', () => {
  it('lets an editor save a request, run it again, adjust it and note contacted experts', async () => {
    const editor = await signedIn(t, 'editor@network.example');
    await editor.get('/en/experts/match');
    const ran = await editor.post('/en/experts/match', { challenge: 'Waste collection and recycling for a growing city.' });
    assert.match(await ran.text(), /Save this request/);
    const saved = await editor.post('/en/editor/matches', {
      title: 'Irbid: waste collection',
      challenge: 'Waste collection and recycling for a growing city.',
      languages: 'ar',
    });
    assert.equal(saved.status, 303);
    const path = new URL(saved.headers.get('location') ?? '', 'http://x').pathname;
    await editor.get(path);
    assert.match(editor.lastHtml, /value="Irbid: waste collection"/);
    assert.match(editor.lastHtml, /Karim Haddad/, 'an editor sees members-only profiles');
    assert.match(editor.lastHtml, /value="ar" checked/, 'the conditions are kept');

    const karim = await t.database.db.selectFrom('experts').select('id').where('slug', '=', 'karim-haddad').executeTakeFirstOrThrow();
    const noted = await editor.post(`${path}/contacts`, { expertId: String(karim.id), note: 'Called on Monday' });
    assert.equal(noted.status, 303);
    await editor.get(path);
    assert.match(editor.lastHtml, /Experts contacted for this request/);
    assert.match(editor.lastHtml, /Called on Monday/);

    await editor.post(path, { title: 'Irbid: waste collection (2)', challenge: 'Recycling', languages: [] });
    await editor.get('/en/editor/matches');
    assert.match(editor.lastHtml, /Irbid: waste collection \(2\)/);
    assert.match(editor.lastHtml, /<td>1<\/td>/, 'one expert contacted');

    await editor.get(path);
    assert.match(editor.lastHtml, new RegExp(`href="${path}/delete"`));
    await editor.get(`${path}/delete`);
    assert.match(editor.lastHtml, /The request and its 1 contact note are deleted/);
    const unconfirmed = await editor.post(`${path}/delete`, {});
    assert.equal(unconfirmed.headers.get('location'), `${path}/delete`, 'only the confirmation button deletes');
    const deleted = await editor.post(`${path}/delete`, { confirm: 'yes' });
    assert.equal(deleted.headers.get('location'), '/en/editor/matches?notice=deleted');
    await editor.get('/en/editor/matches?notice=deleted');
    assert.match(editor.lastHtml, /The request is deleted/);
    assert.doesNotMatch(editor.lastHtml, /Irbid: waste collection/);
    assert.equal((await editor.get(path)).status, 404);
    assert.ok(
      await t.database.db.selectFrom('experts').select('id').where('slug', '=', 'karim-haddad').executeTakeFirst(),
      'the expert stays',
    );
  });

  it('is closed to members', async () => {
    const member = await signedIn(t, 'member@city.example');
    assert.equal((await member.get('/en/editor/matches')).status, 403);
    await member.get('/en/experts/match');
    const res = await member.post('/en/experts/match', { challenge: 'Waste collection' });
    assert.doesNotMatch(await res.text(), /Save this request/);
    assert.equal((await member.post('/en/editor/matches', { title: 'x', challenge: 'y' })).status, 403);
    assert.equal((await member.get('/en/editor/matches/1/delete')).status, 403);
    assert.equal((await member.post('/en/editor/matches/1/delete', { confirm: 'yes' })).status, 403);
  });
});
