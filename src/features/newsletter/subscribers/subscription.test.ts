import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newVisitor } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { ADDRESS } from '../../../../tests/helpers/contact.ts';
import { linkIn, mailsTo } from '../../../../tests/helpers/mail.ts';
import { CONSENT_VERSION } from '../newsletter.model.ts';
import { deleteStalePendingSubscribers } from './subscription.service.ts';

// Subscribing with double opt-in: only the Confirm button's POST confirms, an address already on the
// list is never revealed, bad input is answered next to the field, and both limits hold.

let t: TestApp;
before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true', BASE_URL: 'http://localhost' } });
});
after(() => t.close());

/** What a browser adds to a form it posts to the page's own site (Fetch Metadata). */
const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' };

const subscriber = (email: string) =>
  t.database.db.selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirst();

const fields = (email: string, overrides: Record<string, string | string[]> = {}) => ({
  email,
  locale: 'de',
  themes: ['municipal-services', 'local-economic-development'],
  regions: 'mena',
  consent: 'yes',
  ...overrides,
});

/** Subscribes from the full form; answers with the redirect and the mails the address got. */
async function subscribe(email: string, overrides: Record<string, string | string[]> = {}, path = '/en/newsletter/subscribe') {
  const v = newVisitor(t);
  await v.get(path);
  const res = await v.post('/en/newsletter/subscribe', fields(email, overrides));
  return { v, res };
}

