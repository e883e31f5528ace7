import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createMember, newVisitor, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { userId } from '../../../../tests/helpers/contact.ts';
import { mailsTo } from '../../../../tests/helpers/mail.ts';
import { CONSENT_VERSION, PENDING_DAYS } from '../newsletter.model.ts';
import { newsletterPersonalData } from '../personal-data.service.ts';
import { deleteStalePendingSubscribers, newSubscriberToken } from './subscription.service.ts';

// What a subscriber does with their personal link (preference page, one-click unsubscribe) or from
// their account, and what the platform keeps about them.

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true', BASE_URL: 'http://localhost' } });
  await createMember(t, 'member@city.example');
});
after(() => t.close());

const db = () => t.database.db;
const row = (email: string) => db().selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirst();

/** A confirmed subscriber (as the confirmation would leave one); returns the token. */
async function confirmedSubscriber(email: string, locale = 'en'): Promise<string> {
  const token = newSubscriberToken();
  const now = new Date();
  await db()
    .insertInto('newsletter_subscribers')
    .values({ email, locale, token, status: 'confirmed', confirmed_at: now, consented_at: now, consent_version: CONSENT_VERSION })
    .execute();
  return token;
}

const UNKNOWN = newSubscriberToken();

describe('the preference page', () => {
  it('changes language and interests, pauses and resumes, with the subscriber’s state shown and no address', async () => {
    const token = await confirmedSubscriber('prefs@city.example');
    const v = newVisitor(t);
    const page = `/en/newsletter/preferences/${token}`;
    const res = await v.get(page);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    assert.match(v.lastHtml, /You receive the newsletter\./);
    assert.doesNotMatch(v.lastHtml, /prefs@city\.example/);

    let post = await v.post(page, { action: 'save', locale: 'ar', themes: ['municipal-services'], regions: ['asia', 'mena'] });
    assert.equal(post.status, 303);
    await v.get(post.headers.get('location') ?? '');
    assert.match(v.lastHtml, /Your settings are saved\./);
    assert.match(v.lastHtml, /<option value="ar" selected="">Arabic<\/option>/);
    let stored = await row('prefs@city.example');
    assert.equal(stored?.locale, 'ar');
    assert.deepEqual(stored?.themes, ['municipal-services']);
    assert.deepEqual([...(stored?.regions ?? [])].sort(), ['asia', 'mena']);

    post = await v.post(page, { action: 'save', locale: 'tlh', themes: ['nowhere'] });
    assert.equal(post.status, 422);
    assert.match(v.lastHtml, /Please choose one of the languages listed\./);
    assert.match(v.lastHtml, /Please choose only from the options listed\./);
    assert.equal((await row('prefs@city.example'))?.locale, 'ar', 'nothing half-saved');

    post = await v.post(page, { action: 'pause' });
    await v.get(post.headers.get('location') ?? '');
    assert.match(v.lastHtml, /The newsletter is paused\./);
    assert.match(v.lastHtml, /value="resume"/);
    stored = await row('prefs@city.example');
    assert.ok(stored?.paused_at, 'paused');
    assert.equal(stored?.status, 'confirmed');
    post = await v.post(page, { action: 'resume' });
    assert.equal(post.status, 303);
    assert.equal((await row('prefs@city.example'))?.paused_at, null);

    assert.equal((await v.post(page, { action: 'save', locale: 'en', _csrf: '' })).status, 403, 'CSRF on the preference page');
  });

  it('unsubscribes and deletes the subscription data on request', async () => {
    const token = await confirmedSubscriber('leaving@city.example', 'de');
    const v = newVisitor(t);
    const page = `/de/newsletter/preferences/${token}`;
    await v.get(page);
    let post = await v.post(page, { action: 'unsubscribe' });
    await v.get(post.headers.get('location') ?? '');
    assert.match(v.lastHtml, /Sie haben den Newsletter abbestellt und erhalten keine Ausgaben mehr\./);
    assert.match(v.lastHtml, /href="\/de\/newsletter\/subscribe">Erneut abonnieren/);
    const stored = await row('leaving@city.example');
    assert.equal(stored?.status, 'unsubscribed');
    assert.ok(stored?.unsubscribed_at);

    post = await v.post(page, { action: 'delete' });
    assert.equal(post.status, 200);
    assert.match(v.lastHtml, /Ihre Abonnementdaten sind gelöscht/);
    assert.equal(await row('leaving@city.example'), undefined);
    assert.equal((await v.get(page)).status, 404);
  });

  it('answers unknown or malformed tokens with the localized 404 page, never a 500', async () => {
    const v = newVisitor(t);
    for (const path of [
      `/fr/newsletter/preferences/${UNKNOWN}`,
      '/fr/newsletter/preferences/short',
      `/fr/newsletter/confirm/${UNKNOWN}`,
      `/fr/newsletter/confirm/${'x'.repeat(500)}`,
    ]) {
      const res = await v.get(path);
      assert.equal(res.status, 404, path);
      assert.match(v.lastHtml, /<html lang="fr"/);
    }
    await v.get('/fr/newsletter/subscribe');
    assert.equal((await v.post(`/fr/newsletter/preferences/${UNKNOWN}`, { action: 'unsubscribe' })).status, 404);
    assert.equal((await v.post(`/fr/newsletter/confirm/${UNKNOWN}`, {})).status, 404);
  });
});

