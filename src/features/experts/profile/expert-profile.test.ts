import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, newVisitor, PASSWORD, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';

let t: TestApp;
const ADDRESS = /[\w.+-]+@[\w-]+\.[\w.]+/;

/** A complete profile form; fields may be replaced or left out (undefined). */
const profileForm = (overrides: Record<string, string | string[] | undefined> = {}): Record<string, string | string[]> => {
  const fields: Record<string, string | string[] | undefined> = {
    lang: 'en',
    intent: 'save',
    headline: 'Waste management and recycling cooperatives',
    bio: 'Ten years in the waste department of Tunis.\n\nI advise cities on contracts with waste pickers.',
    organisation: 'Municipality of Tunis',
    position: 'Head of waste services',
    yearsExperience: '12',
    city: 'Tunis',
    country: 'TN',
    language: ['fr', 'ar', ''],
    level: ['fluent', 'native', 'working'],
    topic: ['waste-management'],
    region: ['mena', 'sub-saharan-africa'],
    experienceCountries: 'ma, SN',
    availability: ['advice', 'study-visits'],
    links: 'https://example.org/tunis-waste Our programme',
    visibility: 'public',
    contactEnabled: 'yes',
    consent: 'yes',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string | string[]] => e[1] !== undefined));
};

const userId = async (email: string) =>
  (await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const expertOf = async (email: string) =>
  t.database.db
    .selectFrom('experts')
    .selectAll()
    .where('user_id', '=', await userId(email))
    .executeTakeFirst();

/** A member with a saved profile, through the form. */
async function createExpert(email: string, overrides: Record<string, string | string[] | undefined> = {}) {
  await createMember(t, email);
  const v = await signedIn(t, email);
  await v.get('/en/my/expert-profile');
  const res = await v.post('/en/my/expert-profile', profileForm(overrides));
  assert.equal(res.status, 303, `profile of ${email}`);
  const row = await expertOf(email);
  assert.ok(row);
  return { v, slug: row.slug, id: row.id };
}

before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true', BASE_URL: 'http://localhost' } });
});
after(() => t.close());

