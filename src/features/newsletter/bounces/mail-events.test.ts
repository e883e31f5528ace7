import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { createApp } from '../../../app.ts';
import { loadConfig } from '../../../platform/config.ts';
import { createDeps } from '../../../platform/deps.ts';
import { importSubscribers } from '../exchange/subscribers-exchange.service.ts';
import { readBounceCsv } from './bounce-csv.model.ts';
import { recordMailEvents } from './bounces.service.ts';

const SECRET = 'mail-events-secret-for-tests-0123456789';
const DOMAIN = 'readers.peerpolis.example';
let t: TestApp;

const subscriber = (local: string) => ({
  line: 2,
  email: `${local}@${DOMAIN}`,
  name: local,
  locale: 'en',
  themes: [],
  regions: [],
  consentedAt: new Date('2024-01-01T00:00:00Z'),
  source: 'test',
  ended: null,
});

async function statusOf(local: string) {
  return t.database.db
    .selectFrom('newsletter_subscribers')
    .select(['status', 'bounced_at', 'unsubscribed_at'])
    .where('email', '=', `${local}@${DOMAIN}`)
    .executeTakeFirstOrThrow();
}

const post = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${SECRET}` }, query = '') =>
  t.request(`/api/v1/mail-events${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { MAIL_EVENTS_SECRET: SECRET } });
  const locals = [
    'hard',
    'soft',
    'angry',
    'ses-hard',
    'ses-soft',
    'ses-complaint',
    'pm-hard',
    'pm-spam',
    'basic',
    'csv-hard',
    'csv-complaint',
    'csv-soft',
  ];
  await importSubscribers(t.database.db, locals.map(subscriber), { askConsent: false, baseUrl: 'http://localhost' });
});
after(() => t.close());

describe('POST /api/v1/mail-events', () => {
  it('generic: a permanent bounce marks bounced, a transient one changes nothing, a complaint unsubscribes', async () => {
    const res = await post([
      { type: 'bounce', email: `HARD@${DOMAIN}`, permanent: true },
      { type: 'bounce', email: `soft@${DOMAIN}`, permanent: false },
      { type: 'complaint', email: `angry@${DOMAIN}` },
      { type: 'bounce', email: `nobody@${DOMAIN}`, permanent: true },
    ]);
    assert.equal(res.status, 200);
    // Counts of what was sent, never of what matched: the unknown address is not revealed.
    assert.deepEqual(await res.json(), { received: 4, permanentBounces: 2, transientBounces: 1, complaints: 1 });
    const hard = await statusOf('hard');
    assert.equal(hard.status, 'bounced');
    assert.ok(hard.bounced_at);
    assert.equal((await statusOf('soft')).status, 'confirmed');
    const angry = await statusOf('angry');
    assert.equal(angry.status, 'unsubscribed');
    assert.ok(angry.unsubscribed_at);
  });

  it('refuses a wrong or missing secret with 401, and malformed bodies with 400 problem details', async () => {
    const wrong = await post({ type: 'bounce', email: `soft@${DOMAIN}`, permanent: true }, { authorization: 'Bearer not-the-secret' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers.get('content-type'), 'application/problem+json');
    assert.equal((await post({ type: 'bounce', email: `soft@${DOMAIN}`, permanent: true }, {})).status, 401);
    assert.equal((await statusOf('soft')).status, 'confirmed');

    const notJson = await post('{"type":');
    assert.equal(notJson.status, 400);
    assert.equal(notJson.headers.get('content-type'), 'application/problem+json');
    const badAddress = await post({ type: 'bounce', email: 'not an address', permanent: true });
    assert.equal(badAddress.status, 400);
    const problem = (await badAddress.json()) as { 'invalid-params': Array<{ name: string; reason: string }> };
    assert.equal(problem['invalid-params'][0]?.name, 'email');
    assert.ok(!JSON.stringify(problem).includes('not an address'), 'the refused value is not echoed');
    assert.equal((await post({ type: 'delivered', email: `soft@${DOMAIN}` })).status, 400);
  });

  it('Amazon SES via SNS with ?secret=: Permanent bounce, Transient bounce, Complaint; SubscriptionConfirmation is not fetched', async () => {
    const sns = (message: unknown) => ({
      Type: 'Notification',
      MessageId: 'b3a4f2c1',
      TopicArn: 'arn:aws:sns:eu-central-1:123456789012:peerpolis-bounces',
      Message: JSON.stringify(message),
      Timestamp: '2026-12-01T10:00:00.000Z',
    });
    const query = `?secret=${SECRET}`;
    const text = { 'content-type': 'text/plain; charset=UTF-8', 'x-amz-sns-message-type': 'Notification' };
    const hard = await post(
      sns({
        notificationType: 'Bounce',
        bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: `"Reader" <ses-hard@${DOMAIN}>` }] },
        mail: {},
      }),
      text,
      query,
    );
    assert.equal(hard.status, 200);
    assert.equal(((await hard.json()) as { permanentBounces: number }).permanentBounces, 1);
    await post(
      sns({ notificationType: 'Bounce', bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: `ses-soft@${DOMAIN}` }] } }),
      text,
      query,
    );
    await post(
      sns({ eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: `ses-complaint@${DOMAIN}` }] } }),
      text,
      query,
    );
    assert.equal((await statusOf('ses-hard')).status, 'bounced');
    assert.equal((await statusOf('ses-soft')).status, 'confirmed');
    assert.equal((await statusOf('ses-complaint')).status, 'unsubscribed');

    const confirmation = await post(
      {
        Type: 'SubscriptionConfirmation',
        TopicArn: 'arn:aws:sns:eu-central-1:1:x',
        SubscribeURL: 'https://sns.example/confirm',
        Message: 'confirm',
      },
      text,
      query,
    );
    assert.equal(confirmation.status, 200);
    assert.match(((await confirmation.json()) as { note: string }).note, /confirm the subscription/);
    assert.equal((await post(sns({ notificationType: 'Bounce' }), text, '?secret=wrong')).status, 401);
    assert.equal((await post({ Type: 'Notification', TopicArn: 'arn', Message: 'not json' }, text, query)).status, 400);
  });

  it('Postmark: HardBounce marks bounced, SpamComplaint unsubscribes; Basic auth or ?secret=', async () => {
    const basic = { authorization: `Basic ${Buffer.from(`postmark:${SECRET}`).toString('base64')}` };
    const res = await post({ RecordType: 'Bounce', Type: 'HardBounce', TypeCode: 1, Email: `pm-hard@${DOMAIN}` }, basic);
    assert.equal(res.status, 200);
    await post({ RecordType: 'SpamComplaint', Type: 'SpamComplaint', Email: `pm-spam@${DOMAIN}` }, {}, `?secret=${SECRET}`);
    assert.equal((await statusOf('pm-hard')).status, 'bounced');
    assert.equal((await statusOf('pm-spam')).status, 'unsubscribed');
    const wrongBasic = { authorization: `Basic ${Buffer.from('postmark:wrong').toString('base64')}` };
    assert.equal((await post({ RecordType: 'Bounce', Type: 'HardBounce', Email: `basic@${DOMAIN}` }, wrongBasic)).status, 401);
    assert.equal((await statusOf('basic')).status, 'confirmed');
  });

  it('is off (404) when no secret is configured', async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: t.dataDir });
    const off = createApp(createDeps(config, t.database, { persistSecret: false }));
    const res = await off.request('/api/v1/mail-events', {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'complaint', email: `basic@${DOMAIN}` }),
    });
    assert.equal(res.status, 404);
    assert.equal((await statusOf('basic')).status, 'confirmed');
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await (await t.request('/api/v1/openapi.json')).json()) as { paths: Record<string, { post?: unknown }> };
    assert.ok(doc.paths['/mail-events']?.post);
  });
});

