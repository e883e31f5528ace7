import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createMember, newVisitor, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { lastMailTo, linkIn } from '../../../../tests/helpers/mail.ts';
import { Extensions } from '../../../platform/extension.ts';
import { expertsDemo } from '../experts.seed.ts';
import { exportExperts, importExperts } from './experts.import.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true', BASE_URL: 'http://localhost' } });
});
after(() => t.close());

const db = () => t.database.db;

const expert = (externalId: string, overrides: Record<string, unknown> = {}) => ({
  externalId,
  name: 'Amina Berrada',
  email: `${externalId}@example.org`,
  organisation: 'Municipality of Agadir',
  position: 'Head of economic promotion',
  city: 'Agadir',
  country: 'ma',
  languages: [
    { code: 'fr', level: 'fluent' },
    { code: 'AR', level: 'native' },
  ],
  themes: [],
  topics: ['economic-promotion', 'waste-management'],
  regions: ['mena'],
  countries: ['TN', 'ma'],
  availability: ['speaking', 'advice'],
  yearsExperience: 12,
  visibility: 'public',
  translations: {
    fr: { headline: 'Promotion économique locale', bio: 'Quinze ans à la mairie.' },
    en: { headline: 'Local economic development', bio: 'Fifteen years at the municipality.' },
  },
  ...overrides,
});

/** exp-1 as a later file has it. */
const aminaChanged = {
  name: 'Amina Berrada-Alaoui',
  city: 'Tunis',
  country: 'TN',
  topics: [],
  themes: ['good-urban-governance'],
  languages: [{ code: 'en', level: 'working' }],
  availability: [],
  yearsExperience: null,
  visibility: 'members',
  translations: { en: { headline: 'Renamed headline', bio: '' } },
};

const count = async (table: 'experts' | 'users') =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db())).rows[0]?.n;
const expertRow = (externalId: string) =>
  db().selectFrom('experts').selectAll().where('external_id', '=', externalId).executeTakeFirstOrThrow();
const userOf = (email: string) =>
  db().selectFrom('users').selectAll().where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirstOrThrow();