describe('my expert profile', () => {
  it('sends anonymous visitors to sign in, and members with an unconfirmed address to confirm it', async () => {
    const anonymous = await t.request('/en/my/expert-profile');
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.headers.get('location'), `/en/sign-in?next=${encodeURIComponent('/en/my/expert-profile')}`);
    const v = newVisitor(t);
    await v.get('/en/register');
    await v.post('/en/register', { name: 'New', email: 'new@example.org', password: PASSWORD, locale: 'en', privacy: 'yes' });
    const unverified = await signedIn(t, 'new@example.org');
    assert.equal((await unverified.get('/en/my/expert-profile')).status, 403);
    assert.equal((await unverified.post('/en/my/expert-profile', profileForm())).status, 403);
    assert.equal(await expertOf('new@example.org'), undefined);
  });

  it('lists a member only with their consent, keeping everything typed (checkboxes too) until they give it', async () => {
    await createMember(t, 'amina@example.org');
    const v = await signedIn(t, 'amina@example.org');
    await v.get('/en/my/expert-profile');
    assert.match(v.lastHtml, /<input type="checkbox" id="field-consent" name="consent" value="yes"/);
    assert.match(
      v.lastHtml,
      /<input type="radio" id="field-visibility-members" name="visibility" value="members" checked=""/,
      'members only by default',
    );
    assert.doesNotMatch(v.lastHtml, ADDRESS);

    const refused = await v.post('/en/my/expert-profile', profileForm({ consent: undefined }));
    assert.equal(refused.status, 422);
    assert.match(v.lastHtml, /class="error-summary"/);
    assert.match(v.lastHtml, /<a href="#field-consent">Consent: Please agree to be listed/);
    assert.match(v.lastHtml, /value="Waste management and recycling cooperatives"/);
    assert.match(v.lastHtml, />Ten years in the waste department of Tunis\.\n\nI advise/);
    assert.match(v.lastHtml, /id="field-topic-waste-management" name="topic" value="waste-management" checked=""/);
    assert.match(v.lastHtml, /id="field-region-mena" name="region" value="mena" checked=""/);
    assert.match(v.lastHtml, /id="field-availability-study-visits" name="availability" value="study-visits" checked=""/);
    assert.doesNotMatch(v.lastHtml, /id="field-availability-missions"[^>]*checked/);
    assert.match(v.lastHtml, /id="field-visibility" name="visibility" value="public" checked=""/);
    assert.match(v.lastHtml, /<option value="ar" selected="">Arabic<\/option>/);
    assert.match(v.lastHtml, /id="field-level-2" name="level"[^>]*>(?:<option[^>]*>[^<]*<\/option>)*<option value="native" selected="">/);
    assert.match(v.lastHtml, /value="ma, SN"/);
    assert.equal(await expertOf('amina@example.org'), undefined, 'nothing stored without consent');

    const before = Date.now();
    const res = await v.post('/en/my/expert-profile', profileForm());
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/en/my/expert-profile?lang=en&notice=created');
    const row = await expertOf('amina@example.org');
    assert.ok(row?.listing_consent_at);
    assert.ok(row.listing_consent_at.getTime() >= before - 1000 && row.listing_consent_at.getTime() <= Date.now() + 1000);
    assert.equal(row.display_name, 'amina', 'the name of the account');
    assert.equal(row.slug, 'amina');
    assert.equal(row.visibility, 'public');
    assert.equal(row.contact_enabled, true);
    assert.equal(row.years_experience, 12);
    assert.deepEqual(row.availability, ['advice', 'study-visits']);
    assert.deepEqual(row.links, [{ url: 'https://example.org/tunis-waste', label: 'Our programme' }]);
    const db = t.database.db;
    const langs = await db
      .selectFrom('expert_languages')
      .select(['code', 'level'])
      .where('expert_id', '=', row.id)
      .orderBy('code')
      .execute();
    assert.deepEqual(langs, [
      { code: 'ar', level: 'native' },
      { code: 'fr', level: 'fluent' },
    ]);
    const theme = await db.selectFrom('topics').select('theme_slug').where('slug', '=', 'waste-management').executeTakeFirstOrThrow();
    const themes = await db.selectFrom('expert_themes').select('theme_slug').where('expert_id', '=', row.id).execute();
    assert.deepEqual(
      themes.map((r) => r.theme_slug),
      [theme.theme_slug],
      'a topic implies its theme',
    );
    const countries = await db
      .selectFrom('expert_countries')
      .select('country_code')
      .where('expert_id', '=', row.id)
      .orderBy('country_code')
      .execute();
    assert.deepEqual(
      countries.map((c) => c.country_code),
      ['MA', 'SN'],
    );
    const city = await db
      .selectFrom('cities')
      .select(['name', 'country_code'])
      .where('id', '=', row.city_id ?? 0)
      .executeTakeFirst();
    assert.deepEqual(city, { name: 'Tunis', country_code: 'TN' });

    await v.get(res.headers.get('location') ?? '');
    assert.match(v.lastHtml, /role="status">Your expert profile has been created\./);
    assert.match(v.lastHtml, /You agreed to be listed on /);
    // Above the footer, whose newsletter form asks for its own consent.
    assert.doesNotMatch(
      v.lastHtml.split('<footer')[0] ?? '',
      /name="consent"/,
      'consent is given once; withdrawing it is removing the listing',
    );
    assert.match(v.lastHtml, /href="\/en\/my\/expert-profile\/remove"/);

    // A later save keeps the consent's time.
    const again = await v.post('/en/my/expert-profile', profileForm({ consent: undefined, position: 'Director' }));
    assert.equal(again.status, 303);
    const saved = await expertOf('amina@example.org');
    assert.equal(saved?.position, 'Director');
    assert.equal(saved?.listing_consent_at?.getTime(), row.listing_consent_at.getTime());
  });

  it('refuses wrong values with localized messages and keeps what was typed', async () => {
    const v = await signedIn(t, 'amina@example.org');
    await v.get('/de/my/expert-profile');
    const res = await v.post(
      '/de/my/expert-profile',
      profileForm({
        lang: 'de',
        headline: '',
        bio: 'Zehn Jahre Erfahrung in der Abfallwirtschaft.',
        organisation: 'Stadt <Tunis> & Partner',
        yearsExperience: '7x',
        links: 'ftp://example.org Server',
        country: '',
        language: ['fr', 'fr', ''],
        experienceCountries: 'MA, QQ',
        consent: undefined,
      }),
    );
    assert.equal(res.status, 422);
    const html = v.lastHtml;
    assert.match(html, /Bitte schreiben Sie auch für diese Sprache eine Kurzbeschreibung\./);
    assert.match(html, /Bitte geben Sie eine ganze Zahl von 0 bis 70 ein\./);
    assert.match(html, /Bitte wählen Sie das Land Ihrer Stadt\./);
    assert.match(html, /Jede Sprache kann nur einmal gewählt werden\./);
    assert.match(html, /Jede Zeile braucht eine Adresse, die mit https:\/\/ beginnt/);
    assert.match(html, /value="Stadt &lt;Tunis&gt; &amp; Partner"/);
    assert.match(html, /value="7x"/);
    assert.match(html, />ftp:\/\/example.org Server<\/textarea>/);
    assert.match(html, /id="field-topic-waste-management" name="topic" value="waste-management" checked=""/);
    assert.equal((await expertOf('amina@example.org'))?.organisation, 'Municipality of Tunis', 'nothing saved');

    // Country codes are checked against the taxonomy once the form itself is valid.
    const unknown = await v.post('/de/my/expert-profile', profileForm({ lang: 'de', experienceCountries: 'MA, QQ', consent: undefined }));
    assert.equal(unknown.status, 422);
    assert.match(v.lastHtml, /Bitte verwenden Sie zweistellige Ländercodes/);
    assert.match(v.lastHtml, /value="MA, QQ"/);

    const broken = await t.request('/en/my/expert-profile', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'x-csrf-token': v.csrf, cookie: v.cookieHeaderForTests() },
      body: '--x\r\nContent-Disposition: form-data; name="headline"\r\n\r\nBroken',
    });
    assert.equal(broken.status, 400);
  });

  it('writes the texts one language at a time; readers get theirs, else English with a note', async () => {
    const v = await signedIn(t, 'amina@example.org');
    await v.get('/en/my/expert-profile');
    const toGerman = await v.post('/en/my/expert-profile', profileForm({ consent: undefined, intent: 'lang:de' }));
    assert.equal(toGerman.status, 303);
    assert.equal(toGerman.headers.get('location'), '/en/my/expert-profile?lang=de&notice=saved');
    await v.get('/en/my/expert-profile?lang=de');
    assert.match(v.lastHtml, /<input type="hidden" name="lang" value="de"\/>/);
    assert.match(v.lastHtml, /id="field-headline" name="headline" type="text" value=""/);
    const german = profileForm({
      consent: undefined,
      lang: 'de',
      headline: 'Abfallwirtschaft und Recycling-Genossenschaften',
      bio: 'Zehn Jahre in der Abfallwirtschaft von Tunis.',
    });
    assert.equal((await v.post('/en/my/expert-profile', german)).status, 303);

    const { slug } = (await expertOf('amina@example.org')) ?? { slug: '' };
    const de = await (await t.request(`/de/experts/${slug}`)).text();
    assert.match(de, /<div lang="de" dir="ltr"><p class="lead">Abfallwirtschaft und Recycling-Genossenschaften<\/p>/);
    assert.doesNotMatch(de, /class="fallback-note"/);
    const fr = await (await t.request(`/fr/experts/${slug}`)).text();
    assert.match(fr, /<div lang="en" dir="ltr"><p class="lead">Waste management and recycling cooperatives<\/p>/);
    assert.match(fr, /class="fallback-note"/);
    const ar = await (await t.request(`/ar/experts/${slug}`)).text();
    assert.match(ar, /<html lang="ar" dir="rtl">/);
    assert.match(ar, /العربية \(لغة أم\)/);
  });

  it('removes the listing only after a confirmation, and the page is gone', async () => {
    const { v, slug } = await createExpert('leaving@example.org', { visibility: 'public' });
    await v.get('/en/my/expert-profile');
    assert.match(v.lastHtml, /<a href="\/en\/my\/expert-profile\/remove">Remove my listing<\/a>/);
    await v.get('/en/my/expert-profile/remove');
    assert.match(v.lastHtml, /Remove your expert listing\?/);
    assert.match(v.lastHtml, /<button type="submit" name="confirm" value="yes" class="button danger">Yes, remove my listing<\/button>/);

    const unconfirmed = await v.post('/en/my/expert-profile/remove', {});
    assert.equal(unconfirmed.headers.get('location'), '/en/my/expert-profile/remove');
    assert.ok(await expertOf('leaving@example.org'), 'still listed');

    const removed = await v.post('/en/my/expert-profile/remove', { confirm: 'yes' });
    assert.equal(removed.status, 303);
    assert.equal(removed.headers.get('location'), '/en/my/expert-profile?notice=removed');
    assert.equal(await expertOf('leaving@example.org'), undefined);
    assert.equal((await t.request(`/en/experts/${slug}`)).status, 404);
    await v.get('/en/my/expert-profile?notice=removed');
    assert.match(v.lastHtml, /Your listing has been removed/);
    assert.match(v.lastHtml, /name="consent"/, 'listing again needs consent again');
    assert.ok(await signedIn(t, 'leaving@example.org'), 'the account stays');

    const audit = await t.database.db
      .selectFrom('audit_log')
      .innerJoin('users', 'users.id', 'audit_log.subject_user_id')
      .select(['audit_log.action', 'audit_log.details'])
      .where('users.email', '=', 'leaving@example.org')
      .where('audit_log.action', 'in', ['expert.listed', 'expert.unlisted'])
      .orderBy('audit_log.id')
      .execute();
    assert.deepEqual(
      audit.map((a) => [a.action, a.details]),
      [
        ['expert.listed', { visibility: 'public' }],
        ['expert.unlisted', {}],
      ],
      'consent and its withdrawal are in the audit log',
    );
  });
});
