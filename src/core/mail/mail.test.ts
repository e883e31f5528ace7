import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { runDueJobs } from '../jobs/jobs.service.ts';
import { mailJobHandlers, queueAccountMail, queueMail } from './mail.service.ts';
import { renderAccountMail } from './mail.templates.tsx';
import { createMailTransport } from './mail-transport.service.ts';

type Received = { from: string; to: string[]; raw: string };

let t: TestApp;
let smtp: SMTPServer;
let smtpUrl: string;
const received: Received[] = [];

before(async () => {
  t = await createTestApp({ seed: 'none' });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});

after(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await t.close();
});

describe('mail', () => {
  it('renders light, accessible HTML and plain text in the recipient’s language and direction', () => {
    const ar = renderAccountMail('ar', 'verifyEmail', { name: 'ليلى', link: 'http://localhost/ar/verify-email?token=abc', hours: 48 });
    assert.match(ar.html, /<html lang="ar" dir="rtl">/);
    assert.ok(ar.text.includes('http://localhost/ar/verify-email?token=abc'));
    assert.ok(ar.text.includes('ليلى'));
    const de = renderAccountMail('de', 'verifyEmail', { name: '<b>Jörg</b>', link: 'http://localhost/de/x', hours: 48 });
    assert.ok(de.html.includes('&lt;b&gt;Jörg&lt;/b&gt;'), 'names are escaped');
    assert.ok(Buffer.byteLength(de.html) < 6000, 'light');
  });

  it('is sent by the job worker, never in the request, through a real SMTP server', async () => {
    await queueAccountMail(t.database.db, 'amina@example.org', 'fr', 'verifyEmail', {
      name: 'Amina',
      link: 'http://localhost/fr/verify-email?token=t',
      hours: 48,
    });
    await queueMail(t.database.db, {
      to: 'news@example.org',
      subject: 'Newsletter',
      text: 'Hello',
      html: '<p>Hello</p>',
      unsubscribeUrl: 'http://localhost/en/newsletter/unsubscribe?t=1',
    });
    assert.equal(received.length, 0, 'nothing leaves before the worker runs');
    const transport = createMailTransport({ db: t.database.db, smtpUrl, from: 'Peerpolis <no-reply@peerpolis.test>' });
    const report = await runDueJobs(t.database.db, mailJobHandlers(transport), { workerId: 'test' });
    transport.close();
    assert.equal(report.done, 2);
    const verify = received.find((m) => m.to.includes('amina@example.org'));
    assert.ok(verify, 'delivered to the SMTP server');
    assert.equal(verify.from, 'no-reply@peerpolis.test');
    assert.match(verify.raw, /Subject: /);
    assert.match(verify.raw, /Content-Type: multipart\/alternative/);
    const news = received.find((m) => m.to.includes('news@example.org'));
    assert.match(news?.raw ?? '', /List-Unsubscribe: <http:\/\/localhost\/en\/newsletter\/unsubscribe\?t=1>/);
    assert.match(news?.raw ?? '', /List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
    const outbox = await t.database.db.selectFrom('mail_outbox').select('id').execute();
    assert.equal(outbox.length, 0, 'SMTP delivery keeps no copy of the message');
  });

  it('sends Reply-To through SMTP and shows it at /dev/mail, without letting a name add headers', async () => {
    const replyTo = { name: 'Amina "A." Diallo\r\nBcc: evil@example.org', address: 'amina@example.org' };
    await queueMail(t.database.db, { to: 'contact@example.org', subject: 'Question', text: 'Hi', html: '<p>Hi</p>', replyTo });
    const transport = createMailTransport({ db: t.database.db, smtpUrl, from: 'Peerpolis <no-reply@peerpolis.test>' });
    await runDueJobs(t.database.db, mailJobHandlers(transport), { workerId: 'test' });
    transport.close();
    const sent = received.find((m) => m.to.includes('contact@example.org'));
    assert.ok(sent);
    assert.deepEqual(sent.to, ['contact@example.org'], 'no second recipient');
    assert.match(sent.raw, /^Reply-To: "Amina \\"A\.\\" Diallo Bcc: evil@example\.org" <amina@example\.org>$/m);
    assert.doesNotMatch(sent.raw, /^Bcc:/m);

    await queueMail(t.database.db, { to: 'outbox@example.org', subject: 'Question', text: 'Hi', html: '<p>Hi</p>', replyTo });
    await runDueJobs(t.database.db, mailJobHandlers(createMailTransport({ db: t.database.db, from: 'x@peerpolis.test' })), {
      workerId: 'test',
    });
    const row = await t.database.db
      .selectFrom('mail_outbox')
      .select('id')
      .where('to_address', '=', 'outbox@example.org')
      .executeTakeFirst();
    const viewer = await (await t.request(`/dev/mail/${row?.id}`)).text();
    assert.match(
      viewer,
      /<dt dir="ltr">Reply-To<\/dt><dd dir="ltr">&quot;Amina \\&quot;A\.\\&quot; Diallo Bcc: evil@example\.org&quot; &lt;amina@example\.org&gt;<\/dd>/,
    );
  });

  it('retries when the SMTP server is unreachable', async () => {
    await queueMail(t.database.db, { to: 'later@example.org', subject: 'S', text: 'T', html: '<p>T</p>' });
    const transport = createMailTransport({ db: t.database.db, smtpUrl: 'smtp://127.0.0.1:1', from: 'x@peerpolis.test' });
    const report = await runDueJobs(t.database.db, mailJobHandlers(transport), { workerId: 'test' });
    transport.close();
    assert.deepEqual(report, { done: 0, retried: 1, failed: 0 });
  });

  it('keeps mail in the outbox without SMTP, shown at /dev/mail outside production', async () => {
    await queueAccountMail(t.database.db, 'kofi@example.org', 'en', 'verifyEmail', {
      name: 'Kofi',
      link: 'http://localhost/en/verify-email?token=abc',
      hours: 48,
    });
    const transport = createMailTransport({ db: t.database.db, from: 'x@peerpolis.test' });
    await runDueJobs(t.database.db, mailJobHandlers(transport), { workerId: 'test' });
    const list = await t.request('/dev/mail');
    assert.equal(list.status, 200);
    const html = await list.text();
    assert.ok(html.includes('kofi@example.org'));
    const id = /href="\/dev\/mail\/(\d+)"/.exec(html)?.[1];
    assert.ok(id);
    const message = await (await t.request(`/dev/mail/${id}`)).text();
    assert.ok(message.includes('http://localhost/en/verify-email?token=abc'));
    const preview = await t.request(`/dev/mail/${id}/html`);
    assert.match(preview.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  });

  it('lists /dev/mail newest first by time, also past the ninth message', async () => {
    const transport = createMailTransport({ db: t.database.db, from: 'x@peerpolis.test' });
    for (let n = 1; n <= 11; n++) {
      await transport.send({ to: `order-${n}@example.org`, subject: `Order ${n}`, text: 'x', html: '<p>x</p>', headers: {} });
    }
    // One message written later but dated earlier (a clock step, an import): the list goes by time.
    await t.database.db
      .updateTable('mail_outbox')
      .set({ created_at: new Date('2020-01-01T00:00:00Z') })
      .where('to_address', '=', 'order-11@example.org')
      .execute();
    const html = await (await t.request('/dev/mail')).text();
    const order = [...html.matchAll(/>Order (\d+)</g)].map((m) => Number(m[1]));
    assert.deepEqual(order, [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 11]);
  });

  it('shows /dev/mail only to requests from this machine', async () => {
    const proxied = await createTestApp({ seed: 'none', env: { TRUST_PROXY: 'true' } });
    try {
      assert.equal((await proxied.request('/dev/mail', { headers: { 'x-forwarded-for': '203.0.113.9' } })).status, 404);
      assert.equal((await proxied.request('/dev/mail', { headers: { 'x-forwarded-for': '127.0.0.1' } })).status, 200);
    } finally {
      await proxied.close();
    }
  });

  it('has no /dev/mail in production', async () => {
    const prod = await createTestApp({ seed: 'none', env: { NODE_ENV: 'production', SESSION_SECRET: 'p'.repeat(40) } });
    try {
      assert.equal((await prod.request('/dev/mail')).status, 404);
    } finally {
      await prod.close();
    }
  });
});
