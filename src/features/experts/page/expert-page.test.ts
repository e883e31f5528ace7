import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, newVisitor, PASSWORD, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import type { Visitor } from '../../../../tests/helpers/http.ts';

let t: TestApp;
const ADDRESS = /[\w.+-]+@[\w-]+\.[\w.]+/;
let member: Visitor;
let editor: Visitor;

/** A member listed with a visibility, through the profile form; the page's own details do not matter here. */
async function createExpert(email: string, { visibility }: { visibility: 'public' | 'members' | 'hidden' }) {
  await createMember(t, email);
  const v = await signedIn(t, email);
  await v.get('/en/my/expert-profile');
  const res = await v.post('/en/my/expert-profile', { lang: 'en', headline: 'Waste management', visibility, consent: 'yes' });
  assert.equal(res.status, 303, `profile of ${email}`);
  const user = await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const row = await t.database.db.selectFrom('experts').select('slug').where('user_id', '=', user.id).executeTakeFirstOrThrow();
  return { v, slug: row.slug };
}

before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true', BASE_URL: 'http://localhost' } });
  await createMember(t, 'reader@example.org');
  await createMember(t, 'editor@example.org', 'editor');
  member = await signedIn(t, 'reader@example.org');
  editor = await signedIn(t, 'editor@example.org');
});
after(() => t.close());

describe('an expert’s page', () => {
  it('shows a profile only to those its visibility allows; hidden ones are never revealed', async () => {
    const pub = await createExpert('public@example.org', { visibility: 'public' });
    const mem = await createExpert('members@example.org', { visibility: 'members' });
    const hid = await createExpert('hidden@example.org', { visibility: 'hidden' });
    const page = (slug: string) => `/en/experts/${slug}`;
    const anonymous = newVisitor(t);
    assert.equal((await anonymous.get(page(pub.slug))).status, 200);
    assert.match(
      anonymous.lastHtml,
      /<script type="application\/ld\+json">\{"@context":"https:\/\/schema.org","@type":"Person","name":"public"/,
    );
    assert.doesNotMatch(anonymous.lastHtml, /noindex/);
    assert.doesNotMatch(anonymous.lastHtml, ADDRESS, 'no e-mail address, not even in JSON-LD');
    assert.equal((await anonymous.get(page(mem.slug))).status, 404);
    assert.equal((await anonymous.get(page(hid.slug))).status, 404);

    assert.equal((await member.get(page(pub.slug))).status, 200);
    assert.equal((await member.get(page(mem.slug))).status, 200);
    assert.match(member.lastHtml, /<meta name="robots" content="noindex"\/>/);
    assert.doesNotMatch(member.lastHtml, /application\/ld\+json/, 'no Person data for a members-only profile');
    assert.doesNotMatch(member.lastHtml, /Edit my profile/);
    assert.doesNotMatch(member.lastHtml, ADDRESS);
    const hiddenForMember = await member.get(page(hid.slug));
    assert.equal(hiddenForMember.status, 404);
    assert.doesNotMatch(member.lastHtml, /hidden@|class="expert-page"/);

    for (const slug of [pub.slug, mem.slug, hid.slug]) assert.equal((await editor.get(page(slug))).status, 200, `editor sees ${slug}`);
    assert.match(editor.lastHtml, /Who can see this profile: Hidden\./);
    assert.match(editor.lastHtml, /noindex/);

    assert.equal((await hid.v.get(page(hid.slug))).status, 200, 'the owner sees their hidden profile');
    assert.match(hid.v.lastHtml, /<a href="\/en\/my\/expert-profile">Edit my profile<\/a>/);
    assert.doesNotMatch(hid.v.lastHtml, ADDRESS);
  });

  it('never gives an expert a slug that names another page under /experts/', async () => {
    const expert = await createExpert('match@example.org', { visibility: 'public' });
    assert.equal(expert.slug, 'match-2');
    const res = await t.request('/en/experts/match-2');
    assert.equal(res.status, 200);
    assert.doesNotMatch(await (await t.request('/en/experts/match')).text(), /class="expert-page"/);
    assert.doesNotMatch(await (await t.request('/en/experts/map')).text(), /class="expert-page"/);
    const same = await createExpert('match@example.net', { visibility: 'public' });
    assert.equal(same.slug, 'match-3');
  });

  it('never shows the profile of a deleted account', async () => {
    const { v, slug } = await createExpert('gone@example.org', { visibility: 'public' });
    assert.equal((await t.request(`/en/experts/${slug}`)).status, 200);
    await v.get('/en/account');
    assert.equal((await v.post('/en/account/delete', { deletePassword: PASSWORD })).status, 303);
    assert.equal((await t.request(`/en/experts/${slug}`)).status, 404);
    assert.equal((await editor.get(`/en/experts/${slug}`)).status, 404);
  });
});
