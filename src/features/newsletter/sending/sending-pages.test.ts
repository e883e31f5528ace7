import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMember, signedIn } from '../../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import type { Visitor } from '../../../../tests/helpers/http.ts';
import { insertReadyEdition, insertSubscribers } from '../../../../tests/helpers/newsletter-sending.ts';
import { runDueJobs } from '../../../core/jobs/jobs.service.ts';
import { moduleServices } from '../../../modules.ts';
import { loadConfig } from '../../../platform/config.ts';
import { createLogger } from '../../../platform/log.ts';
import { findEditionById } from '../editions/editions.queries.ts';
import { claimDeliveries, countDeliveries } from './deliveries.queries.ts';
import { startScheduledSending } from './sending.service.ts';
import { sendingJobs } from './sending-jobs.service.ts';

// The editors' sending page: who may see it, the buttons (send now, schedule, pause, resume, cancel,
// send the uncertain ones), CSRF, and the worker's job that sends into the outbox without SMTP_URL.

let t: TestApp;
let editor: Visitor;
const page = (n: number) => `/en/editor/newsletter/${n}/sending`;

before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
  await createMember(t, 'editor@network.example', 'editor');
  await createMember(t, 'member@city.example');
  editor = await signedIn(t, 'editor@network.example');
  await insertSubscribers(t.database.db, [
    { email: 'one@reader.example', locale: 'de' },
    { email: 'two@reader.example', locale: 'ar' },
    { email: 'three@reader.example', locale: 'en' },
  ]);
});
after(() => t.close());

/** The worker, as `npm start` runs it: the newsletter's jobs with the outbox (no SMTP_URL). */
async function runWorker() {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const jobs = sendingJobs({ db: t.database.db, config, logger: createLogger('silent'), extensions: moduleServices.extensions });
  try {
    return await runDueJobs(t.database.db, jobs.handlers, { workerId: 'test' });
  } finally {
    jobs.close?.();
  }
}

