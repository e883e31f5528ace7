import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../../tests/helpers/db.ts';
import { insertReadyEdition, insertSubscribers, startTestSmtp, type TestSmtp } from '../../../../tests/helpers/newsletter-sending.ts';
import { moduleServices } from '../../../modules.ts';
import { loadConfig } from '../../../platform/config.ts';
import type { DatabaseHandle } from '../../../platform/db/client.ts';
import { getI18n } from '../../../platform/i18n/i18n.ts';
import { createLogger } from '../../../platform/log.ts';
import { findEditionById } from '../editions/editions.queries.ts';
import newsletter from '../index.ts';
import { SECTION_KINDS } from '../newsletter.model.ts';
import { renderEditionMail } from '../render/edition-mail.service.ts';
import { claimDeliveries, countDeliveries } from './deliveries.queries.ts';
import { smtpFailureKind } from './delivery.model.ts';
import { createNewsletterTransport, type NewsletterTransport } from './newsletter-transport.service.ts';
import { runSender, type SenderOptions, sentMarker } from './sender.service.ts';
import { NEWSLETTER_SEND_JOB, resendUncertain, resumeStalledSends, startSending } from './sending.service.ts';
import { startedSendingJobs } from './sending-jobs.service.ts';

// What a send must survive: readers who leave while it runs, readers whose language the edition is
// not written in, a worker killed mid-send, a failed write of the sent marks, and a connection that
// breaks while the message is on its way.

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
    connections: 2,
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
    editionId,
    waitForRetries: true,
    retryDelay: () => 0,
    batchSize: 2,
    concurrency: 1,
    ...extra,
  });

const mailsOf = (edition: number) => smtp.received.filter((m) => m.messageId.startsWith(`<newsletter-${edition}-`));
/** Only this test's readers take part: everyone else pauses. */
const only = (pattern: string) =>
  handle.db.updateTable('newsletter_subscribers').set({ paused_at: new Date() }).where('email', 'not like', pattern).execute();
const setStatus = (email: string, status: 'unsubscribed' | 'bounced') =>
  handle.db.updateTable('newsletter_subscribers').set({ status }).where('email', '=', email).execute();
const pause = (email: string) =>
  handle.db.updateTable('newsletter_subscribers').set({ paused_at: new Date() }).where('email', '=', email).execute();

describe('a send while readers leave', () => {
  it('sends nothing to readers who unsubscribe, bounce or pause after the start, and still ends sent', async () => {
    await insertSubscribers(
      handle.db,
      Array.from({ length: 8 }, (_, i) => ({ email: `leave${i}@x.example`, locale: 'en' })),
    );
    await only('leave%');
    const id = await insertReadyEdition(handle.db, { number: 1, locales: ['en'] });
    assert.deepEqual(await startSending(handle.db, id), { ok: true, recipients: 8 });
    // A dead sender took the first two; one of them unsubscribes before the editor resends the uncertain ones.
    await claimDeliveries(handle.db, id, 'dead-sender', 2);
    await sql`insert into newsletter_senders (sender_id, seen_at) values ('dead-sender', now() - interval '1 hour')`.execute(handle.db);
    await setStatus('leave0@x.example', 'unsubscribed');
    await setStatus('leave3@x.example', 'unsubscribed');
    await setStatus('leave4@x.example', 'bounced');
    // The last one pauses while the send is under way.
    let handed = 0;
    const pausing: NewsletterTransport = {
      ...transport,
      send: async (mail) => {
        if (++handed === 1) await pause('leave7@x.example');
        await transport.send(mail);
      },
    };
    assert.equal((await send(id, { transport: pausing })).outcome, 'done');
    assert.deepEqual(
      mailsOf(1)
        .map((m) => m.to)
        .sort(),
      ['leave2@x.example', 'leave5@x.example', 'leave6@x.example'],
    );
    let counts = await countDeliveries(handle.db, id);
    assert.deepEqual([counts.sent, counts.cancelled, counts.uncertain, counts.queued, counts.sending], [3, 3, 2, 0, 0]);
    const errors = await handle.db
      .selectFrom('newsletter_deliveries')
      .select('error')
      .where('edition_id', '=', id)
      .where('status', '=', 'cancelled')
      .execute();
    assert.ok(errors.every((r) => r.error === 'subscriber left'));
    assert.equal((await findEditionById(handle.db, id))?.status, 'sent', 'no delivery of a reader who left keeps the send open');

    assert.equal(await resendUncertain(handle.db, id), 1, 'the uncertain delivery of the reader who left is not sent again');
    assert.equal((await send(id)).outcome, 'done');
    assert.deepEqual(
      mailsOf(1)
        .map((m) => m.to)
        .sort(),
      ['leave1@x.example', 'leave2@x.example', 'leave5@x.example', 'leave6@x.example'],
    );
    counts = await countDeliveries(handle.db, id);
    assert.deepEqual([counts.sent, counts.cancelled, counts.uncertain], [4, 4, 0]);
    assert.equal((await findEditionById(handle.db, id))?.status, 'sent');
  });
});

