import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

  it('names the videos, news, publications and partners using an editor’s files; prunes an orphaned WebM', async () => {
    const db = database.db;
    const [editor] = await insertMembers(db, 1, 'editor');
    assert.ok(editor);
    const [poster, captions, picture, cover, logo] = [
      await upload('poster', editor.id),
      await upload('captions', editor.id),
      await upload('picture', editor.id),
      await upload('cover', editor.id),
      await upload('logo', editor.id),
    ];
    const video = await sql<{ id: number }>`
      insert into videos (external_id, slug, recorded_at, duration_seconds, provider, provider_id, poster_upload_id)
      values ('v-1', 'city-lab-recording', '2026-03-01', 60, 'youtube', 'abcdefghijk', ${poster.id}) returning id`.execute(db);
    await sql`insert into video_captions (video_id, locale, upload_id, sha256)
      values (${video.rows[0]?.id}, 'en', ${captions.id}, ${captions.sha256})`.execute(db);
    await sql`insert into news_articles (external_id, slug, picture_upload_id) values ('n-1', 'city-lab-news', ${picture.id})`.execute(db);
    await sql`insert into publications (slug, kind, year, url, cover_upload_id)
      values ('city-lab-study', 'study', 2026, 'https://example.org/s.pdf', ${cover.id})`.execute(db);
    await sql`insert into network_partners (external_id, slug, logo_upload_id) values ('p-1', 'city-lab-partner', ${logo.id})`.execute(db);
    const exported = await db.transaction().execute((trx) => uploadsPersonalData.exportData(trx, editor.id));
    assert.deepEqual(
      (exported.uploads as Array<Record<string, unknown>>).map((f) => [f.name, f.attachedTo]),
      [
        ['poster.pdf', [{ record: 'video', slug: 'city-lab-recording' }]],
        ['captions.pdf', [{ record: 'video', slug: 'city-lab-recording' }]],
        ['picture.pdf', [{ record: 'news', slug: 'city-lab-news' }]],
        ['cover.pdf', [{ record: 'publication', slug: 'city-lab-study' }]],
        ['logo.pdf', [{ record: 'partner', slug: 'city-lab-partner' }]],
      ],
    );

    // A WebM recording nothing uses any more: row and file go, as an MP4's would.
    const sha = 'e'.repeat(64);
    const dir = uploadsDir({ DATA_DIR: dataDir });
    writeFileSync(join(dir, `${sha}.webm`), 'webm bytes');
    await sql`insert into uploads (sha256, kind, media_type, bytes, original_name, uploader_user_id, created_at)
      values (${sha}, 'video', 'video/webm', 10, 'talk.webm', ${editor.id}, now() - interval '2 days')`.execute(db);
    const again = (await uploadsPersonalData.exportData(db, editor.id)).uploads as Array<Record<string, unknown>>;
    assert.equal(again.find((f) => f.name === 'talk.webm')?.url, `/uploads/${sha}.webm`, 'the export names the WebM file');
    await pruneUploads(db, dir);
    assert.equal(existsSync(join(dir, `${sha}.webm`)), false, 'the orphaned WebM file is deleted');
    assert.equal((await db.selectFrom('uploads').select('id').where('sha256', '=', sha).execute()).length, 0);
  });
});
