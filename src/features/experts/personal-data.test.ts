import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase } from '../../../tests/helpers/db.ts';
import { insertMembers } from '../../../tests/helpers/events.ts';
import { EXPERT_FIXTURES, type ExpertFixture, insertExpert } from '../../../tests/helpers/experts.ts';
import type { DatabaseHandle } from '../../platform/db/client.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { sendExpertMessage } from './contact/expert-contact.service.ts';
import { matchInput } from './matching/expert-matching.forms.ts';
import { expertsPersonalData } from './personal-data.service.ts';
import { noteContactedExpert, saveMatchRequest } from './requests/match-requests.service.ts';

const MAIL_CTX = { baseUrl: 'http://localhost', mailFrom: 'Peerpolis <no-reply@localhost>' };

let database: DatabaseHandle;
before(async () => {
  database = await createTestDatabase({ seed: 'taxonomy' });
});
after(() => database.close());

const fixture = (n: number) => EXPERT_FIXTURES[n] as ExpertFixture;
const message = { subject: 'Waste pickers', message: 'Could we talk about your cooperatives next week?' };

/** An expert profile of `owner`, as the existing tests create one (the profile form has its own tests). */
async function profileOf(owner: CurrentUser, f: ExpertFixture): Promise<number> {
  const id = await insertExpert(database.db, f);
  await database.db.updateTable('experts').set({ user_id: owner.id }).where('id', '=', id).execute();
  return id;
}

describe('personal data: experts', () => {
  it('exports the profile, messages sent and received, requests and notes; erasing deletes the profile only', async () => {
    const [anna, karim, reader] = await insertMembers(database.db, 3, 'expert-data');
    assert.ok(anna && karim && reader);
    await database.db.updateTable('users').set({ role: 'editor' }).where('id', '=', anna.id).execute();
    const editor: CurrentUser = { ...anna, role: 'editor' };
    const annaProfile = await profileOf(anna, fixture(0));
    const karimProfile = await profileOf(karim, fixture(1));
    const ctx = { db: database.db, baseUrl: 'http://localhost' };

    assert.deepEqual(await sendExpertMessage(ctx, karimProfile, anna, message), { ok: true });
    assert.deepEqual(await sendExpertMessage(ctx, annaProfile, reader, message), { ok: true });
    assert.deepEqual(await sendExpertMessage(ctx, karimProfile, reader, message), { ok: true });
    const requestId = await saveMatchRequest(
      { db: database.db, user: editor },
      'Irbid: collection routes',
      matchInput.parse({ topics: ['waste-management'] }),
    );
    assert.equal(typeof requestId, 'number');
    assert.equal(
      await noteContactedExpert({ db: database.db, user: editor }, requestId as number, karimProfile, 'Called on Monday'),
      'noted',
    );

    const exported = await database.db.transaction().execute((trx) => expertsPersonalData.exportData(trx, anna.id));
    assert.equal((exported.expertProfile as { organisation: string }).organisation, 'Stadt Trier, Abfallwirtschaft');
    const sent = exported.expertContactsSent as Array<Record<string, unknown>>;
    assert.deepEqual(
      sent.map((c) => [c.expert, c.messageKept]),
      [[{ name: 'Karim Haddad', slug: 'karim-haddad' }, false]],
    );
    assert.equal((exported.expertContactsReceived as unknown[]).length, 1, 'the message from the reader, without who');
    const requests = exported.matchRequests as Array<{ title: string; conditions: { topics: string[] } }>;
    assert.deepEqual(
      requests.map((r) => [r.title, r.conditions.topics]),
      [['Irbid: collection routes', ['waste-management']]],
    );
    assert.deepEqual(
      (exported.matchRequestNotes as Array<Record<string, unknown>>).map((n) => [n.request, n.note]),
      [['Irbid: collection routes', 'Called on Monday']],
    );
    const text = JSON.stringify(exported);
    assert.ok(!text.includes('@city.example'), 'no e-mail address in the export');
    assert.ok(!text.includes(message.message), 'the text is never kept');

    await database.db.transaction().execute((trx) => expertsPersonalData.eraseData(trx, anna.id, MAIL_CTX));
    const experts = await database.db.selectFrom('experts').select('id').orderBy('id').execute();
    assert.deepEqual(
      experts.map((x) => x.id),
      [karimProfile],
      'the profile goes',
    );
    const contacts = await database.db.selectFrom('expert_contacts').select(['expert_id', 'sender_user_id']).orderBy('id').execute();
    assert.deepEqual(contacts, [
      { expert_id: karimProfile, sender_user_id: null },
      { expert_id: karimProfile, sender_user_id: reader.id },
    ]);
    const request = await database.db.selectFrom('match_requests').select(['title', 'created_by']).executeTakeFirstOrThrow();
    assert.deepEqual(request, { title: 'Irbid: collection routes', created_by: null });
    const note = await database.db.selectFrom('match_request_contacts').select(['note', 'noted_by']).executeTakeFirstOrThrow();
    assert.deepEqual(note, { note: 'Called on Monday', noted_by: null });
    const after = await database.db.transaction().execute((trx) => expertsPersonalData.exportData(trx, anna.id));
    assert.deepEqual(after, {
      expertProfile: null,
      expertContactsSent: [],
      expertContactsReceived: [],
      matchRequests: [],
      matchRequestNotes: [],
    });
  });
});