describe('a reader whose language the edition is not written in', () => {
  it('gets the English texts marked as such, in a French mail, with French items where they exist', async () => {
    await insertSubscribers(handle.db, [{ email: 'lang-fr@x.example', locale: 'fr' }]);
    await only('lang-%');
    const id = await insertReadyEdition(handle.db, { number: 2, locales: ['en', 'de'], itemLocales: ['en', 'de', 'fr'] });
    await startSending(handle.db, id);
    const row = await handle.db.selectFrom('newsletter_deliveries').select('locale').where('edition_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.locale, 'fr', 'the delivery keeps the reader’s own language');
    assert.equal((await send(id)).outcome, 'done');
    const mail = mailsOf(2)[0];
    assert.ok(mail);
    assert.equal(mail.subject, 'Edition 2 en', 'the subject of the language the texts fall back to');
    const fr = getI18n('fr');
    assert.ok(mail.decoded.includes('Editorial in en.'));
    assert.ok(
      mail.decoded.includes(fr.t('common.fallbackNotice', { language: fr.languageName('fr'), original: fr.languageName('en') })),
      'the fallback is marked, in French',
    );
    assert.ok(mail.decoded.includes(fr.t(`newsletter.sections.${SECTION_KINDS[0]}`)), 'French headings');
    assert.ok(mail.decoded.includes(fr.t('newsletter.mail.unsubscribe')), 'a French footer');
    const token = await handle.db
      .selectFrom('newsletter_subscribers')
      .select('token')
      .where('email', '=', 'lang-fr@x.example')
      .executeTakeFirstOrThrow();
    assert.ok(mail.decoded.includes(`${BASE}/fr/newsletter/preferences/${token.token}`), 'the French preference page');
    assert.ok(!mail.decoded.includes('/en/newsletter/preferences/'));
    assert.ok(mail.decoded.includes('Item fr') && mail.decoded.includes('Text fr'), 'an item written in French is shown in French');
    assert.ok(!mail.decoded.includes('Item en'));
  });
});

describe('a send whose job is lost', () => {
  const sendJobsFor = async (editionId: number) =>
    (
      await sql<{
        status: string;
      }>`select status from jobs where kind = ${NEWSLETTER_SEND_JOB} and payload->>'editionId' = ${String(editionId)}
        and status in ('pending', 'running')`.execute(handle.db)
    ).rows.map((r) => r.status);

  it('is queued again at worker start and by the housekeeping, once, unless a live job carries it', async () => {
    await insertSubscribers(handle.db, [{ email: 'lost@x.example', locale: 'en' }]);
    await only('lost%');
    const id = await insertReadyEdition(handle.db, { number: 3, locales: ['en'] });
    await startSending(handle.db, id);
    assert.deepEqual(await sendJobsFor(id), ['pending']);
    assert.deepEqual(await resumeStalledSends(handle.db), [], 'a pending job carries it');
    // The worker was killed mid-slice: its job is still 'running', claimed long ago.
    await sql`update jobs set status = 'running', locked_at = now() - interval '5 minutes', locked_by = 'dead'
      where kind = ${NEWSLETTER_SEND_JOB} and status = 'pending'`.execute(handle.db);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const jobs = startedSendingJobs({ db: handle.db, config, logger: createLogger('silent'), extensions: moduleServices.extensions });
    try {
      assert.deepEqual(await jobs.resumed, [id], 'the worker start queues it again');
    } finally {
      jobs.close?.();
    }
    assert.deepEqual((await sendJobsFor(id)).sort(), ['pending', 'running']);
    assert.deepEqual(await resumeStalledSends(handle.db), [], 'not twice');

    // The job ran out of attempts: nothing pending or running any more.
    await sql`update jobs set status = 'failed' where kind = ${NEWSLETTER_SEND_JOB}`.execute(handle.db);
    await newsletter.housekeeping?.({ db: handle.db, config, logger: createLogger('silent'), extensions: moduleServices.extensions });
    assert.deepEqual(await sendJobsFor(id), ['pending'], 'the housekeeping queues it again');
    // A running job claimed a moment ago is alive: nothing more.
    await sql`update jobs set status = 'running', locked_at = now() where kind = ${NEWSLETTER_SEND_JOB} and status = 'pending'`.execute(
      handle.db,
    );
    assert.deepEqual(await resumeStalledSends(handle.db), []);
  });
});

describe('the sent marks', () => {
  it('keeps the ids of a failed write, writes them with the next one, and reports a last write that fails', async () => {
    const written: string[][] = [];
    let failures = 1;
    const marker = sentMarker(
      async (ids) => {
        if (failures-- > 0) throw new Error('connection lost');
        written.push(ids);
      },
      2,
      60_000,
    );
    marker.add('1');
    marker.add('2'); // the size-triggered flush fails in the background
    marker.add('3');
    await marker.close();
    assert.deepEqual(written.flat().sort(), ['1', '2', '3'], 'nothing dropped');

    const broken = sentMarker(async () => {
      throw new Error('database gone');
    });
    broken.add('4');
    await assert.rejects(broken.close(), /database gone/);
  });
});

describe('a broken SMTP connection', () => {
  const error = (props: Record<string, unknown>) => Object.assign(new Error('x'), props);

  it('is retried before the message was on its way, and uncertain once it was', () => {
    assert.equal(smtpFailureKind(error({ code: 'ECONNECTION', command: 'CONN' })), 'retry');
    assert.equal(smtpFailureKind(error({ code: 'ETIMEDOUT', command: 'MAIL FROM' })), 'retry');
    assert.equal(smtpFailureKind(error({ code: 'ECONNRESET', command: 'RCPT TO' })), 'retry');
    assert.equal(smtpFailureKind(error({ code: 'ESOCKET', command: 'DATA' })), 'uncertain');
    assert.equal(smtpFailureKind(error({ code: 'EPIPE', command: 'message' })), 'uncertain');
    assert.equal(smtpFailureKind(error({ code: 'EMESSAGE', command: 'DATA', responseCode: 451 })), 'retry', 'an answer is an answer');
    assert.equal(smtpFailureKind(error({ code: 'EMESSAGE', command: 'DATA', responseCode: 550 })), 'failed');
    assert.equal(smtpFailureKind(error({ code: 'EENVELOPE', command: 'API' })), 'failed');
    assert.equal(smtpFailureKind(error({ code: 'ECONNECTION', command: 'CONN', messageSent: true })), 'uncertain');
  });

  it('through a server that hangs up: at RCPT TO the mail goes out again, after the message it is uncertain', async () => {
    await insertSubscribers(handle.db, [
      { email: 'drop-rcpt@x.example', locale: 'en' },
      { email: 'drop-data@x.example', locale: 'en' },
      { email: 'drop-none@x.example', locale: 'en' },
    ]);
    await only('drop-%');
    smtp.dropNext('drop-rcpt@x.example', 'rcpt');
    smtp.dropNext('drop-data@x.example', 'data');
    const id = await insertReadyEdition(handle.db, { number: 4, locales: ['en'] });
    await startSending(handle.db, id);
    assert.equal((await send(id, { batchSize: 3 })).outcome, 'done');
    const rows = await handle.db
      .selectFrom('newsletter_deliveries as d')
      .innerJoin('newsletter_subscribers as s', 's.id', 'd.subscriber_id')
      .select(['s.email', 'd.status'])
      .where('d.edition_id', '=', id)
      .orderBy('s.email')
      .execute();
    assert.deepEqual(rows, [
      { email: 'drop-data@x.example', status: 'uncertain' },
      { email: 'drop-none@x.example', status: 'sent' },
      { email: 'drop-rcpt@x.example', status: 'sent' },
    ]);
    assert.deepEqual(
      mailsOf(4)
        .map((m) => m.to)
        .sort(),
      ['drop-none@x.example', 'drop-rcpt@x.example'],
    );
  });
});