describe('one-click unsubscribe (RFC 8058)', () => {
  const oneClick = (token: string, body = 'List-Unsubscribe=One-Click') =>
    t.request(`/newsletter/unsubscribe/${token}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

  it('a GET shows the button in the subscriber’s language and never unsubscribes', async () => {
    const token = await confirmedSubscriber('scanned@city.example', 'es');
    const res = await t.request(`/newsletter/unsubscribe/${token}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<html lang="es"/);
    assert.match(html, new RegExp(`<form method="post" action="/newsletter/unsubscribe/${token}">`));
    assert.match(html, /<input type="hidden" name="List-Unsubscribe" value="One-Click"\/>/);
    assert.match(html, /<button type="submit" class="button">Darse de baja<\/button>/);
    assert.equal((await row('scanned@city.example'))?.status, 'confirmed');
  });

  it('a POST of List-Unsubscribe=One-Click without cookies or token unsubscribes at once and answers 200', async () => {
    const token = await confirmedSubscriber('oneclick@city.example', 'fr');
    const res = await oneClick(token);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Vous êtes désabonné/);
    const stored = await row('oneclick@city.example');
    assert.equal(stored?.status, 'unsubscribed');
    assert.ok(stored?.unsubscribed_at);
    // A mail program that retries gets the same answer.
    assert.equal((await oneClick(token)).status, 200);
    // The page's own button posts the same body (multipart works too).
    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');
    const token2 = await confirmedSubscriber('button@city.example');
    assert.equal((await t.request(`/newsletter/unsubscribe/${token2}`, { method: 'POST', body: form })).status, 200);
    assert.equal((await row('button@city.example'))?.status, 'unsubscribed');
  });

  it('refuses another body and unknown tokens', async () => {
    const token = await confirmedSubscriber('other-body@city.example');
    assert.equal((await oneClick(token, 'something=else')).status, 400);
    assert.equal((await row('other-body@city.example'))?.status, 'confirmed');
    assert.equal((await oneClick(UNKNOWN)).status, 404);
    assert.equal((await t.request(`/newsletter/unsubscribe/${UNKNOWN}`)).status, 404);
    assert.equal((await t.request('/newsletter/unsubscribe/%E2%80%AE')).status, 404);
  });
});

