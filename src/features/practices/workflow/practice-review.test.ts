import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMember, signedIn } from '../../../../tests/helpers/accounts.ts';
import { deliverQueuedMail, lastMailTo } from '../../../../tests/helpers/mail.ts';
import {
  act,
  complete,
  createPractice,
  noticeOf,
  publicStatus,
  publishedPractice,
  useWorkflowApp,
} from '../../../../tests/helpers/practice-workflow.ts';

const w = useWorkflowApp();

describe('practice review over HTTP', () => {
  it('lets editors reject with a comment and archive a published practice (offline, recorded)', async () => {
    const rejected = await createPractice(w.author, { ...complete, title: 'Abgelehnte Idee' });
    await act(w.author, 'my', rejected, 'submit');
    await act(w.editor, 'editor', rejected, 'reject', 'Kein kommunales Projekt.');
    assert.equal((await publicStatus(w.t, rejected)).status, 'draft');
    assert.match((await lastMailTo(w.t.database.db, 'amina@city.example'))?.text_body ?? '', /Kein kommunales Projekt\./);

    const id = await publishedPractice(w, { ...complete, title: 'Bald archiviert' });
    const { slug } = await publicStatus(w.t, id);
    await w.editor.get(`/en/editor/practices/${id}`);
    const archived = await w.editor.post(`/en/editor/practices/${id}/archive`, { archived: 'yes', archiveComment: 'Projekt beendet.' });
    assert.equal(await noticeOf(archived), 'archived');
    assert.equal((await w.t.request(`/en/practices/${slug}`)).status, 404);
    // A member cannot archive.
    await w.author.get(`/en/my/practices/${id}`);
    assert.equal((await w.author.post(`/en/my/practices/${id}/archive`, { archived: 'no' })).status, 303);
    assert.equal((await publicStatus(w.t, id)).status, 'archived');
    const last = await w.t.database.db
      .selectFrom('practice_history')
      .select(['to_state', 'comment'])
      .where('practice_id', '=', id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(last, { to_state: 'archived', comment: 'Projekt beendet.' });
  });

  it('lets an editor change an imported practice (no author): edit, submit, publish', async () => {
    const { id, slug } = await w.t.database.db
      .selectFrom('practices')
      .select(['id', 'slug'])
      .where('external_id', 'like', 'demo-practice-%')
      .where('status', '=', 'published')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await w.editor.get(`/en/editor/practices/${id}/edit?lang=en`);
    const values = await w.editor.get(`/en/editor/practices/${id}/edit?lang=en`);
    assert.equal(values.status, 200);
    const title = /id="field-title"[^>]*value="([^"]*)"/.exec(w.editor.lastHtml)?.[1] ?? '';
    assert.ok(title.length > 0, 'the form starts from the published text');
    const saved = await w.editor.post(`/en/editor/practices/${id}/edit`, { ...complete, lang: 'en', title: 'Corrected by the editors' });
    assert.equal(saved.status, 303);
    assert.equal(await noticeOf(await act(w.editor, 'editor', id, 'submit')), 'submitted');
    assert.equal(await noticeOf(await act(w.editor, 'editor', id, 'publish')), 'published');
    assert.match(await (await w.t.request(`/en/practices/${slug}`)).text(), /Corrected by the editors/);
  });

  it('sends decisions to the practice’s author, even when an editor started the version', async () => {
    const id = await publishedPractice(w, { ...complete, title: 'Vom Redakteur begonnen' });
    await w.editor.get(`/en/editor/practices/${id}/edit?lang=de`);
    await w.editor.post(`/en/editor/practices/${id}/edit`, { ...complete, title: 'Vom Redakteur begonnen, geändert' });
    await act(w.editor, 'editor', id, 'submit');
    await createMember(w.t, 'second-editor@network.example', 'editor');
    const second = await signedIn(w.t, 'second-editor@network.example');
    await deliverQueuedMail(w.t.database.db);
    await act(second, 'editor', id, 'reject', 'Lieber nicht.');
    const mail = await lastMailTo(w.t.database.db, 'amina@city.example');
    assert.match(mail?.text_body ?? '', /Lieber nicht\./);
  });

  it('withdraws a version in review when the practice is archived, so approving cannot bring it back', async () => {
    const id = await publishedPractice(w, { ...complete, title: 'Eingefroren' });
    await w.author.get(`/en/my/practices/${id}/edit?lang=de`);
    await w.author.post(`/en/my/practices/${id}/edit`, { ...complete, title: 'Eingefroren, neu' });
    await act(w.author, 'my', id, 'submit');
    await w.editor.get(`/en/editor/practices/${id}`);
    await w.editor.post(`/en/editor/practices/${id}/archive`, { archived: 'yes', archiveComment: '' });
    const res = await act(w.editor, 'editor', id, 'publish');
    assert.equal(res.status, 409);
    assert.equal((await publicStatus(w.t, id)).status, 'archived');
    const states = await w.t.database.db
      .selectFrom('practice_revisions')
      .select('state')
      .where('practice_id', '=', id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      states.map((r) => r.state),
      ['published', 'withdrawn'],
    );
  });

  it('refuses unknown themes, keeps a too long comment, ignores unknown notices and answers broken forms with 400', async () => {
    const id = await createPractice(w.author, { ...complete, title: 'Falsches Thema', topic: [], theme: ['no-such-theme'] });
    assert.equal(await noticeOf(await act(w.author, 'my', id, 'submit')), 'incomplete');

    const other = await createPractice(w.author, { ...complete, title: 'Langer Kommentar' });
    await act(w.author, 'my', other, 'submit');
    const long = `Bitte ändern: ${'x'.repeat(5100)}`;
    const refused = await act(w.editor, 'editor', other, 'request-changes', long);
    assert.equal(refused.status, 422);
    const html = await refused.text();
    assert.match(html, /too long/);
    assert.ok(html.includes(long), 'the comment is still there');

    await w.author.get(`/en/my/practices/${other}?notice=bogusKey`);
    assert.doesNotMatch(w.author.lastHtml, /practiceWorkflow\.notices\.bogusKey|role="status">[^<]*bogusKey/);

    const broken = await w.t.request(`/en/my/practices/${other}/act`, {
      method: 'POST',
      headers: {
        'content-type': 'multipart/form-data; boundary=x',
        'x-csrf-token': w.author.csrf,
        cookie: w.author.cookieHeaderForTests(),
      },
      body: '--x\r\nContent-Disposition: form-data; name="action"\r\n\r\nsubmit',
    });
    assert.equal(broken.status, 400);
  });

  it('lists waiting practices for editors and a member’s own practices for them', async () => {
    const id = await createPractice(w.other, { ...complete, title: 'Warteschlange' });
    await act(w.other, 'my', id, 'submit');
    await w.editor.get('/en/editor/practices');
    assert.match(w.editor.lastHtml, /Warteschlange/);
    await w.other.get('/en/my/practices');
    assert.match(w.other.lastHtml, /Warteschlange/);
    assert.doesNotMatch(w.other.lastHtml, /Abgelehnte Idee/);
    await deliverQueuedMail(w.t.database.db);
  });
});