describe('import and export of experts', () => {
  it('creates the profile and a member account without password, unconfirmed, in the first language', async () => {
    const report = await importExperts(db(), [expert('exp-1')]);
    assert.deepEqual(report, [{ externalId: 'exp-1', outcome: 'created', reasons: [] }]);
    const row = await expertRow('exp-1');
    assert.equal(row.slug, 'amina-berrada');
    assert.equal(row.display_name, 'Amina Berrada');
    assert.equal(row.country_code, 'MA');
    assert.equal(row.years_experience, 12);
    assert.deepEqual(row.availability, ['advice', 'speaking']);
    assert.equal(row.visibility, 'public');
    assert.equal(row.contact_enabled, true);
    assert.ok(row.listing_consent_at, 'the import records the listing consent');
    assert.ok(!JSON.stringify(row).includes('@'), 'the e-mail address is not stored on the profile');
    const city = await db().selectFrom('cities').select(['name', 'country_code']).where('id', '=', row.city_id).executeTakeFirstOrThrow();
    assert.deepEqual(city, { name: 'Agadir', country_code: 'MA' });

    const user = await userOf('exp-1@example.org');
    assert.equal(row.user_id, user.id);
    assert.equal(user.role, 'member');
    assert.equal(user.name, 'Amina Berrada');
    assert.equal(user.locale, 'fr');
    assert.equal(user.password_hash, null);
    assert.equal(user.email_verified_at, null);
    assert.equal(user.privacy_consent_at, null);

    const of = (table: 'expert_themes' | 'expert_topics' | 'expert_regions' | 'expert_countries', column: string) =>
      sql<{ v: string }>`select ${sql.ref(column)} as v from ${sql.table(table)} where expert_id = ${row.id} order by 1`
        .execute(db())
        .then((r) => r.rows.map((x) => x.v));
    assert.deepEqual(await of('expert_themes', 'theme_slug'), ['local-economic-development', 'municipal-services'], 'topics imply themes');
    assert.deepEqual(await of('expert_topics', 'topic_slug'), ['economic-promotion', 'waste-management']);
    assert.deepEqual(await of('expert_regions', 'region_slug'), ['mena']);
    assert.deepEqual(await of('expert_countries', 'country_code'), ['MA', 'TN']);
    const languages = await db()
      .selectFrom('expert_languages')
      .select(['code', 'level'])
      .where('expert_id', '=', row.id)
      .orderBy('code')
      .execute();
    assert.deepEqual(languages, [
      { code: 'ar', level: 'native' },
      { code: 'fr', level: 'fluent' },
    ]);
  });

  it('rejects bad records one by one, saying why (never echoing the address), and imports the good ones', async () => {
    const experts = await count('experts');
    const users = await count('users');
    const report = await importExperts(db(), [
      expert('exp-bad-email', { email: 'not-an-address@' }),
      expert('exp-2', { name: 'Jonas Weber', translations: { de: { headline: 'Klimaanpassung', bio: '' } } }),
      expert('exp-bad-topic', { topics: ['no-such-topic'] }),
      expert('exp-bad-level', { languages: [{ code: 'fr', level: 'basic' }] }),
      expert('exp-bad-language', { languages: [{ code: 'xx', level: 'fluent' }] }),
      expert('exp-bad-country', { country: 'QQ' }),
      expert('exp-bad-countries', { countries: ['ZZ'], regions: ['atlantis'] }),
      expert('exp-no-headline', { translations: { en: { bio: 'Only a bio.' } } }),
      expert('exp-no-language', { translations: {} }),
      expert('exp-bad-misc', { availability: ['lunch'], yearsExperience: 71, visibility: 'everyone', name: 'x'.repeat(121) }),
      expert('exp-long-bio', { translations: { en: { headline: 'Fine', bio: 'x'.repeat(5001) } } }),
      expert('exp-no-email', { email: undefined }),
      expert('exp-3', { name: 'Lina Haddad', email: 'Lina.Haddad@Example.org' }),
      expert('exp-3', { name: 'Lina Haddad' }),
      expert('exp-4', { name: 'Lina H.', email: 'lina.haddad@example.org' }),
      'not an object',
    ]);
    assert.deepEqual(
      report.map((r) => `${r.externalId}:${r.outcome}`),
      [
        'exp-bad-email:rejected',
        'exp-2:created',
        'exp-bad-topic:rejected',
        'exp-bad-level:rejected',
        'exp-bad-language:rejected',
        'exp-bad-country:rejected',
        'exp-bad-countries:rejected',
        'exp-no-headline:rejected',
        'exp-no-language:rejected',
        'exp-bad-misc:rejected',
        'exp-long-bio:rejected',
        'exp-no-email:rejected',
        'exp-3:created',
        'exp-3:rejected',
        'exp-4:rejected',
        '#16:rejected',
      ],
    );
    const reasons = (id: string) =>
      report
        .filter((r) => r.externalId === id)
        .at(-1)
        ?.reasons.join(' | ') ?? '';
    assert.match(reasons('exp-bad-email'), /^email: not a valid e-mail address$/);
    assert.match(reasons('exp-bad-topic'), /topics: unknown slug "no-such-topic"/);
    assert.match(reasons('exp-bad-level'), /languages\.0\.level: level must be working, fluent or native/);
    assert.match(reasons('exp-bad-language'), /languages\.0\.code: must be an ISO 639-1 code/);
    assert.match(reasons('exp-bad-country'), /country: unknown code "QQ"/);
    assert.match(reasons('exp-bad-countries'), /regions: unknown slug "atlantis".*countries: unknown code "ZZ"/);
    assert.match(reasons('exp-no-headline'), /translations\.en\.headline: headline is required/);
    assert.match(reasons('exp-no-language'), /translations: needs at least one language/);
    for (const field of ['availability.0', 'yearsExperience', 'visibility', 'name'])
      assert.ok(reasons('exp-bad-misc').includes(`${field}:`), `${field} in ${reasons('exp-bad-misc')}`);
    assert.match(reasons('exp-long-bio'), /translations\.en\.bio/);
    assert.match(reasons('exp-no-email'), /email: required for a new expert/);
    assert.match(reasons('exp-3'), /appears twice/);
    assert.match(reasons('exp-4'), /already has another expert profile \(externalId "exp-3"\)/);
    assert.ok(!JSON.stringify(report).includes('@'), 'no address in the report');
    assert.equal(await count('experts'), (experts ?? 0) + 2);
    assert.equal(await count('users'), (users ?? 0) + 2, 'rejected records leave no account behind');
    assert.equal((await userOf('lina.haddad@example.org')).locale, 'fr');
    assert.equal((await userOf('exp-2@example.org')).locale, 'de');
  });

  it('is idempotent by externalId: a re-import updates the profile and the account’s name, never duplicates', async () => {
    const before = await expertRow('exp-1');
    const experts = await count('experts');
    const users = await count('users');
    const report = await importExperts(db(), [expert('exp-1', { ...aminaChanged, email: 'EXP-1@example.org' })]);
    assert.deepEqual(report, [{ externalId: 'exp-1', outcome: 'updated', reasons: [] }]);
    const after = await expertRow('exp-1');
    assert.equal(after.id, before.id);
    assert.equal(after.slug, before.slug, 'the URL stays');
    assert.equal(after.user_id, before.user_id);
    assert.equal(after.display_name, 'Amina Berrada-Alaoui');
    assert.equal(after.country_code, 'TN');
    assert.equal(after.visibility, 'members');
    assert.equal(after.years_experience, null);
    assert.deepEqual(after.availability, []);
    assert.deepEqual(after.listing_consent_at, before.listing_consent_at, 'consent keeps its first date');
    assert.equal((await userOf('exp-1@example.org')).name, 'Amina Berrada-Alaoui');
    const locales = await db().selectFrom('expert_translations').select(['locale', 'headline']).where('expert_id', '=', after.id).execute();
    assert.deepEqual(locales, [{ locale: 'en', headline: 'Renamed headline' }], 'a language dropped from the file is dropped');
    const themes = await db().selectFrom('expert_themes').select('theme_slug').where('expert_id', '=', after.id).execute();
    assert.deepEqual(
      themes.map((x) => x.theme_slug),
      ['good-urban-governance'],
    );
    assert.equal(await count('experts'), experts);
    assert.equal(await count('users'), users);
  });

  it('keeps a profile with its account: another address in the file is rejected, none keeps the link', async () => {
    const moved = await importExperts(db(), [expert('exp-1', { ...aminaChanged, email: 'someone-else@example.org' })]);
    assert.equal(moved[0]?.outcome, 'rejected');
    assert.match(moved[0]?.reasons.join() ?? '', /email: differs from the address of the account/);
    const kept = await importExperts(db(), [expert('exp-1', { ...aminaChanged, email: undefined })]);
    assert.equal(kept[0]?.outcome, 'updated');
    assert.equal((await expertRow('exp-1')).user_id, (await userOf('exp-1@example.org')).id);
    assert.equal(await db().selectFrom('users').select('id').where('email', '=', 'someone-else@example.org').executeTakeFirst(), undefined);
  });

  it('links an existing account instead of creating one', async () => {
    await createMember(t, 'karim@example.org');
    const member = await userOf('karim@example.org');
    const users = await count('users');
    const report = await importExperts(db(), [expert('exp-5', { name: 'Karim Mansour', email: 'Karim@Example.org' })]);
    assert.equal(report[0]?.outcome, 'created');
    assert.equal(await count('users'), users);
    assert.equal((await expertRow('exp-5')).user_id, member.id);
    const after = await userOf('karim@example.org');
    assert.equal(after.name, 'Karim Mansour');
    assert.equal(after.password_hash, member.password_hash, 'the member’s password is untouched');
    assert.ok(after.email_verified_at);
  });

  it('lets the imported person claim the account through "forgot password", confirming the address', async () => {
    const v = newVisitor(t);
    await v.get('/fr/forgot-password');
    assert.equal((await v.post('/fr/forgot-password', { email: 'lina.haddad@example.org' })).status, 200);
    const mail = await lastMailTo(db(), 'lina.haddad@example.org');
    const link = linkIn(mail?.text_body, '/fr/reset-password?token=');
    assert.equal((await v.get(link)).status, 200);
    const token = new URL(link, 'http://x').searchParams.get('token') ?? '';
    const done = await v.post('/fr/reset-password', { token, password: 'amber lantern river 31' });
    assert.equal(done.headers.get('location'), '/fr/sign-in?notice=password-reset');
    const user = await userOf('lina.haddad@example.org');
    assert.ok(user.password_hash);
    assert.ok(user.email_verified_at, 'the link proved the address');
    const member = await signedIn(t, 'lina.haddad@example.org', 'amber lantern river 31');
    assert.equal((await member.get('/en/account')).status, 200);
  });

  it('exports in the import format without e-mail addresses unless asked, and the export imports back unchanged', async () => {
    const first = await exportExperts(db());
    assert.deepEqual(first.experts.map((x) => x.externalId).sort(), ['exp-1', 'exp-2', 'exp-3', 'exp-5']);
    assert.ok(!JSON.stringify(first).includes('@'), 'no addresses by default');
    const amina = first.experts.find((x) => x.externalId === 'exp-1');
    assert.equal(amina?.city, 'Tunis');
    assert.deepEqual(amina?.languages, [{ code: 'en', level: 'working' }]);

    const withEmails = await exportExperts(db(), { withEmails: true });
    assert.equal(withEmails.experts.find((x) => x.externalId === 'exp-3')?.email, 'lina.haddad@example.org');
    assert.equal(withEmails.experts.find((x) => x.externalId === 'exp-5')?.email, 'karim@example.org');

    const users = await count('users');
    for (const file of [first, withEmails]) {
      const report = await importExperts(db(), JSON.parse(JSON.stringify(file.experts)));
      assert.ok(
        report.every((r) => r.outcome === 'updated'),
        JSON.stringify(report),
      );
      assert.deepEqual(await exportExperts(db()), first);
    }
    assert.equal(await count('users'), users);
  });

  it('loads the demo experts through the importer, each with a member account of its own', async () => {
    // Under the name databases have recorded the step with.
    const step = expertsDemo.find((s) => s.name === 'demo-experts');
    assert.ok(step);
    const ctx = { baseUrl: 'http://localhost', mailFrom: 'Peerpolis <noreply@localhost>', extensions: new Extensions([]) };
    await db()
      .transaction()
      .execute((trx) => step.load(trx, ctx));
    const demo = await db().selectFrom('experts').select('user_id').where('external_id', 'like', 'demo-expert-%').execute();
    assert.equal(demo.length, 64);
    assert.equal(new Set(demo.map((r) => r.user_id)).size, 64);
  });

  it('never gives a profile a slug that names a page under /experts/', async () => {
    await importExperts(db(), [expert('exp-match', { name: 'Match' })]);
    assert.equal((await expertRow('exp-match')).slug, 'match-2');
  });
});
