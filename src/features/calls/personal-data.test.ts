import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../../../tests/helpers/db.ts';
import { insertMembers } from '../../../tests/helpers/events.ts';
import type { DatabaseHandle } from '../../platform/db/client.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { reviewApplication, submitApplication } from './call-application.service.ts';
import { callEditorForm } from './call-editor.forms.ts';
import { saveCall } from './call-editor.service.ts';
import { callsPersonalData } from './personal-data.service.ts';

const MAIL_CTX = { baseUrl: 'http://localhost', mailFrom: 'Peerpolis <no-reply@localhost>' };

let database: DatabaseHandle;
before(async () => {
  database = await createTestDatabase({ seed: 'taxonomy' });
});
after(() => database.close());

const DAY = 86_400_000;
const ctx = () => ({ db: database.db, baseUrl: 'http://localhost', mailFrom: 'Peerpolis <calls@peers.example.org>' });

async function openCall(editor: CurrentUser, kind: string, title: string, questions: string): Promise<number> {
  const form = callEditorForm.parse({
    lang: 'en',
    kind,
    status: 'open',
    title,
    questions,
    deadline: new Date(Date.now() + 10 * DAY).toISOString().slice(0, 16),
    timeZone: 'Africa/Tunis',
    perMunicipality: '1',
  });
  const slug = await saveCall({ db: database.db, user: editor }, null, form);
  const row = await database.db.selectFrom('calls').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  return row.id;
}

const apply = (member: CurrentUser, callId: number, answers: string[]) =>
  submitApplication(ctx(), member, callId, {
    city: 'Sousse',
    country: 'TN',
    organisation: 'Municipality of Sousse, urban planner',
    proposal: 'Green corridors along the old railway',
    answers,
  });

describe('personal data: calls', () => {
  it('exports applications with answers and the editors’ mailed notes; erasing withdraws open ones and empties all', async () => {
    const [amira, bilal, editorRow] = await insertMembers(database.db, 3, 'call-data');
    assert.ok(amira && bilal && editorRow);
    const editor: CurrentUser = { ...editorRow, role: 'editor' };
    const learning = await openCall(
      editor,
      'join-learning-process',
      'Join the learning process',
      'Who else works on this?\nWhat do you hope to learn?',
    );
    const dialogue = await openCall(editor, 'host-dialogue-event', 'Host a dialogue event', '');

    assert.deepEqual(await apply(amira, learning, ['Two planners', 'How to fund it']), { ok: true, created: true });
    assert.deepEqual(await apply(amira, dialogue, []), { ok: true, created: true });
    const decided = await database.db
      .selectFrom('call_applications')
      .select('id')
      .where('call_id', '=', dialogue)
      .executeTakeFirstOrThrow();
    const review = { ...ctx(), user: editor };
    assert.equal(await reviewApplication(review, decided.id, 'in_review', 'Internal: check the budget'), 'saved');
    assert.equal(await reviewApplication(review, decided.id, 'accepted', 'Welcome aboard'), 'saved');
    // Sousse has used its one place in the learning process.
    assert.deepEqual(await apply(bilal, learning, ['One planner', 'Everything']), { ok: false, reason: 'municipality-full', limit: 1 });

    const exported = await database.db.transaction().execute((trx) => callsPersonalData.exportData(trx, amira.id));
    type Exported = {
      call: { title: string };
      status: string;
      proposal: string;
      answers: Array<{ question: string | null; answer: string }>;
      notesFromEditors: Array<{ status: string; note: string }>;
    };
    const [first, second] = exported.callApplications as Exported[];
    assert.equal(first?.call.title, 'Join the learning process');
    assert.equal(first?.status, 'submitted');
    assert.equal(first?.proposal, 'Green corridors along the old railway');
    assert.deepEqual(first?.answers, [
      { question: 'Who else works on this?', answer: 'Two planners' },
      { question: 'What do you hope to learn?', answer: 'How to fund it' },
    ]);
    assert.deepEqual(first?.notesFromEditors, []);
    assert.equal(second?.status, 'accepted');
    assert.deepEqual(
      second?.notesFromEditors.map((n) => [n.status, n.note]),
      [['accepted', 'Welcome aboard']],
      'only what was mailed to the applicant',
    );
    assert.ok(!JSON.stringify(exported).includes('@city.example'), 'no e-mail address');

    await database.db.transaction().execute((trx) => callsPersonalData.eraseData(trx, amira.id, MAIL_CTX));
    const rows = await database.db
      .selectFrom('call_applications')
      .select(['call_id', 'status', 'answers', 'proposal', 'organisation'])
      .where('user_id', '=', amira.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(rows, [
      { call_id: learning, status: 'withdrawn', answers: [], proposal: '', organisation: '' },
      { call_id: dialogue, status: 'accepted', answers: [], proposal: '', organisation: '' },
    ]);
    const actors = await database.db.selectFrom('call_application_history').select(['status', 'actor_id']).orderBy('id').execute();
    assert.deepEqual(actors, [
      { status: 'submitted', actor_id: null },
      { status: 'submitted', actor_id: null },
      { status: 'in_review', actor_id: editor.id },
      { status: 'accepted', actor_id: editor.id },
      { status: 'withdrawn', actor_id: null },
    ]);
    assert.deepEqual(await apply(bilal, learning, ['One planner', 'Everything']), { ok: true, created: true }, 'the place is free again');
  });
});
