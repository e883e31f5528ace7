import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { createMember, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';

let t: TestApp;

const expertOf = async (email: string) => {
  const user = await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return t.database.db.selectFrom('experts').select(['slug', 'photo']).where('user_id', '=', user.id).executeTakeFirst();
};

before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true', BASE_URL: 'http://localhost' } });
  await createMember(t, 'amina@example.org');
  const v = await signedIn(t, 'amina@example.org');
  await v.get('/en/my/expert-profile');
  const listed = await v.post('/en/my/expert-profile', { lang: 'en', headline: 'Waste management', visibility: 'public', consent: 'yes' });
  assert.equal(listed.status, 303);
});
after(() => t.close());

describe('the profile photo', () => {
  it('adds a photo with its text alternative, and changes the text alone', async () => {
    const v = await signedIn(t, 'amina@example.org');
    await v.get('/en/my/expert-profile');
    const jpeg = await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#a63' } })
      .jpeg()
      .toBuffer();
    const upload = async (alt: string, file?: File) => {
      await v.get('/en/my/expert-profile');
      const form = new FormData();
      if (file) form.set('file', file);
      form.set('alt', alt);
      return v.postMultipart('/en/my/expert-profile/photo', form);
    };
    const noAlt = await upload('', new File([jpeg], 'me.jpg', { type: 'image/jpeg' }));
    assert.equal(noAlt.status, 422);
    assert.match(v.lastHtml, /Please describe the photo for people who cannot see it\./);
    const svg = await upload('Me', new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'me.svg', { type: 'image/svg+xml' }));
    assert.equal(svg.status, 422);
    assert.match(v.lastHtml, /SVG/);
    assert.match(v.lastHtml, />Me<\/textarea>/, 'the typed text alternative is kept');

    const ok = await upload('Amina in front of the city hall', new File([jpeg], 'me.jpg', { type: 'image/jpeg' }));
    assert.equal(ok.status, 303);
    const { slug } = (await expertOf('amina@example.org')) ?? { slug: '' };
    const html = await (await t.request(`/en/experts/${slug}`)).text();
    assert.match(html, /<img class="expert-photo" src="\/uploads\/[0-9a-f]{64}-640\.jpg"[^>]*alt="Amina in front of the city hall"/);
    const src = /src="(\/uploads\/[0-9a-f]{64}-640\.jpg)"/.exec(html)?.[1] ?? '';
    assert.equal((await t.request(src)).status, 200);

    assert.equal((await upload('Amina Diallo at the city hall of Tunis')).status, 303);
    const photo = (await expertOf('amina@example.org'))?.photo;
    assert.equal(photo?.alt, 'Amina Diallo at the city hall of Tunis');

    await v.get('/en/my/expert-profile');
    assert.equal((await v.post('/en/my/expert-profile/photo/remove', {})).status, 303);
    assert.equal((await expertOf('amina@example.org'))?.photo, null);
  });
});
