import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../tests/helpers/db.ts';
import { insertMembers } from '../../../tests/helpers/events.ts';
import { uploadsDir } from '../../core/uploads/uploads.service.ts';
import { pruneUploads } from '../../core/uploads/uploads-housekeeping.service.ts';
import type { DatabaseHandle } from '../../platform/db/client.ts';
import type { CurrentUser } from '../../platform/http/context.ts';
import { sendPracticeMessage } from './contact/practice-contact.service.ts';
import { addPracticeFile } from './files/practice-files.service.ts';
import { practicesPersonalData } from './personal-data.service.ts';
import { type PracticeContent, readContent } from './record/practice-content.model.ts';
import { actOnRevision, saveRevision, startPractice } from './workflow/practice-workflow.service.ts';

const MAIL_CTX = { baseUrl: 'http://localhost', mailFrom: 'Peerpolis <no-reply@localhost>' };

let database: DatabaseHandle;
let dataDir: string;
before(async () => {
  database = await createTestDatabase({ seed: 'taxonomy' });
  dataDir = mkdtempSync(join(tmpdir(), 'peerpolis-personal-practices-'));
});
after(async () => {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const BASE_URL = 'http://localhost';
const text = (title: string) => ({
  title,
  summary: 'The city brings informal waste pickers into municipal collection.',
  challenge: 'Thousands collected recyclables without contract or protection.',
  approach: 'A register, cooperatives, contracts.',
  results: 'Recycling went up.',
  lessons: 'Talk to the pickers early.',
  transfer: 'A by-law allowing contracts with cooperatives.',
  resources: 'Two posts in the administration.',
});
const content = (title: string, contact: PracticeContent['contact']): PracticeContent =>
  readContent({ city: 'Belo Horizonte', country: 'BR', topics: ['waste-management'], translations: { en: text(title) }, contact });

async function practice(author: CurrentUser, title: string, contactSelf = true): Promise<number> {
  const contact = {
    name: contactSelf ? author.name : '',
    organisation: 'Prefeitura de Belo Horizonte',
    userId: contactSelf ? author.id : null,
  };
  return startPractice({ db: database.db, user: author, baseUrl: BASE_URL }, content(title, contact));
}

async function act(user: CurrentUser, id: number, action: 'submit' | 'publish') {
  const outcome = await actOnRevision({ db: database.db, user, baseUrl: BASE_URL }, id, action, '');
  assert.ok(outcome.ok, `${action}: ${JSON.stringify(outcome)}`);
}

async function write(sender: CurrentUser, id: number) {
  const p = await database.db
    .selectFrom('practices')
    .select(['id', 'slug', 'contact_name', 'contact_organisation'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const form = { subject: 'Your cooperatives', message: 'How did you draft the contracts with the cooperatives?' };
  assert.deepEqual(await sendPracticeMessage({ db: database.db, baseUrl: BASE_URL }, p, sender, form), { ok: true });
}

const pdf = new File(['%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% draft notes\ntrailer << /Root 1 0 R >>\n%%EOF\n'], 'notes.pdf');

describe('personal data: good practices', () => {
  it('exports what the member wrote and received; erasing deletes unsubmitted drafts and keeps the rest without them', async () => {
    const [amina, reader, editorRow] = await insertMembers(database.db, 3, 'practice-data');
    assert.ok(amina && reader && editorRow);
    await database.db.updateTable('users').set({ role: 'editor' }).where('id', '=', editorRow.id).execute();
    const editor: CurrentUser = { ...editorRow, role: 'editor' };

    const published = await practice(amina, 'Waste pickers in cooperatives');
    await act(amina, published, 'submit');
    await act(editor, published, 'publish');
    // An edit of the published practice, started and never submitted.
    const edited = await saveRevision({ db: database.db, user: amina, baseUrl: BASE_URL }, published, (c) => ({
      ...c,
      partners: ['Asmare'],
    }));
    assert.equal(edited, 'saved');
    const draft = await practice(amina, 'Half-written idea');
    assert.equal(
      await addPracticeFile({ db: database.db, user: amina }, draft, { kind: 'document', file: pdf, text: 'Notes' }, { DATA_DIR: dataDir }),
      'added',
    );
    const submitted = await practice(amina, 'Night buses for shift workers');
    await act(amina, submitted, 'submit');
    const editors = await practice(editor, 'Participatory budgeting', false);
    await act(editor, editors, 'submit');
    await act(editor, editors, 'publish');
    await write(reader, published); // reaches Amina, the contact person
    await write(amina, editors); // reaches the editor, its author

    const exported = await database.db.transaction().execute((trx) => practicesPersonalData.exportData(trx, amina.id));
    const authored = exported.practicesAuthored as Array<{ title: string; status: string; revisionState: string | null }>;
    assert.deepEqual(
      authored.map((p) => [p.title, p.status, p.revisionState]),
      [
        ['Waste pickers in cooperatives', 'published', 'draft'],
        ['Half-written idea', 'draft', 'draft'],
        ['Night buses for shift workers', 'draft', 'submitted'],
      ],
    );
    const titles = (key: string) => (exported[key] as Array<{ practice: { title: string } }>).map((c) => c.practice.title);
    assert.deepEqual(titles('practiceContactsSent'), ['Participatory budgeting']);
    assert.deepEqual((exported.practiceContactsSent as Array<{ to: string }>)[0]?.to, 'member');
    assert.deepEqual(titles('practiceContactsReceived'), ['Waste pickers in cooperatives']);
    const steps = exported.practiceSteps as Array<{ to: string }>;
    assert.equal(steps.filter((s) => s.to === 'submitted').length, 2);
    const json = JSON.stringify(exported);
    assert.ok(!json.includes('@city.example'), 'no e-mail address');
    assert.ok(!json.includes('How did you draft'), 'the text is never kept');

    await database.db.transaction().execute((trx) => practicesPersonalData.eraseData(trx, amina.id, MAIL_CTX));
    const practices = await database.db
      .selectFrom('practices')
      .select(['id', 'status', 'author_user_id', 'contact_user_id', 'contact_name'])
      .orderBy('id')
      .execute();
    assert.deepEqual(practices, [
      { id: published, status: 'published', author_user_id: null, contact_user_id: null, contact_name: null },
      { id: submitted, status: 'draft', author_user_id: null, contact_user_id: null, contact_name: null },
      { id: editors, status: 'published', author_user_id: editor.id, contact_user_id: null, contact_name: null },
    ]);
    const revisions = await database.db
      .selectFrom('practice_revisions')
      .select(['practice_id', 'state', 'author_user_id', 'content'])
      .orderBy('id')
      .execute();
    assert.deepEqual(
      revisions.map((r) => [r.practice_id, r.state, r.author_user_id]),
      [
        [published, 'published', null],
        [submitted, 'submitted', null],
        [editors, 'published', editor.id],
      ],
      'the unsubmitted edit went with the draft',
    );
    assert.deepEqual(readContent(revisions[1]?.content).contact, { name: '', organisation: 'Prefeitura de Belo Horizonte', userId: null });
    const history = await database.db
      .selectFrom('practice_history')
      .select('actor_user_id')
      .where('actor_user_id', '=', amina.id)
      .execute();
    assert.equal(history.length, 0);
    const contacts = await database.db
      .selectFrom('practice_contacts')
      .select(['sender_user_id', 'recipient_user_id'])
      .orderBy('id')
      .execute();
    assert.deepEqual(contacts, [
      { sender_user_id: reader.id, recipient_user_id: null },
      { sender_user_id: null, recipient_user_id: editor.id },
    ]);
    // The draft's file is now used by nothing: the hourly pruning removes it after its grace time.
    await sql`update uploads set created_at = now() - interval '2 days'`.execute(database.db);
    assert.equal(await pruneUploads(database.db, uploadsDir({ DATA_DIR: dataDir })), 1);
  });
});
