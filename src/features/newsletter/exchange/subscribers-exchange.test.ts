import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../tests/helpers/app.ts';
import { runSubscriberExport, runSubscriberImport } from './subscribers.commands.ts';
import { readCsvRecords } from './subscribers-csv.model.ts';

const D = 'csv.peerpolis.example';
let t: TestApp;
let dir: string;
let printed: string[] = [];
const print = (line: string) => printed.push(line);
const options = { askConsent: false, baseUrl: 'http://localhost' };
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const HEADER = 'email,name,locale,themes,regions,consentedAt,source';
const subscriber = (email: string) =>
  t.database.db.selectFrom('newsletter_subscribers').selectAll().where('email', '=', email).executeTakeFirst();
const count = async () =>
  (await t.database.db.selectFrom('newsletter_subscribers').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;

before(async () => {
  t = await createTestApp({ seed: 'taxonomy' });
  dir = mkdtempSync(join(tmpdir(), 'peerpolis-subscribers-'));
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('subscribers import', () => {
  it('BOM, quoted commas, case-insensitive duplicates, formula names; bad rows rejected by line with exit 3', async () => {
    printed = [];
    const csv = [
      `\uFEFF${HEADER}`,
      `ana@${D},"Ana Lima, Recife",es,municipal-services;good-urban-governance,latin-america,2020-11-03T09:30:00Z,fair`,
      `"=HYPERLINK(""http://evil.example"")@${D}",x,en,,,,`,
      `+cmd@${D},"=HYPERLINK(""http://evil.example"",""click"")",en,,,,`,
      `bob@${D},Bob,de,,,,`,
      `ANA@${D},"Ana Lima, Recife (new)",es,municipal-services,,2020-11-03,fair`,
      `carla@${D},Carla,xx,,,,`,
      `dan@${D},Dan,en,no-such-theme,,,`,
      `eve@${D},Eve,en,,,2020-13-45,`,
      `fred@${D},${'F'.repeat(201)},en,,,,`,
      `gus@${D},Gus,ar,,nowhere,,`,
      '',
    ].join('\n');
    const code = await runSubscriberImport(t.database.db, file('first.csv', csv), options, print);
    assert.equal(code, 3);
    const rejected = printed.filter((l) => l.startsWith('line '));
    assert.deepEqual(
      rejected.map((l) => l.replace(/ — .*/, '')),
      ['line 3: rejected', 'line 7: rejected', 'line 8: rejected', 'line 9: rejected', 'line 10: rejected', 'line 11: rejected'],
    );
    assert.match(rejected[0] as string, /email: malformed address/);
    assert.match(rejected[1] as string, /locale: unknown locale "xx"/);
    assert.match(rejected[2] as string, /themes: unknown theme "no-such-theme"/);
    assert.match(rejected[3] as string, /consentedAt: not an ISO 8601/);
    assert.match(rejected[4] as string, /name: longer than 200/);
    assert.match(rejected[5] as string, /regions: unknown region "nowhere"/);
    // No address in what the command prints.
    assert.ok(!printed.join('\n').includes('@'), printed.join('\n'));

    const ana = await subscriber(`ana@${D}`);
    assert.ok(ana);
    assert.equal(ana.name, 'Ana Lima, Recife (new)', 'the later row for the same address wins');
    assert.equal(ana.status, 'confirmed');
    assert.equal(ana.consent_version, 'import');
    assert.deepEqual(ana.consented_at, new Date('2020-11-03T00:00:00Z'));
    assert.deepEqual(ana.themes, ['municipal-services']);
    assert.equal((await subscriber(`+cmd@${D}`))?.name, '=HYPERLINK("http://evil.example","click")', 'a formula is kept as text');
    assert.equal((await subscriber(`bob@${D}`))?.status, 'pending');
    assert.equal(await count(), 3);
    // No mail without --ask-consent.
    const mails = await t.database.db.selectFrom('jobs').select('id').execute();
    assert.equal(mails.length, 0);
  });

  it('a second import updates by address regardless of case, never unsubscribes back in; --ask-consent asks the pending', async () => {
    await t.database.db.updateTable('newsletter_subscribers').set({ status: 'unsubscribed' }).where('email', '=', `+cmd@${D}`).execute();
    printed = [];
    const csv = `${HEADER}\nBOB@${D},Bob B.,fr,,,,\n+CMD@${D},Again,en,,,2024-01-01,\nnew@${D},New,en,,,,\n`;
    const code = await runSubscriberImport(t.database.db, file('second.csv', csv), { ...options, askConsent: true }, print);
    assert.equal(code, 0);
    assert.equal(await count(), 4);
    const bob = await subscriber(`bob@${D}`);
    assert.equal(bob?.name, 'Bob B.');
    assert.equal(bob?.locale, 'fr');
    assert.ok(bob?.confirmation_sent_at);
    assert.equal((await subscriber(`+cmd@${D}`))?.status, 'unsubscribed', 'an import never subscribes again who left');
    assert.match(printed.join('\n'), /Confirmation requests queued: 2/);
    const jobs = await t.database.db.selectFrom('jobs').select('payload').execute();
    assert.equal(jobs.length, 2);
    assert.ok(jobs.some((j) => JSON.stringify(j.payload).includes('/fr/newsletter/confirm/')));
  });

  it('refuses a Latin-1 file as a whole, importing nothing', async () => {
    const before = await count();
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\nzoe@${D},Zo`), Buffer.from([0xeb]), Buffer.from(',en,,,,\n')]);
    await assert.rejects(runSubscriberImport(t.database.db, file('latin1.csv', latin1), options, print), /not UTF-8/);
    assert.equal(await count(), before);
  });

  it('refuses a file that is no CSV by error code and line, never quoting the address', async () => {
    const before = await count();
    const broken = Buffer.from(`${HEADER}\nok@${D},Ok,en,,,,\nquoted@${D}"x,Q,en,,,,\n`);
    const refused = await runSubscriberImport(t.database.db, file('broken.csv', broken), options, print).then(
      () => assert.fail('imported a broken file'),
      (error: Error) => error.message,
    );
    assert.match(refused, /not valid CSV \(INVALID_OPENING_QUOTE on line 3\)/);
    assert.ok(!refused.includes(D), refused);
    assert.equal(await count(), before);
  });
});

describe('subscribers export', () => {
  it('UTF-8 with BOM, the extra columns, formulas neutralised; importing it back changes nothing', async () => {
    const path = join(dir, 'export.csv');
    assert.equal(await runSubscriberExport(t.database.db, path, print), 0);
    const bytes = readFileSync(path);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const records = readCsvRecords(bytes.toString('utf8').slice(1));
    assert.deepEqual(records[0]?.cells, [...HEADER.split(','), 'status', 'confirmedAt', 'unsubscribedAt']);
    const cmd = records.find((r) => r.cells[0] === `'+cmd@${D}`);
    assert.ok(cmd, 'the address beginning with = is neutralised too');
    assert.equal(cmd.cells[1], `'=HYPERLINK("http://evil.example","click")`);
    assert.equal(cmd.cells[7], 'unsubscribed');
    const ana = records.find((r) => r.cells[0] === `ana@${D}`);
    assert.deepEqual(ana?.cells.slice(2, 9), [
      'es',
      'municipal-services',
      '',
      '2020-11-03T00:00:00.000Z',
      'fair',
      'confirmed',
      '2020-11-03T00:00:00.000Z',
    ]);

    const snapshot = async () =>
      (
        await t.database.db
          .selectFrom('newsletter_subscribers')
          .select(['email', 'name', 'locale', 'themes', 'regions', 'status', 'consented_at', 'source'])
          .orderBy('email')
          .execute()
      ).map((r) => JSON.stringify(r));
    const before = await snapshot();
    assert.equal(await runSubscriberImport(t.database.db, path, options, print), 0);
    assert.deepEqual(await snapshot(), before);
  });
});