describe('subscribing with double opt-in', () => {
  it('records a pending subscriber and mails a confirmation in the chosen language; only the POST confirms', async () => {
    const { v, res } = await subscribe('Lina@City.example');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/en/newsletter/subscribe/check-inbox');
    await v.get('/en/newsletter/subscribe/check-inbox');
    assert.match(v.lastHtml, /Please check your inbox/);
    assert.doesNotMatch(v.lastHtml.replace(/<footer[\s\S]*<\/footer>/, ''), ADDRESS);

    const row = await subscriber('lina@city.example');
    assert.ok(row, 'stored in lower case');
    assert.equal(row.status, 'pending');
    assert.equal(row.locale, 'de');
    assert.deepEqual([...row.themes].sort(), ['local-economic-development', 'municipal-services']);
    assert.deepEqual(row.regions, ['mena']);
    assert.equal(row.consented_at, null);
    assert.match(row.token, /^[A-Za-z0-9_-]{43}$/);
    assert.ok(!Object.keys(row).some((k) => /ip/.test(k)), 'no IP address column');

    const [mail] = await mailsTo(t.database.db, 'lina@city.example');
    assert.ok(mail);
    assert.equal(mail.subject, 'Bitte bestätigen Sie Ihr Abonnement des Peerpolis-Newsletters');
    const confirm = linkIn(mail.text_body, `/de/newsletter/confirm/${row.token}`);

    // A mail scanner follows the link: nothing is confirmed.
    const scanner = newVisitor(t);
    const page = await scanner.get(confirm);
    assert.equal(page.status, 200);
    assert.match(scanner.lastHtml, /<button type="submit" class="button">Bestätigen<\/button>/);
    assert.equal(page.headers.get('cache-control'), 'private, no-store');
    assert.equal((await subscriber('lina@city.example'))?.status, 'pending');

    const confirmed = await scanner.post(confirm, {});
    assert.equal(confirmed.status, 200);
    assert.match(scanner.lastHtml, /Vielen Dank, Ihr Abonnement ist bestätigt/);
    assert.ok(scanner.lastHtml.includes(`/de/newsletter/preferences/${row.token}`));
    const after = await subscriber('lina@city.example');
    assert.equal(after?.status, 'confirmed');
    assert.ok(after?.confirmed_at && after.consented_at);
    // The consent text's version and the privacy notice's (network's page) it links to.
    assert.match(after?.consent_version ?? '', new RegExp(`^${CONSENT_VERSION}; privacy notice \\d{4}-\\d{2}-\\d{2}T`));
  });

  it('refuses the Confirm button without its CSRF token', async () => {
    await subscribe('csrf@city.example');
    const row = await subscriber('csrf@city.example');
    const v = newVisitor(t);
    await v.get(`/en/newsletter/confirm/${row?.token}`);
    const res = await v.post(`/en/newsletter/confirm/${row?.token}`, { _csrf: '' });
    assert.equal(res.status, 403);
    assert.equal((await subscriber('csrf@city.example'))?.status, 'pending');
    const form = newVisitor(t);
    await form.get('/en/newsletter/subscribe');
    assert.equal((await form.post('/en/newsletter/subscribe', { ...fields('nocsrf@city.example'), _csrf: 'forged' })).status, 403);
    assert.equal(await subscriber('nocsrf@city.example'), undefined);
  });

  it('answers an address already subscribed exactly as a new one, and mails its owner instead', async () => {
    const owner = 'known@city.example';
    await subscribe(owner);
    const row = await subscriber(owner);
    await t.database.db
      .updateTable('newsletter_subscribers')
      .set({ status: 'confirmed', locale: 'fr' })
      .where('id', '=', row?.id as number)
      .execute();
    const fresh = await subscribe('stranger@city.example');
    const known = await subscribe(owner.toUpperCase(), { locale: 'en', themes: [] });
    assert.equal(known.res.status, fresh.res.status);
    assert.equal(known.res.headers.get('location'), fresh.res.headers.get('location'));
    await known.v.get(known.res.headers.get('location') ?? '');
    await fresh.v.get(fresh.res.headers.get('location') ?? '');
    const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    assert.equal(main(known.v.lastHtml), main(fresh.v.lastHtml), 'the same page, word for word');
    const after = await subscriber(owner);
    assert.equal(after?.status, 'confirmed');
    assert.equal(after?.locale, 'fr', 'a stranger changes nothing of a confirmed subscription');
    // Delivery order is not queue order on PostgreSQL: mails are found by their subject.
    const mails = await mailsTo(t.database.db, owner);
    const last = mails.find((m) => m.subject === 'Vous êtes déjà abonné à la lettre d’information de Peerpolis');
    assert.equal(mails.length, 2);
    assert.ok(last);
    assert.ok(last?.text_body.includes(`http://localhost/fr/newsletter/preferences/${row?.token}`));
    assert.ok(!last?.text_body.includes('/newsletter/confirm/'), 'no confirmation link: it is confirmed');
  });

  it('sends a pending address a new confirmation, and asks an unsubscribed one to confirm again', async () => {
    await subscribe('again@city.example');
    await subscribe('again@city.example', { locale: 'es' });
    const pending = await subscriber('again@city.example');
    assert.equal(pending?.locale, 'es', 'the newest wishes count while pending');
    const mails = await mailsTo(t.database.db, 'again@city.example');
    assert.equal(mails.length, 2);
    const spanish = mails.find((m) => m.subject === 'Por favor, confirme su suscripción al boletín de Peerpolis');
    assert.ok(spanish, 'the second confirmation is in the language chosen last');
    for (const mail of mails) assert.ok(mail.text_body.includes(`/newsletter/confirm/${pending?.token}`), 'one token per subscriber');

    await t.database.db
      .updateTable('newsletter_subscribers')
      .set({ status: 'unsubscribed', unsubscribed_at: new Date() })
      .where('email', '=', 'again@city.example')
      .execute();
    // The old confirmation link no longer confirms an ended subscription.
    const v = newVisitor(t);
    await v.get(`/en/newsletter/confirm/${pending?.token}`);
    assert.match(v.lastHtml, /This link is no longer valid/);
    // As a browser would send it (the page has no form: a kept page carries no token, ADR 015).
    assert.equal((await v.post(`/en/newsletter/confirm/${pending?.token}`, {}, SAME_ORIGIN)).status, 410);
    assert.equal((await subscriber('again@city.example'))?.status, 'unsubscribed');

    // A form post is no consent: the address stays unsubscribed (its record kept) until the new mail is confirmed.
    await subscribe('again@city.example', { locale: 'ar', themes: ['municipal-services'] });
    const asked = await subscriber('again@city.example');
    assert.equal(asked?.status, 'unsubscribed');
    assert.equal(asked?.locale, 'ar');
    assert.deepEqual(asked?.themes, ['municipal-services']);
    assert.ok(asked?.unsubscribed_at && asked.confirmation_sent_at && asked.confirmation_sent_at > asked.unsubscribed_at);
    const arabic = (await mailsTo(t.database.db, 'again@city.example')).filter(
      (m) => m.subject === 'يرجى تأكيد اشتراكك في النشرة الإخبارية لـ Peerpolis',
    );
    assert.equal(arabic.length, 1, 'a new confirmation is asked for');
    await deleteStalePendingSubscribers(t.database.db);
    assert.ok(await subscriber('again@city.example'), 'housekeeping keeps it');
    await v.get(`/en/newsletter/confirm/${pending?.token}`);
    assert.doesNotMatch(v.lastHtml, /This link is no longer valid/);
    assert.equal((await v.post(`/en/newsletter/confirm/${pending?.token}`, {})).status, 200);
    const confirmed = await subscriber('again@city.example');
    assert.equal(confirmed?.status, 'confirmed');
    // The consent text's version and the privacy notice's (network's page) it links to.
    assert.match(confirmed?.consent_version ?? '', new RegExp(`^${CONSENT_VERSION}; privacy notice \\d{4}-\\d{2}-\\d{2}T`));
  });

  it('lets a bounced address ask again within the per-address limit, confirmed only by the new link', async () => {
    const email = 'bounced@city.example';
    await subscribe(email);
    const day = 24 * 60 * 60 * 1000;
    await t.database.db
      .updateTable('newsletter_subscribers')
      .set({ status: 'bounced', bounced_at: new Date(Date.now() - day), confirmation_sent_at: new Date(Date.now() - 2 * day) })
      .where('email', '=', email)
      .execute();
    const row = await subscriber(email);
    const v = newVisitor(t);
    await v.get(`/en/newsletter/confirm/${row?.token}`);
    assert.match(v.lastHtml, /This link is no longer valid/);
    assert.equal((await v.post(`/en/newsletter/confirm/${row?.token}`, {}, SAME_ORIGIN)).status, 410, 'not without a new request');
    for (let i = 0; i < 2; i++) assert.equal((await subscribe(email)).res.status, 303);
    assert.equal((await subscribe(email)).res.status, 429, 'three requests an hour, the first one included');
    assert.equal((await subscriber(email))?.status, 'bounced');
    assert.equal((await mailsTo(t.database.db, email)).length, 3);
    await v.get(`/en/newsletter/confirm/${row?.token}`);
    assert.equal((await v.post(`/en/newsletter/confirm/${row?.token}`, {})).status, 200);
    assert.equal((await subscriber(email))?.status, 'confirmed');
  });

  it('counts case variants of an address against one limit', async () => {
    for (const email of ['Case@city.example', 'CASE@city.example', 'case@CITY.example'])
      assert.equal((await subscribe(email)).res.status, 303, email);
    assert.equal((await subscribe('cAsE@city.example')).res.status, 429);
    assert.equal((await mailsTo(t.database.db, 'case@city.example')).length, 3);
  });

  it('shows every problem next to its field in the page’s language, keeping what was typed', async () => {
    const v = newVisitor(t);
    await v.get('/fr/newsletter/subscribe');
    let res = await v.post(
      '/fr/newsletter/subscribe',
      fields('lina-at-city', { consent: '', locale: 'xx', themes: ['municipal-services', 'atlantis'] }),
    );
    assert.equal(res.status, 422);
    assert.match(v.lastHtml, /<html lang="fr"/);
    assert.match(v.lastHtml, /class="error-summary"/);
    assert.match(v.lastHtml, /Veuillez saisir une adresse e-mail comme nom@example\.org\./);
    assert.match(v.lastHtml, /Veuillez choisir l’une des langues proposées\./);
    assert.match(v.lastHtml, /Veuillez choisir uniquement parmi les options proposées\./);
    assert.match(v.lastHtml, /Veuillez accepter de recevoir la lettre d’information\./);
    assert.match(v.lastHtml, /id="field-email" name="email" type="email" value="lina-at-city"/);
    assert.match(v.lastHtml, /id="field-themes-municipal-services" name="themes" value="municipal-services" checked=""/);
    assert.match(v.lastHtml, /<details class="subscribe-interests" open="">/, 'the interests stay open when some were ticked');
    assert.equal(await subscriber('lina-at-city'), undefined);

    const long = `${'a'.repeat(250)}@city.example`;
    res = await v.post('/fr/newsletter/subscribe', fields(long));
    assert.equal(res.status, 422);
    assert.match(v.lastHtml, /Une adresse e-mail compte au plus 254 caractères\./);
    assert.ok(v.lastHtml.includes(`value="${long}"`));
    assert.match(v.lastHtml, /<option value="de" selected="">allemand<\/option>/, 'the language chosen stays chosen');

    // The footer's short form posts here too; its mistakes come back on the full form.
    await v.get('/es/');
    res = await v.post('/es/newsletter/subscribe', { email: '', locale: 'es', source: 'footer' });
    assert.equal(res.status, 422);
    assert.match(v.lastHtml, /Por favor, rellene este campo\./);
    assert.match(v.lastHtml, /Por favor, acepte recibir el boletín\./);
  });

  it('limits requests per address (3 an hour) and per IP address (20 an hour), with a localized 429 keeping the input', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await subscribe('busy@city.example')).res.status, 303);
    const v = newVisitor(t);
    await v.get('/de/newsletter/subscribe');
    const res = await v.post('/de/newsletter/subscribe', fields('busy@city.example'));
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) > 0);
    assert.match(
      v.lastHtml,
      /Für diese Adresse oder von Ihrer Verbindung kamen viele Anfragen\. Bitte versuchen Sie es in \d+ Minuten? erneut/,
    );
    assert.match(v.lastHtml, /value="busy@city\.example"/);
    assert.equal((await mailsTo(t.database.db, 'busy@city.example')).length, 3);

    const crowd = newVisitor(t);
    await crowd.get('/en/newsletter/subscribe');
    for (let i = 0; i < 20; i++)
      assert.equal((await crowd.post('/en/newsletter/subscribe', fields(`person${i}@crowd.example`))).status, 303);
    assert.equal((await crowd.post('/en/newsletter/subscribe', fields('person20@crowd.example'))).status, 429);
    assert.equal(await subscriber('person20@crowd.example'), undefined);
  });

  it('limits confirmations per link (10 an hour), with a localized 429 that still offers the button', async () => {
    await subscribe('presser@city.example');
    const row = await subscriber('presser@city.example');
    const v = newVisitor(t);
    await v.get(`/fr/newsletter/confirm/${row?.token}`);
    for (let i = 0; i < 10; i++) assert.equal((await v.post(`/fr/newsletter/confirm/${row?.token}`, {})).status, 200);
    const res = await v.post(`/fr/newsletter/confirm/${row?.token}`, {});
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) > 0);
    assert.match(v.lastHtml, /Trop de confirmations sont venues de votre connexion ou pour ce lien/);
    assert.equal((await subscriber('presser@city.example'))?.status, 'confirmed', 'the first press confirmed');
  });

  it('puts the short form in every page’s footer (address, language, consent), without interests', async () => {
    const v = newVisitor(t);
    for (const page of ['/en/', '/ar/about', '/de/newsletter/subscribe']) {
      await v.get(page);
      const footer = v.lastHtml.slice(v.lastHtml.indexOf('<footer'));
      assert.match(footer, /<form method="post" action="\/(en|ar|de)\/newsletter\/subscribe" class="subscribe-form subscribe-footer">/);
      assert.match(footer, /id="footer-subscribe-email"/);
      assert.match(footer, /id="footer-subscribe-consent"/);
      assert.match(footer, /href="\/(en|ar|de)\/privacy"/);
      assert.doesNotMatch(footer, /name="themes"/);
    }
    await v.get('/ar/');
    assert.match(v.lastHtml, /<option value="ar" selected="">العربية<\/option>/, 'the page’s language is the default');
  });
});