describe('the newsletter on the account page', () => {
  it('a verified member subscribes with the account’s address at once, then changes, pauses and unsubscribes', async () => {
    const member = await signedIn(t, 'member@city.example');
    await member.get('/en/account');
    assert.match(member.lastHtml, /<h2 id="newsletter-title">Newsletter<\/h2>/);
    assert.match(member.lastHtml, /You do not receive the newsletter yet\./);

    let res = await member.post('/en/account/newsletter', { action: 'subscribe', locale: 'de', themes: 'municipal-services' });
    assert.equal(res.status, 422, 'consent is asked for');
    assert.match(member.lastHtml, /Please agree to receive the newsletter\./);
    assert.match(member.lastHtml, /id="field-themes-municipal-services" name="themes" value="municipal-services" checked=""/);

    const mailsBefore = (await mailsTo(db(), 'member@city.example')).length;
    res = await member.post('/en/account/newsletter', { action: 'subscribe', locale: 'de', themes: 'municipal-services', consent: 'yes' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/en/account?newsletter=subscribed#newsletter');
    let stored = await row('member@city.example');
    assert.equal(stored?.status, 'confirmed');
    assert.equal(stored?.source, 'account');
    // The consent text's version and the privacy notice's (network's page) it links to.
    assert.match(stored?.consent_version ?? '', new RegExp(`^${CONSENT_VERSION}; privacy notice \\d{4}-\\d{2}-\\d{2}T`));
    assert.ok(stored?.consented_at);
    assert.equal((await mailsTo(db(), 'member@city.example')).length, mailsBefore, 'no confirmation mail: the address is verified');

    await member.get(res.headers.get('location') ?? '');
    assert.match(member.lastHtml, /You are subscribed to the newsletter\./);
    await member.post('/en/account/newsletter', { action: 'save', locale: 'fr', regions: 'asia' });
    await member.post('/en/account/newsletter', { action: 'pause' });
    stored = await row('member@city.example');
    assert.equal(stored?.locale, 'fr');
    assert.deepEqual(stored?.regions, ['asia']);
    assert.ok(stored?.paused_at);
    await member.post('/en/account/newsletter', { action: 'unsubscribe' });
    assert.equal((await row('member@city.example'))?.status, 'unsubscribed');

    assert.equal((await member.post('/en/account/newsletter', { action: 'pause', _csrf: '' })).status, 403);
    const anonymous = newVisitor(t);
    await anonymous.get('/en/newsletter/subscribe');
    assert.equal((await anonymous.post('/en/account/newsletter', { action: 'unsubscribe' })).status, 401);
  });
});

describe('personal data and housekeeping', () => {
  it('exports the subscription of the account’s address with its deliveries and erases it', async () => {
    await createMember(t, 'data@city.example', 'editor');
    const id = await userId(t, 'data@city.example');
    await confirmedSubscriber('DATA@city.example'.toLowerCase(), 'es');
    const subscriberId = (await row('data@city.example'))?.id as number;
    const edition = await db()
      .insertInto('newsletter_editions')
      .values({ number: 91, edition_date: '2026-11-30', audience: '{}', created_by: id, status: 'sent' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('newsletter_deliveries')
      .values({ edition_id: edition.id, subscriber_id: subscriberId, locale: 'es', status: 'sent', sent_at: new Date() })
      .execute();

    const exported = await db()
      .transaction()
      .execute((trx) => newsletterPersonalData.exportData(trx, id));
    const subscription = exported.newsletterSubscription as Record<string, unknown>;
    assert.equal(subscription.status, 'confirmed');
    assert.equal(subscription.language, 'es');
    assert.equal(subscription.consentVersion, CONSENT_VERSION);
    assert.deepEqual(
      (subscription.editionsDelivered as Array<Record<string, unknown>>).map((d) => [d.number, d.status]),
      [[91, 'sent']],
    );
    assert.deepEqual(
      (exported.newsletterEditionsCreated as Array<Record<string, unknown>>).map((e) => e.number),
      [91],
    );

    await db()
      .transaction()
      .execute((trx) => newsletterPersonalData.eraseData(trx, id, { baseUrl: 'http://localhost', mailFrom: 'x@localhost' }));
    assert.equal(await row('data@city.example'), undefined);
    const deliveries = await db().selectFrom('newsletter_deliveries').select('id').where('subscriber_id', '=', subscriberId).execute();
    assert.equal(deliveries.length, 0, 'deliveries go with the subscriber');
    const kept = await db().selectFrom('newsletter_editions').select('created_by').where('id', '=', edition.id).executeTakeFirstOrThrow();
    assert.equal(kept.created_by, null, 'the edition stays, without its creator');
  });

  it('neither exports nor erases the subscription of an address the account has not verified', async () => {
    // Someone registered with another person's address: the subscription is that person's, not theirs.
    await createMember(t, 'claimed@city.example');
    const id = await userId(t, 'claimed@city.example');
    await db().updateTable('users').set({ email_verified_at: null }).where('id', '=', id).execute();
    await confirmedSubscriber('claimed@city.example');
    const exported = await db()
      .transaction()
      .execute((trx) => newsletterPersonalData.exportData(trx, id));
    assert.equal(exported.newsletterSubscription, null);
    assert.ok(!JSON.stringify(exported).includes('claimed@city.example'));
    await db()
      .transaction()
      .execute((trx) => newsletterPersonalData.eraseData(trx, id, { baseUrl: 'http://localhost', mailFrom: 'x@localhost' }));
    assert.equal((await row('claimed@city.example'))?.status, 'confirmed', 'the subscription stays');
  });

  it(`deletes pending subscribers not confirmed within ${PENDING_DAYS} days, and nobody else`, async () => {
    const token = newSubscriberToken();
    const old = sql<Date>`now() - make_interval(days => ${PENDING_DAYS + 1})`;
    await db()
      .insertInto('newsletter_subscribers')
      .values({ email: 'stale@city.example', locale: 'en', token, confirmation_sent_at: old })
      .execute();
    await db()
      .insertInto('newsletter_subscribers')
      .values({ email: 'recent@city.example', locale: 'en', token: newSubscriberToken(), confirmation_sent_at: new Date() })
      .execute();
    await confirmedSubscriber('old-confirmed@city.example');
    await db().updateTable('newsletter_subscribers').set({ created_at: old }).where('email', '=', 'old-confirmed@city.example').execute();
    await deleteStalePendingSubscribers(db());
    assert.equal(await row('stale@city.example'), undefined);
    assert.ok(await row('recent@city.example'));
    assert.ok(await row('old-confirmed@city.example'));
  });
});
