import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../tests/helpers/db.ts';
import { insertEvent, insertMembers } from '../../../tests/helpers/events.ts';
import type { DatabaseHandle } from '../../platform/db/client.ts';
import { uploadsPersonalData } from './personal-data.service.ts';
import { acceptUpload, uploadsDir } from './uploads.service.ts';
import { pruneUploads } from './uploads-housekeeping.service.ts';

const MAIL_CTX = { baseUrl: 'http://localhost', mailFrom: 'Peerpolis <no-reply@localhost>' };

let database: DatabaseHandle;
let dataDir: string;
before(async () => {
  database = await createTestDatabase({ seed: 'none' });
  dataDir = mkdtempSync(join(tmpdir(), 'peerpolis-personal-uploads-'));
});
after(async () => {
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const pdf = (text: string) =>
  new File([`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`], `${text}.pdf`, {
    type: 'application/pdf',
  });

async function upload(text: string, uploaderUserId: number) {
  const result = await acceptUpload(database.db, uploadsDir({ DATA_DIR: dataDir }), { file: pdf(text), kind: 'document', uploaderUserId });
  assert.ok(result.ok, 'the upload is accepted');
  return result.upload;
}

describe('personal data: uploads', () => {
  it('exports the member’s files with the records using them; erasing keeps the files but forgets the uploader', async () => {
    const [member, other] = await insertMembers(database.db, 2, 'uploader');
    assert.ok(member && other);
    const minutes = await upload('workshop minutes', member.id);
    const stray = await upload('never attached', member.id);
    const foreign = await upload('someone else', other.id);
    // The event's documentation refers to the first file, as the event editor would store it.
    const eventId = await insertEvent(database.db, {
      slug: 'city-lab-2026',
      startsAt: new Date('2026-03-01T09:00:00Z'),
      endsAt: new Date('2026-03-01T17:00:00Z'),
    });
    const doc = { uploadId: minutes.id, sha256: minutes.sha256, title: 'Minutes', bytes: minutes.bytes };
    await database.db
      .updateTable('events')
      .set({ documents: JSON.stringify([doc]) })
      .where('id', '=', eventId)
      .execute();

    const exported = await database.db.transaction().execute((trx) => uploadsPersonalData.exportData(trx, member.id));
    const files = exported.uploads as Array<Record<string, unknown>>;
    assert.deepEqual(
      files.map((f) => [f.name, f.type, f.bytes, f.attachedTo]),
      [
        ['workshop minutes.pdf', 'application/pdf', minutes.bytes, [{ record: 'event', slug: 'city-lab-2026' }]],
        ['never attached.pdf', 'application/pdf', stray.bytes, []],
      ],
    );
    assert.ok(files.every((f) => f.uploadedAt instanceof Date));
    assert.equal(files[0]?.url, `/uploads/${minutes.sha256}.pdf`);

    await database.db.transaction().execute((trx) => uploadsPersonalData.eraseData(trx, member.id, MAIL_CTX));
    const rows = await database.db.selectFrom('uploads').select(['id', 'uploader_user_id']).orderBy('id').execute();
    assert.deepEqual(rows, [
      { id: minutes.id, uploader_user_id: null },
      { id: stray.id, uploader_user_id: null },
      { id: foreign.id, uploader_user_id: other.id },
    ]);

    // What no record uses goes with the hourly pruning, once its grace time is over; the event keeps its file.
    await sql`update uploads set created_at = now() - interval '2 days'`.execute(database.db);
    await pruneUploads(database.db, uploadsDir({ DATA_DIR: dataDir }));
    const left = await database.db.selectFrom('uploads').select('id').orderBy('id').execute();
    assert.deepEqual(
      left.map((r) => r.id),
      [minutes.id],
    );
  });
});
