import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../../tests/helpers/db.ts';
import type { DatabaseHandle } from '../../../platform/db/client.ts';
import { seedDatabase } from '../../../seed.ts';
import { loadEditionByNumber } from '../editions/editions.service.ts';

let demo: DatabaseHandle;
before(async () => {
  demo = await createTestDatabase({ seed: 'demo' });
});
after(() => demo.close());

describe('newsletter demo content', () => {
  it('No. 34 is a sent edition of December 2020 in German and English, built from the demo content', async () => {
    const edition = await loadEditionByNumber(demo.db, 34);
    assert.ok(edition);
    assert.equal(edition.status, 'sent');
    assert.equal(edition.edition_date, '2020-12-10');
    assert.equal(edition.sent_at?.toISOString().slice(0, 7), '2020-12');
    assert.deepEqual(edition.locales, ['en', 'de']);
    assert.ok((edition.translations.de?.editorial.split('\n\n').length ?? 0) >= 3, 'an editorial of a few paragraphs');
    assert.deepEqual(
      edition.sections.insight.map((i) => i.ref),
      [
        'practice:demo-practice-agadir-local-development',
        'practice:demo-practice-berlin-jakarta-smart-city',
        'practice:demo-practice-rustavi-plastic-recycling',
      ],
    );
    assert.equal(edition.sections.review.length, 4);
    assert.ok(edition.sections.outlook.some((i) => i.ref === 'call:demo-call-mena-project-planning-2021'));
    assert.ok(edition.sections.connect.length > 0);
  });

  it('No. 35 is a draft in English and Arabic with room for suggestions', async () => {
    const edition = await loadEditionByNumber(demo.db, 35);
    assert.equal(edition?.status, 'draft');
    assert.deepEqual(edition?.locales, ['en', 'ar']);
    assert.equal(edition?.sent_at, null);
  });

  it('about 300 subscribers in the five languages on a reserved domain, a few unsubscribed or bounced', async () => {
    const rows = await demo.db
      .selectFrom('newsletter_subscribers')
      .select(['locale', 'status', sql<number>`count(*)::int`.as('n')])
      .groupBy(['locale', 'status'])
      .execute();
    const total = rows.reduce((n, r) => n + r.n, 0);
    assert.equal(total, 300);
    assert.deepEqual([...new Set(rows.map((r) => r.locale))].sort(), ['ar', 'de', 'en', 'es', 'fr']);
    const byStatus = (status: string) => rows.filter((r) => r.status === status).reduce((n, r) => n + r.n, 0);
    assert.ok(byStatus('confirmed') > 250);
    assert.ok(byStatus('unsubscribed') > 0 && byStatus('bounced') > 0);
    const elsewhere = await demo.db
      .selectFrom('newsletter_subscribers')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('email', 'not like', '%@subscribers.peerpolis.example')
      .executeTakeFirstOrThrow();
    assert.equal(elsewhere.n, 0);
  });

  it('none of it without the demo (SEED_DEMO=false)', async () => {
    const bare = await createTestDatabase({ seed: 'taxonomy' });
    try {
      await seedDatabase(bare.db, { demo: false });
      const count = async (table: 'newsletter_subscribers' | 'newsletter_editions') =>
        (await bare.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
      assert.equal(await count('newsletter_subscribers'), 0);
      assert.equal(await count('newsletter_editions'), 0);
    } finally {
      await bare.close();
    }
  });
});