describe('subscribers bounces FILE.csv (the provider export, read as the API would)', () => {
  it('permanent by default; type and permanent columns; malformed rows by line', async () => {
    const csv = `\uFEFFEmail,Type,Permanent\ncsv-hard@${DOMAIN},,\ncsv-complaint@${DOMAIN},complaint,\ncsv-soft@${DOMAIN},bounce,false\nnot-an-address,,\n`;
    const read = readBounceCsv(Buffer.from(csv, 'utf8'));
    assert.ok(read.ok);
    assert.deepEqual(read.rejected, [{ line: 5, reason: 'email: malformed address' }]);
    const changed = await recordMailEvents(t.database.db, read.events);
    assert.deepEqual(changed, { bounced: 1, unsubscribed: 1 });
    assert.equal((await statusOf('csv-hard')).status, 'bounced');
    assert.equal((await statusOf('csv-complaint')).status, 'unsubscribed');
    assert.equal((await statusOf('csv-soft')).status, 'confirmed');
    const latin1 = readBounceCsv(Buffer.from([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0x6a, 0xe9, 0x40, 0x78, 0x2e, 0x65, 0x78]));
    assert.equal(latin1.ok, false);
  });

  it('reports a file that is no CSV by error code and line, never quoting a cell', () => {
    for (const csv of [`email\nbad-quote@${DOMAIN}"x\n`, `email\n"unclosed@${DOMAIN}\n`]) {
      const read = readBounceCsv(Buffer.from(csv, 'utf8'));
      assert.equal(read.ok, false);
      const message = read.ok ? '' : read.message;
      assert.match(message, /^The file is not valid CSV \([A-Z_]+ on line 2\)\. Nothing was changed\.$/);
      assert.ok(!message.includes(DOMAIN), message);
    }
  });
});
