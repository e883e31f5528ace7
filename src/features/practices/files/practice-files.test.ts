import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import type { Visitor } from '../../../../tests/helpers/http.ts';
import { act, complete, createPractice, publicStatus, useWorkflowApp } from '../../../../tests/helpers/practice-workflow.ts';
import { uploadsDir } from '../../../core/uploads/uploads.service.ts';
import { pruneUploads } from '../../../core/uploads/uploads-housekeeping.service.ts';

const w = useWorkflowApp();

describe('practice files', () => {
  const pdf = () =>
    new File([Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')], 'Leitfaden.pdf', { type: 'application/pdf' });

  async function upload(who: Visitor, id: number, kind: 'document' | 'image', file: File, text: string) {
    await who.get(`/en/my/practices/${id}`);
    const form = new FormData();
    form.set('file', file);
    form.set(kind === 'image' ? 'alt' : 'title', text);
    return who.postMultipart(`/en/my/practices/${id}/files/${kind}`, form);
  }

  it('attaches a PDF and a picture to the revision, shown publicly only after approval', async () => {
    const id = await createPractice(w.author, { ...complete, title: 'Mit Dateien' });
    assert.equal((await upload(w.author, id, 'document', pdf(), 'Leitfaden für Städte')).status, 303);
    const png = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#3a7' } })
      .png()
      .toBuffer();
    const image = await upload(
      w.author,
      id,
      'image',
      new File([png], 'foto.png', { type: 'image/png' }),
      'Sammlerinnen sortieren Plastik.',
    );
    assert.equal(image.status, 303);
    await act(w.author, 'my', id, 'submit');
    await act(w.editor, 'editor', id, 'publish');
    const { slug } = await publicStatus(w.t, id);
    const html = await (await w.t.request(`/en/practices/${slug}`)).text();
    assert.match(html, /Leitfaden für Städte/);
    assert.match(html, /alt="Sammlerinnen sortieren Plastik\."/);
    const href = /href="(\/uploads\/[0-9a-f]{64}\.pdf)"/.exec(html)?.[1];
    assert.ok(href);
    const file = await w.t.request(href);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
  });

  it('serves the files of an unpublished practice only to its author and the editors, and to everyone once published', async () => {
    const id = await createPractice(w.author, { ...complete, title: 'Vertrauliche Dateien' });
    const secret = new File([Buffer.from('%PDF-1.4\n% draft only\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')], 'Entwurf.pdf', {
      type: 'application/pdf',
    });
    assert.equal((await upload(w.author, id, 'document', secret, 'Entwurf')).status, 303);
    await w.author.get(`/en/my/practices/${id}`);
    const href = /href="(\/uploads\/[0-9a-f]{64}\.pdf)"/.exec(w.author.lastHtml)?.[1];
    assert.ok(href, 'the workspace links the draft file');

    const anonymous = await w.t.request(href);
    assert.equal(anonymous.status, 404, 'a visitor is told nothing exists');
    assert.equal((await w.other.get(href)).status, 404, 'another member neither');
    for (const allowed of [w.author, w.editor]) {
      const res = await allowed.get(href);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'private, no-cache', 'never kept by a shared cache');
    }

    await act(w.author, 'my', id, 'submit');
    assert.equal((await w.t.request(href)).status, 404, 'still not public while in review');
    await act(w.editor, 'editor', id, 'publish');
    const published = await w.t.request(href);
    assert.equal(published.status, 200);
    assert.match(published.headers.get('cache-control') ?? '', /^public/);
  });

  it('does not serve an unpublished practice’s file to an editor whose address is not confirmed (as news, publications, videos)', async () => {
    const id = await createPractice(w.author, { ...complete, title: 'Unbestätigte Adresse' });
    const draft = new File([Buffer.from('%PDF-1.4\n% unconfirmed\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')], 'Notiz.pdf', {
      type: 'application/pdf',
    });
    assert.equal((await upload(w.author, id, 'document', draft, 'Notiz')).status, 303);
    await w.author.get(`/en/my/practices/${id}`);
    const href = /href="(\/uploads\/[0-9a-f]{64}\.pdf)"/.exec(w.author.lastHtml)?.[1];
    assert.ok(href);
    const confirmEditor = (at: Date | null) =>
      w.t.database.db.updateTable('users').set({ email_verified_at: at }).where('email', '=', 'editor@network.example').execute();
    await confirmEditor(null);
    try {
      assert.equal((await w.editor.get(href)).status, 404, 'the role alone does not open a draft’s files');
    } finally {
      await confirmEditor(new Date());
    }
    assert.equal((await w.editor.get(href)).status, 200);
  });

  it('refuses a 20 MB file, a renamed executable and an SVG with script, with a clear message and the typed text kept', async () => {
    const id = await createPractice(w.author, { ...complete, title: 'Abgelehnte Dateien' });
    const big = new File([new Uint8Array(20 * 1024 * 1024)], 'gross.pdf', { type: 'application/pdf' });
    const tooBig = await upload(w.author, id, 'document', big, 'Sehr großes Dokument');
    assert.equal(tooBig.status, 422);
    const bigHtml = await tooBig.text();
    assert.match(bigHtml, /20 MB/);
    assert.match(bigHtml, /10 MB/);
    assert.match(bigHtml, /value="Sehr großes Dokument"/);

    const exe = new File([Buffer.concat([Buffer.from('MZ\x90\x00\x03'), Buffer.alloc(2000)])], 'bericht.pdf', { type: 'application/pdf' });
    const exeRes = await upload(w.author, id, 'document', exe, 'Bericht');
    assert.equal(exeRes.status, 422);
    assert.match(await exeRes.text(), /not a PDF/i);

    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], 'karte.svg', {
      type: 'image/svg+xml',
    });
    const svgRes = await upload(w.author, id, 'image', svg, 'Karte der Sammelstellen');
    assert.equal(svgRes.status, 422);
    const svgHtml = await svgRes.text();
    assert.match(svgHtml, /SVG/);
    assert.match(svgHtml, /Karte der Sammelstellen/);

    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const noAlt = await upload(w.author, id, 'image', new File([png], 'a.png', { type: 'image/png' }), '');
    assert.equal(noAlt.status, 422);
    assert.match(await noAlt.text(), /describe the picture/i);

    const stored = await w.t.database.db
      .selectFrom('practice_revisions')
      .select('content')
      .where('practice_id', '=', id)
      .executeTakeFirstOrThrow();
    const content = stored.content as { documents: unknown[]; images: unknown[] };
    assert.equal(content.documents.length + content.images.length, 0);
  });

  it('deletes files removed from a draft after a day, and keeps every file a record still refers to', async () => {
    const id = await createPractice(w.author, { ...complete, title: 'Aufgeräumt' });
    const keep = new File([Buffer.from('%PDF-1.4\nkeep\n%%EOF\n')], 'behalten.pdf', { type: 'application/pdf' });
    const drop = new File([Buffer.from('%PDF-1.4\ndrop\n%%EOF\n')], 'weg.pdf', { type: 'application/pdf' });
    await upload(w.author, id, 'document', keep, 'Behalten');
    await upload(w.author, id, 'document', drop, 'Weg');
    const rows = await w.t.database.db
      .selectFrom('uploads')
      .select(['id', 'sha256', 'original_name'])
      .where('original_name', 'in', ['behalten.pdf', 'weg.pdf'])
      .execute();
    const dropped = rows.find((r) => r.original_name === 'weg.pdf');
    const kept = rows.find((r) => r.original_name === 'behalten.pdf');
    assert.ok(dropped && kept);
    await w.author.get(`/en/my/practices/${id}`);
    await w.author.post(`/en/my/practices/${id}/files/remove`, { uploadId: String(dropped.id), kind: 'document' });
    const dir = uploadsDir({ DATA_DIR: w.t.dataDir });
    assert.ok(existsSync(join(dir, `${dropped.sha256}.pdf`)));

    assert.equal(await pruneUploads(w.t.database.db, dir), 0, 'nothing goes within the grace day');
    await w.t.database.db
      .updateTable('uploads')
      .set({ created_at: new Date(Date.now() - 3 * 86_400_000) })
      .execute();
    await pruneUploads(w.t.database.db, dir);
    assert.ok(!existsSync(join(dir, `${dropped.sha256}.pdf`)));
    assert.ok(existsSync(join(dir, `${kept.sha256}.pdf`)));
    const left = await w.t.database.db.selectFrom('uploads').select('id').where('id', 'in', [dropped.id, kept.id]).execute();
    assert.deepEqual(
      left.map((r) => r.id),
      [kept.id],
    );
  });
});