describe('the sending page', () => {
  it('is for editors only, and its buttons need the CSRF token', async () => {
    const id = await insertReadyEdition(t.database.db, { number: 40, locales: ['en', 'de'] });
    const member = await signedIn(t, 'member@city.example');
    assert.equal((await member.get(page(40))).status, 403);
    assert.equal((await member.post(`${page(40)}/start`, {})).status, 403);
    assert.equal((await t.request(page(40))).status, 303, 'anonymous visitors are sent to sign in');
    assert.equal((await editor.get(page(404))).status, 404);
    const res = await editor.get(page(40));
    assert.equal(res.status, 200);
    assert.match(editor.lastHtml, /Send now/);
    assert.match(editor.lastHtml, /type="datetime-local"/);
    assert.equal((await editor.post(`${page(40)}/start`, { _csrf: 'forged' })).status, 403);
    assert.equal((await findEditionById(t.database.db, id))?.status, 'ready', 'nothing started without the token');
  });

  it('sends now: the worker’s job delivers every reader’s mail into the outbox, and the page shows the progress', async () => {
    await editor.get(page(40));
    const res = await editor.post(`${page(40)}/start`, {});
    assert.equal(res.headers.get('location'), `${page(40)}?notice=started`);
    await editor.get(res.headers.get('location') ?? '');
    assert.match(editor.lastHtml, /The send has started/);
    assert.match(editor.lastHtml, /<meta http-equiv="refresh" content="5"/, 'refreshes without JavaScript while sending');
    assert.match(editor.lastHtml, /Pause/);
    const report = await runWorker();
    assert.equal(report.failed, 0);
    const outbox = await t.database.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'headers'])
      .where('subject', 'like', 'Edition 40%')
      .execute();
    assert.deepEqual(outbox.map((m) => m.to_address).sort(), ['one@reader.example', 'three@reader.example', 'two@reader.example']);
    assert.equal(outbox.find((m) => m.to_address === 'one@reader.example')?.subject, 'Edition 40 de');
    assert.equal(outbox.find((m) => m.to_address === 'two@reader.example')?.subject, 'Edition 40 en', 'Arabic falls back to English');
    const headers = outbox[0]?.headers as Record<string, string>;
    assert.equal(headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
    await editor.get(page(40));
    assert.match(editor.lastHtml, /3 of 3 mails sent/);
    assert.match(editor.lastHtml, /This edition has been sent/);
    assert.equal((await editor.get('/ar/editor/newsletter/40/sending')).status, 200);
    assert.match(editor.lastHtml, /<html lang="ar" dir="rtl">/);
    assert.match(editor.lastHtml, /أُرسل هذا العدد/);
    assert.doesNotMatch(editor.lastHtml, /http-equiv="refresh"/);
    assert.doesNotMatch(editor.lastHtml, /reader\.example/, 'no address on the page');
  });

  it('refuses to send a draft', async () => {
    await insertReadyEdition(t.database.db, { number: 41, locales: ['en'], status: 'draft' });
    await editor.get(page(41));
    assert.doesNotMatch(editor.lastHtml, /Send now/);
    const res = await editor.post(`${page(41)}/start`, {});
    assert.equal(res.headers.get('location'), `${page(41)}?notice=notReady`);
    const edition = await t.database.db
      .selectFrom('newsletter_editions')
      .select(['id', 'status'])
      .where('number', '=', 41)
      .executeTakeFirstOrThrow();
    assert.equal(edition.status, 'draft');
    assert.equal((await countDeliveries(t.database.db, edition.id)).total, 0);
  });

  it('schedules a ready edition for a time in its time zone, and the job starts it only if still scheduled then', async () => {
    const id = await insertReadyEdition(t.database.db, { number: 42, locales: ['en'] });
    await editor.get(page(42));
    const past = await editor.post(`${page(42)}/schedule`, { at: '2020-01-01T09:00', timeZone: 'Africa/Tunis' });
    assert.equal(past.status, 422);
    assert.match(editor.lastHtml, /This time has passed/);
    assert.match(editor.lastHtml, /value="2020-01-01T09:00"/, 'what was typed is kept');
    const year = new Date().getUTCFullYear() + 1;
    const res = await editor.post(`${page(42)}/schedule`, { at: `${year}-03-02T09:30`, timeZone: 'Africa/Tunis' });
    assert.equal(res.headers.get('location'), `${page(42)}?notice=scheduled`);
    const edition = await findEditionById(t.database.db, id);
    assert.equal(edition?.status, 'scheduled');
    assert.equal(edition?.scheduled_at?.toISOString(), `${year}-03-02T08:30:00.000Z`, '09:30 in Tunis is 08:30 UTC');
    assert.equal(edition?.time_zone, 'Africa/Tunis');
    const job = await t.database.db
      .selectFrom('jobs')
      .select(['run_at', 'payload'])
      .where('kind', '=', 'newsletter-start')
      .executeTakeFirstOrThrow();
    assert.equal(job.run_at.toISOString(), `${year}-03-02T08:30:00.000Z`);
    assert.equal(await startScheduledSending(t.database.db, id, new Date(`${year}-03-02T08:00:00Z`)), null, 'another time: nothing starts');
    const started = await startScheduledSending(t.database.db, id, new Date(`${year}-03-02T08:30:00.000Z`));
    assert.deepEqual(started, { ok: true, recipients: 3 });
  });

  it('pauses, resumes and cancels from the page', async () => {
    await editor.get(page(42));
    assert.equal((await editor.post(`${page(42)}/pause`, {})).headers.get('location'), `${page(42)}?notice=paused`);
    await editor.get(page(42));
    assert.match(editor.lastHtml, /Resume/);
    assert.equal((await editor.post(`${page(42)}/resume`, {})).headers.get('location'), `${page(42)}?notice=resumed`);
    await editor.get(page(42));
    assert.equal((await editor.post(`${page(42)}/cancel`, {})).headers.get('location'), `${page(42)}?notice=cancelled`);
    const edition = await t.database.db
      .selectFrom('newsletter_editions')
      .select(['id', 'status'])
      .where('number', '=', 42)
      .executeTakeFirstOrThrow();
    assert.equal(edition.status, 'cancelled');
    assert.deepEqual(
      { ...(await countDeliveries(t.database.db, edition.id)) },
      { queued: 0, sending: 0, sent: 0, failed: 0, uncertain: 0, cancelled: 3, total: 3 },
    );
  });

  it('shows uncertain deliveries with a button that sends exactly those, deliberately', async () => {
    const id = await insertReadyEdition(t.database.db, { number: 43, locales: ['en'] });
    await editor.get(page(43));
    await editor.post(`${page(43)}/start`, {});
    // A sender claimed two and died (no heartbeat): the worker finds them uncertain and sends the rest.
    await claimDeliveries(t.database.db, id, 'crashed-sender', 2);
    await runWorker();
    assert.deepEqual([(await countDeliveries(t.database.db, id)).sent, (await countDeliveries(t.database.db, id)).uncertain], [1, 2]);
    await editor.get(page(43));
    assert.match(editor.lastHtml, /2 deliveries are uncertain/);
    assert.match(editor.lastHtml, /Send these 2/);
    const stale = await editor.post(`${page(43)}/uncertain`, { count: '5' });
    assert.equal(stale.headers.get('location'), `${page(43)}?notice=changed`);
    await editor.get(page(43));
    const res = await editor.post(`${page(43)}/uncertain`, { count: '2' });
    assert.equal(res.headers.get('location'), `${page(43)}?notice=requeued`);
    await runWorker();
    const counts = await countDeliveries(t.database.db, id);
    assert.equal(counts.sent, 3);
    assert.equal(counts.uncertain, 0);
    const mails = await t.database.db.selectFrom('mail_outbox').select('to_address').where('subject', '=', 'Edition 43 en').execute();
    assert.equal(mails.length, 3, 'each reader once');
    assert.equal((await findEditionById(t.database.db, id))?.status, 'sent');
  });
  it('puts a ready edition sent elsewhere into the public archive on its date, without a mail', async () => {
    const id = await insertReadyEdition(t.database.db, { number: 45, locales: ['en'] });
    await editor.get(page(45));
    assert.match(editor.lastHtml, /Put in the archive without sending/);
    const res = await editor.post(`${page(45)}/archive`, {});
    assert.equal(res.headers.get('location'), `${page(45)}?notice=archived`);
    const edition = await findEditionById(t.database.db, id);
    assert.equal(edition?.status, 'sent');
    assert.equal(edition?.sent_at?.toISOString().slice(0, 10), edition?.edition_date);
    assert.equal((await countDeliveries(t.database.db, id)).total, 0, 'nobody was mailed');
    assert.equal((await t.request('/en/newsletter/45')).status, 200, 'its page is public');
    assert.equal((await editor.post(`${page(45)}/archive`, {})).headers.get('location'), `${page(45)}?notice=unchanged`);
  });

  it('in production, starts and schedules nothing until the network’s postal address is configured', async () => {
    const prod = await createTestApp({ seed: 'taxonomy', env: { NODE_ENV: 'production', SESSION_SECRET: 'p'.repeat(40) } });
    try {
      await createMember(prod, 'editor@network.example', 'editor');
      const id = await insertReadyEdition(prod.database.db, { number: 50, locales: ['en'] });
      const prodEditor = await signedIn(prod, 'editor@network.example');
      for (const button of ['start', 'schedule']) {
        const res = await prodEditor.post(`${page(50)}/${button}`, { at: '2031-01-01T09:00', timeZone: 'Europe/Berlin' });
        assert.equal(res.headers.get('location'), `${page(50)}?notice=noPostalAddress`, button);
      }
      await prodEditor.get(`${page(50)}?notice=noPostalAddress`);
      assert.match(prodEditor.lastHtml, /POSTAL_ADDRESS/);
      assert.equal((await findEditionById(prod.database.db, id))?.status, 'ready');
    } finally {
      await prod.close();
    }
  });
});
