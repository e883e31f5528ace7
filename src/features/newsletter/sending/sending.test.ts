import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../../tests/helpers/db.ts';
import {
  headerOf,
  insertReadyEdition,
  insertSubscribers,
  type ReceivedMail,
  startTestSmtp,
  type TestSmtp,
} from '../../../../tests/helpers/newsletter-sending.ts';
import type { DatabaseHandle } from '../../../platform/db/client.ts';
import { createMetrics } from '../../../platform/metrics.ts';
import { findEditionById } from '../editions/editions.queries.ts';
import { TOKEN_SLOT } from '../newsletter.model.ts';
import { renderEditionMail } from '../render/edition-mail.service.ts';
import { claimDeliveries, countDeliveries } from './deliveries.queries.ts';
import { createNewsletterTransport, type NewsletterTransport } from './newsletter-transport.service.ts';
import { runSender, type SenderOptions } from './sender.service.ts';
import { cancelSending, pauseSending, resendUncertain, resumeSending, startSending } from './sending.service.ts';

// The sending engine against a real SMTP server on 127.0.0.1: one delivery per reader, the right
// language, the RFC 8058 headers, retries of 451, failures on 550, exactly once across a crash,
// pause, resume and cancel, and two senders at once.

let handle: DatabaseHandle;
let smtp: TestSmtp;
let transport: NewsletterTransport;
const BASE = 'http://localhost:3000';

before(async () => {
  handle = await createTestDatabase({ seed: 'none' });
  smtp = await startTestSmtp();
  transport = createNewsletterTransport({
    db: handle.db,
    smtpUrl: smtp.url,
    from: 'News <news@peerpolis.test>',
    connections: 3,
    rate: 5000,
  });
});
after(async () => {
  transport.close();
  await smtp.close();
  await handle.close();
});

const send = (editionId: number, extra: Partial<SenderOptions> = {}) =>
  runSender({
    db: handle.db,
    engine: handle.engine,
    transport,
    render: renderEditionMail,
    sources: new Map(),
    baseUrl: BASE,
    postalAddress: 'Friedrich-Ebert-Allee 1, Bonn',
    unsubscribeMailto: 'unsubscribe@peerpolis.test',
    editionId,
    waitForRetries: true,
    retryDelay: () => 0,
    batchSize: 7,
    concurrency: 4,
    ...extra,
  });

const mailsOf = (edition: number): ReceivedMail[] => smtp.received.filter((m) => m.messageId.startsWith(`<newsletter-${edition}-`));
const copiesPerAddress = (mails: ReceivedMail[]) => {
  const counts = new Map<string, number>();
  for (const m of mails) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
  return counts;
};
const people = (prefix: string, n: number, locale = 'en') =>
  Array.from({ length: n }, (_, i) => ({ email: `${prefix}${i}@x.example`, locale }));

