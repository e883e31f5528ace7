import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../../../tests/helpers/db.ts';
import { insertEvent, insertMembers } from '../../../tests/helpers/events.ts';
import type { DatabaseHandle } from '../../platform/db/client.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { markAttendance } from './admin/event-admin.service.ts';
import type { RegistrationAnswers } from './events.table.ts';
import { eventsPersonalData } from './personal-data.service.ts';
import { registerForEvent } from './registration/event-registration.service.ts';

const MAIL_CTX = { baseUrl: 'http://localhost', mailFrom: 'Peerpolis <no-reply@localhost>' };

let database: DatabaseHandle;
before(async () => {
  database = await createTestDatabase({ seed: 'taxonomy' });
});
after(() => database.close());

const DAY = 86_400_000;
const soon = () => ({ startsAt: new Date(Date.now() + 7 * DAY), endsAt: new Date(Date.now() + 7 * DAY + 3 * 3600_000) });
const ctx = () => ({ db: database.db, baseUrl: 'http://localhost', mailFrom: 'Peerpolis <events@peers.example.org>' });

async function register(member: CurrentUser, eventId: number, answers: RegistrationAnswers = {}) {
  const outcome = await registerForEvent(ctx(), member, eventId, { city: 'Irbid', country: 'JO', answers });
  assert.ok(outcome.ok, `registration works: ${JSON.stringify(outcome)}`);
  return outcome.status;
}

const registrations = (eventId: number) =>
  database.db
    .selectFrom('event_registrations')
    .select(['id', 'user_id', 'status', 'answers', 'attended'])
    .where('event_id', '=', eventId)
    .orderBy('queued_at')
    .execute();

describe('personal data: events', () => {
  it('exports registrations with the answers; erasing gives up places to come, moves the queue up, keeps the past', async () => {
    const [amina, waiting, first, editor] = await insertMembers(database.db, 4, 'event-data');
    assert.ok(amina && waiting && first && editor);
    const workshop = await insertEvent(database.db, { slug: 'small-workshop', capacity: 1, questions: ['role', 'dietary'], ...soon() });
    const conference = await insertEvent(database.db, { slug: 'full-conference', capacity: 1, ...soon() });
    const dialogue = await insertEvent(database.db, { slug: 'past-dialogue', title: 'Dialogue on waste', ...soon() });

    assert.equal(await register(amina, workshop, { role: 'Urban planner', dietary: 'vegetarian, no nuts' }), 'registered');
    assert.equal(await register(waiting, workshop, { dietary: 'halal' }), 'waitlisted');
    assert.equal(await register(first, conference), 'registered');
    assert.equal(await register(amina, conference), 'waitlisted');
    await register(amina, dialogue, { dietary: 'vegan' });
    // The dialogue took place: moved into the past, attendance taken by an editor.
    await database.db
      .updateTable('events')
      .set({ starts_at: new Date(Date.now() - 30 * DAY), ends_at: new Date(Date.now() - 30 * DAY + 3 * 3600_000) })
      .where('id', '=', dialogue)
      .execute();
    const [attended] = await registrations(dialogue);
    const editorCtx = { db: database.db, baseUrl: 'http://localhost', user: { ...editor, role: 'editor' as const } };
    assert.equal(await markAttendance(editorCtx, dialogue, [attended?.id as number]), 'saved');

    const exported = await database.db.transaction().execute((trx) => eventsPersonalData.exportData(trx, amina.id));
    type Exported = {
      event: { slug: string; title: string };
      status: string;
      answers: RegistrationAnswers;
      attended: boolean | null;
      comingFrom: unknown;
    };
    const rows = exported.eventRegistrations as Exported[];
    const bySlug = new Map(rows.map((r) => [r.event.slug, r]));
    assert.equal(rows.length, 3);
    assert.deepEqual(bySlug.get('small-workshop')?.answers, { role: 'Urban planner', dietary: 'vegetarian, no nuts' });
    assert.equal(bySlug.get('small-workshop')?.status, 'registered');
    assert.deepEqual(bySlug.get('small-workshop')?.comingFrom, { city: 'Irbid', country: 'JO' });
    assert.equal(bySlug.get('full-conference')?.status, 'waitlisted');
    assert.equal(bySlug.get('past-dialogue')?.event.title, 'Dialogue on waste');
    assert.equal(bySlug.get('past-dialogue')?.attended, true);
    assert.ok(!JSON.stringify(exported).includes('halal'), 'nobody else’s answers');

    const mailsBefore = await countMailJobs();
    await database.db.transaction().execute((trx) => eventsPersonalData.eraseData(trx, amina.id, MAIL_CTX));
    assert.equal(await countMailJobs(), mailsBefore + 1, 'the member moved up is told by mail');
    const statuses = async (eventId: number) => (await registrations(eventId)).map((r) => [r.user_id, r.status]);
    assert.deepEqual(
      await statuses(workshop),
      [
        [amina.id, 'cancelled'],
        [waiting.id, 'registered'],
      ],
      'the freed place goes to the waiting list',
    );
    assert.deepEqual(await statuses(conference), [
      [first.id, 'registered'],
      [amina.id, 'cancelled'],
    ]);
    const [past] = await registrations(dialogue);
    assert.deepEqual([past?.status, past?.attended], ['registered', true], 'the past still counts');
    const answers = await database.db.selectFrom('event_registrations').select(['user_id', 'answers']).orderBy('id').execute();
    for (const row of answers) {
      assert.deepEqual(row.answers, row.user_id === waiting.id ? { dietary: 'halal' } : {}, `answers of user ${row.user_id}`);
    }
  });
});

async function countMailJobs(): Promise<number> {
  const row = await database.db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'send-mail')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