describe('newsletter sending', () => {
  it('creates one delivery per confirmed, not paused reader of the audience, and starts only once', async () => {
    await insertSubscribers(handle.db, [
      { email: 'water@a.example', locale: 'de', themes: ['water'] },
      { email: 'energy@a.example', locale: 'de', themes: ['energy'] },
      { email: 'all@a.example', locale: 'fr' },
      { email: 'paused@a.example', locale: 'de', paused: true },
      { email: 'pending@a.example', locale: 'de', status: 'pending' },
      { email: 'gone@a.example', locale: 'de', status: 'unsubscribed' },
    ]);
    const id = await insertReadyEdition(handle.db, { number: 1, locales: ['en', 'de'], audience: { themes: ['water'] } });
    const started = await startSending(handle.db, id);
    assert.deepEqual(started, { ok: true, recipients: 2 });
    const rows = await handle.db
      .selectFrom('newsletter_deliveries as d')
      .innerJoin('newsletter_subscribers as s', 's.id', 'd.subscriber_id')
      .select(['s.email', 'd.locale', 'd.status'])
      .where('d.edition_id', '=', id)
      .orderBy('s.email')
      .execute();
    assert.deepEqual(rows, [
      { email: 'all@a.example', locale: 'fr', status: 'queued' },
      { email: 'water@a.example', locale: 'de', status: 'queued' },
    ]);
    assert.equal((await findEditionById(handle.db, id))?.status, 'sending');
    assert.deepEqual(await startSending(handle.db, id), { ok: false, reason: 'not-ready' }, 'a second start is refused');
    const draft = await insertReadyEdition(handle.db, { number: 2, locales: ['en'], status: 'draft' });
    assert.deepEqual(await startSending(handle.db, draft), { ok: false, reason: 'not-ready' });
    await cancelSending(handle.db, id);
  });

  it('sends each reader the version in their language (with fallback) and the one-click unsubscribe headers', async () => {
    await insertSubscribers(handle.db, [
      { email: 'l-en@b.example', locale: 'en' },
      { email: 'l-de@b.example', locale: 'de' },
      { email: 'l-fr@b.example', locale: 'fr' },
      { email: 'l-ar@b.example', locale: 'ar' },
      { email: 'l-es@b.example', locale: 'es' },
    ]);
    const id = await insertReadyEdition(handle.db, { number: 3, locales: ['en', 'de', 'ar'], audience: { locales: [] } });
    await handle.db.updateTable('newsletter_subscribers').set({ paused_at: new Date() }).where('email', 'like', '%@a.example').execute();
    assert.equal((await startSending(handle.db, id)).ok, true);
    assert.equal((await send(id)).outcome, 'done');
    const mails = mailsOf(3);
    const subjectTo = (to: string) => mails.find((m) => m.to === to)?.subject;
    assert.equal(subjectTo('l-en@b.example'), 'Edition 3 en');
    assert.equal(subjectTo('l-de@b.example'), 'Edition 3 de');
    assert.equal(subjectTo('l-fr@b.example'), 'Edition 3 en', 'French falls back to English');
    assert.equal(subjectTo('l-es@b.example'), 'Edition 3 en');
    assert.match(subjectTo('l-ar@b.example') ?? '', /^=\?UTF-8\?|^Edition 3 ar$/);
    const ar = mails.find((m) => m.to === 'l-ar@b.example');
    assert.match(ar?.decoded ?? '', /<html lang="ar" dir="rtl"/);
    assert.ok(ar?.decoded.includes('Editorial in ar.'), 'the Arabic version’s own text');
    const token = await handle.db
      .selectFrom('newsletter_subscribers')
      .select('token')
      .where('email', '=', 'l-de@b.example')
      .executeTakeFirstOrThrow();
    const de = mails.find((m) => m.to === 'l-de@b.example')?.decoded ?? '';
    assert.equal(
      headerOf(de, 'List-Unsubscribe'),
      `<${BASE}/newsletter/unsubscribe/${token.token}>, <mailto:unsubscribe@peerpolis.test?subject=unsubscribe>`,
    );
    assert.equal(headerOf(de, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
    assert.equal(headerOf(de, 'List-Id'), 'Newsletter <newsletter.localhost>');
    assert.equal(headerOf(de, 'Precedence'), 'bulk');
    assert.ok(de.includes(`/de/newsletter/preferences/${token.token}`), 'the personal links carry the reader’s token');
    assert.ok(!mails.some((m) => m.raw.includes(TOKEN_SLOT)), 'no slot is left in any mail');
    const edition = await findEditionById(handle.db, id);
    assert.equal(edition?.status, 'sent');
    assert.ok(edition?.sent_at);
  });

  it('after a sender dies between claiming and marking, its deliveries are uncertain, never re-sent, and everyone else gets exactly one', async () => {
    await insertSubscribers(handle.db, people('crash', 20));
    await handle.db.updateTable('newsletter_subscribers').set({ paused_at: new Date() }).where('email', 'like', '%@b.example').execute();
    const id = await insertReadyEdition(handle.db, { number: 4, locales: ['en'] });
    assert.deepEqual(await startSending(handle.db, id), { ok: true, recipients: 20 });
    // The dead sender: it claimed five, its heartbeat stopped an hour ago, and it never marked them.
    const claimed = await claimDeliveries(handle.db, id, 'dead-sender', 5);
    await sql`insert into newsletter_senders (sender_id, seen_at) values ('dead-sender', now() - interval '1 hour')`.execute(handle.db);
    assert.equal((await send(id)).outcome, 'done');
    const counts = await countDeliveries(handle.db, id);
    assert.equal(counts.uncertain, 5);
    assert.equal(counts.sent, 15);
    const first = copiesPerAddress(mailsOf(4));
    assert.equal(first.size, 15);
    assert.ok(
      [...first.values()].every((n) => n === 1),
      'nobody got it twice',
    );
    for (const d of claimed) assert.ok(!first.has(d.email), 'an uncertain delivery was not sent by itself');
    // Another run changes nothing: uncertain stays uncertain.
    assert.equal((await send(id)).outcome, 'stopped');
    assert.equal(mailsOf(4).length, 15);

    // The editor's deliberate button.
    assert.equal(await resendUncertain(handle.db, id), 5);
    assert.equal((await findEditionById(handle.db, id))?.status, 'sending');
    assert.equal((await send(id)).outcome, 'done');
    const all = copiesPerAddress(mailsOf(4));
    assert.equal(all.size, 20);
    assert.ok([...all.values()].every((n) => n === 1));
    assert.equal((await countDeliveries(handle.db, id)).sent, 20);
    assert.equal((await findEditionById(handle.db, id))?.status, 'sent');
  });

  it('retries 451 answers with back-off until accepted, and marks a 550 failed without the address', async () => {
    await insertSubscribers(handle.db, people('retry', 6));
    await handle.db.updateTable('newsletter_subscribers').set({ paused_at: new Date() }).where('email', 'like', 'crash%').execute();
    smtp.deferNext('retry0@x.example', 2);
    smtp.deferNext('retry1@x.example', 1);
    smtp.reject('retry2@x.example');
    smtp.deferNext('retry3@x.example', 10);
    const id = await insertReadyEdition(handle.db, { number: 5, locales: ['en'] });
    await startSending(handle.db, id);
    const metrics = createMetrics();
    assert.equal((await send(id, { maxAttempts: 4, metrics })).outcome, 'done');
    const rows = await handle.db
      .selectFrom('newsletter_deliveries as d')
      .innerJoin('newsletter_subscribers as s', 's.id', 'd.subscriber_id')
      .select(['s.email', 'd.status', 'd.attempts', 'd.error'])
      .where('d.edition_id', '=', id)
      .orderBy('s.email')
      .execute();
    const row = (email: string) => rows.find((r) => r.email === email);
    assert.equal(row('retry0@x.example')?.status, 'sent');
    assert.equal(row('retry0@x.example')?.attempts, 2, 'two 451 answers, then accepted');
    assert.equal(row('retry1@x.example')?.status, 'sent');
    assert.equal(row('retry2@x.example')?.status, 'failed');
    assert.match(row('retry2@x.example')?.error ?? '', /550|mailbox unknown/);
    assert.doesNotMatch(row('retry2@x.example')?.error ?? '', /@/, 'no address in the stored error');
    assert.equal(row('retry3@x.example')?.status, 'failed', 'a transient error that never ends fails after the last attempt');
    assert.equal(row('retry3@x.example')?.attempts, 4);
    assert.equal(copiesPerAddress(mailsOf(5)).get('retry0@x.example'), 1);
    assert.equal(mailsOf(5).length, 4);
    // For /metrics: every delivery accepted, and every attempt refused (2 + 1 + 1 + 4).
    const text = await metrics.render(null);
    assert.match(text, /^peerpolis_mail_total\{channel="newsletter",outcome="sent"\} 4$/m);
    assert.match(text, /^peerpolis_mail_total\{channel="newsletter",outcome="failed"\} 8$/m);
  });

  it('pauses, resumes and cancels while sending', async () => {
    await insertSubscribers(handle.db, people('pause', 30));
    await handle.db.updateTable('newsletter_subscribers').set({ paused_at: new Date() }).where('email', 'like', 'retry%').execute();
    const id = await insertReadyEdition(handle.db, { number: 6, locales: ['en'] });
    await startSending(handle.db, id);
    // The editor presses Pause while the third mail is on its way.
    let handed = 0;
    const pausing: NewsletterTransport = {
      ...transport,
      send: async (mail) => {
        if (++handed === 3) await pauseSending(handle.db, id);
        await transport.send(mail);
      },
    };
    assert.equal((await send(id, { transport: pausing })).outcome, 'paused');
    let counts = await countDeliveries(handle.db, id);
    assert.ok(counts.sent >= 3 && counts.sent < 30, `some sent before the pause (${counts.sent})`);
    assert.equal(counts.sending, 0, 'nothing is left in a sender’s hands');
    assert.equal(counts.sent + counts.queued, 30);
    assert.equal((await send(id)).outcome, 'paused', 'a paused send gives nothing out');
    assert.equal((await countDeliveries(handle.db, id)).sent, counts.sent);

    assert.equal(await resumeSending(handle.db, id), true);
    handed = 0;
    const cancelling: NewsletterTransport = {
      ...transport,
      send: async (mail) => {
        if (++handed === 2) await cancelSending(handle.db, id);
        await transport.send(mail);
      },
    };
    assert.equal((await send(id, { transport: cancelling })).outcome, 'cancelled');
    counts = await countDeliveries(handle.db, id);
    assert.equal(counts.queued + counts.sending, 0);
    assert.ok(counts.cancelled > 0);
    assert.equal(counts.sent + counts.cancelled, 30);
    assert.equal(mailsOf(6).length, counts.sent);
    assert.equal((await findEditionById(handle.db, id))?.status, 'cancelled');
    assert.equal(await resumeSending(handle.db, id), false, 'a cancelled send stays cancelled');
  });

  it('two senders at once send every mail exactly once', async () => {
    await insertSubscribers(handle.db, people('pair', 80));
    await handle.db.updateTable('newsletter_subscribers').set({ paused_at: new Date() }).where('email', 'like', 'pause%').execute();
    const id = await insertReadyEdition(handle.db, { number: 7, locales: ['en'] });
    assert.deepEqual(await startSending(handle.db, id), { ok: true, recipients: 80 });
    const other = createNewsletterTransport({ db: handle.db, smtpUrl: smtp.url, from: 'n@peerpolis.test', connections: 2, rate: 5000 });
    const [a, b] = await Promise.all([send(id, { batchSize: 5 }), send(id, { batchSize: 5, transport: other })]);
    other.close();
    assert.ok(a.outcome === 'done' || b.outcome === 'done');
    const copies = copiesPerAddress(mailsOf(7));
    assert.equal(copies.size, 80);
    assert.ok(
      [...copies.values()].every((n) => n === 1),
      'no duplicate',
    );
    const counts = await countDeliveries(handle.db, id);
    assert.equal(counts.sent, 80);
    assert.equal(counts.uncertain, 0, 'a live sender’s deliveries are never taken for a dead one’s');
  });
});
