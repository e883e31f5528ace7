import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMember, newVisitor, signedIn } from '../../../../tests/helpers/accounts.ts';
import { lastMailTo } from '../../../../tests/helpers/mail.ts';
import {
  act,
  complete,
  createPractice,
  noticeOf,
  publicStatus,
  publishedPractice,
  useWorkflowApp,
} from '../../../../tests/helpers/practice-workflow.ts';
import { transition } from './practice-workflow.model.ts';

const w = useWorkflowApp();

describe('practice workflow: state machine', () => {
  it('allows only the documented transitions, each to its actor', () => {
    assert.deepEqual(transition('draft', 'submit', ['author'], ''), { ok: true, to: 'submitted' });
    assert.deepEqual(transition('changes_requested', 'submit', ['author'], ''), { ok: true, to: 'resubmitted' });
    assert.deepEqual(transition('submitted', 'publish', ['author'], ''), { ok: false, reason: 'not-allowed' });
    assert.deepEqual(transition('draft', 'publish', ['editor'], ''), { ok: false, reason: 'not-allowed' });
    assert.deepEqual(transition('draft', 'submit', ['editor'], ''), { ok: true, to: 'submitted' });
    assert.deepEqual(transition('in_review', 'withdraw', ['author'], ''), { ok: false, reason: 'not-allowed' });
    assert.deepEqual(transition('in_review', 'reject', ['editor'], ' '), { ok: false, reason: 'comment-required' });
    assert.deepEqual(transition('in_review', 'request-changes', ['editor'], 'Please add costs'), { ok: true, to: 'changes_requested' });
    assert.deepEqual(transition('published', 'submit', ['author', 'editor'], ''), { ok: false, reason: 'not-allowed' });
  });
});

describe('practice workflow over HTTP', () => {
  it('needs a verified member to start a practice; anonymous visitors are sent to sign in', async () => {
    const anonymous = newVisitor(w.t);
    const res = await anonymous.get('/en/my/practices/new');
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /\/en\/sign-in\?next=/);
    assert.equal((await anonymous.get('/en/editor/practices')).status, 303);
  });

  it('runs draft → submitted → changes requested → resubmitted → published, with history, comments and mail', async () => {
    const id = await createPractice(w.author);
    assert.equal((await publicStatus(w.t, id)).status, 'draft');
    const { slug } = await publicStatus(w.t, id);
    // Invisible to the public, the API and search while not published.
    assert.equal((await newVisitor(w.t).get(`/en/practices/${slug}`)).status, 404);
    assert.equal((await w.t.request(`/api/v1/practices/${slug}`)).status, 404);
    assert.doesNotMatch(await (await w.t.request('/de/practices?q=Abfallsammlerinnen')).text(), /Genossenschaften/);

    const submitted = await act(w.author, 'my', id, 'submit');
    assert.equal(await noticeOf(submitted), 'submitted');
    const toEditor = await lastMailTo(w.t.database.db, 'editor@network.example');
    assert.match(toEditor?.subject ?? '', /Abfallsammlerinnen|For review/);
    assert.match(toEditor?.text_body ?? '', new RegExp(`/editor/practices/${id}`));

    // A member cannot publish, not even their own practice.
    const memberPublish = await act(w.author, 'my', id, 'publish');
    assert.equal(await noticeOf(memberPublish), 'notAllowed');
    assert.equal((await publicStatus(w.t, id)).status, 'draft');

    // Asking for changes needs a comment, which reaches the author by mail.
    assert.equal(await noticeOf(await act(w.editor, 'editor', id, 'request-changes', '')), 'commentRequired');
    await act(w.editor, 'editor', id, 'request-changes', 'Bitte die Kosten pro Jahr nennen.');
    const toAuthor = await lastMailTo(w.t.database.db, 'amina@city.example');
    assert.match(toAuthor?.text_body ?? '', /Bitte die Kosten pro Jahr nennen\./);

    await w.author.get(`/en/my/practices/${id}/edit?lang=de`);
    const saved = await w.author.post(`/en/my/practices/${id}/edit`, { ...complete, resources: 'Zwei Stellen, 40.000 Euro pro Jahr.' });
    assert.equal(saved.status, 303);
    await act(w.author, 'my', id, 'submit');
    assert.equal((await w.author.get(`/en/my/practices/${id}`)).status, 200);
    assert.match(w.author.lastHtml, /Resubmitted/);

    const published = await act(w.editor, 'editor', id, 'publish');
    assert.equal(await noticeOf(published), 'published');
    assert.equal((await publicStatus(w.t, id)).status, 'published');
    const page = await newVisitor(w.t).get(`/de/practices/${slug}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /40\.000 Euro pro Jahr/);
    // German stemming: "Abfallsammler" finds "Abfallsammlerinnen".
    assert.match(await (await w.t.request('/de/practices?q=Abfallsammler')).text(), /Abfallsammlerinnen in Genossenschaften/);

    const history = await w.t.database.db
      .selectFrom('practice_history')
      .select(['to_state', 'actor_user_id', 'comment'])
      .where('practice_id', '=', id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      history.map((h) => h.to_state),
      ['draft', 'submitted', 'changes_requested', 'resubmitted', 'published'],
    );
    assert.ok(history.every((h) => h.actor_user_id !== null));
    assert.equal(history[2]?.comment, 'Bitte die Kosten pro Jahr nennen.');
    const publishedMail = await lastMailTo(w.t.database.db, 'amina@city.example');
    assert.match(publishedMail?.subject ?? '', /Published/);
  });

  it('keeps the published version online while an edit waits for review', async () => {
    const id = await publishedPractice(w, { ...complete, title: 'Kompost für Schulgärten', city: 'Agadir', country: 'MA' });
    const { slug } = await publicStatus(w.t, id);

    await w.author.get(`/en/my/practices/${id}/edit?lang=de`);
    await w.author.post(`/en/my/practices/${id}/edit`, { ...complete, title: 'Kompost für alle Schulen', city: 'Agadir', country: 'MA' });
    await act(w.author, 'my', id, 'submit');
    const during = await (await w.t.request(`/de/practices/${slug}`)).text();
    assert.match(during, /Kompost für Schulgärten/);
    assert.doesNotMatch(during, /Kompost für alle Schulen/);

    await act(w.editor, 'editor', id, 'publish');
    const afterApproval = await (await w.t.request(`/de/practices/${slug}`)).text();
    assert.match(afterApproval, /Kompost für alle Schulen/);
    assert.equal((await publicStatus(w.t, id)).slug, slug, 'the address stays when the title changes');
  });

  it('hides another member’s practice completely and refuses their edits', async () => {
    const id = await createPractice(w.author, { ...complete, title: 'Privater Entwurf' });
    assert.equal((await w.other.get(`/en/my/practices/${id}`)).status, 404);
    assert.equal((await w.other.get(`/en/my/practices/${id}/edit`)).status, 404);
    await w.other.get('/en/my/practices');
    const res = await w.other.post(`/en/my/practices/${id}/edit`, { ...complete, title: 'Übernommen' });
    assert.equal(res.status, 404);
    assert.equal((await w.other.post(`/en/my/practices/${id}/act`, { action: 'submit' })).status, 404);
    const stored = await w.t.database.db
      .selectFrom('practice_revisions')
      .select('content')
      .where('practice_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.match(JSON.stringify(stored.content), /Privater Entwurf/);
    // And the editor area is closed to members.
    assert.equal((await w.other.get(`/en/editor/practices/${id}`)).status, 403);
  });

  it('does not let an author change a version under review, and refuses submitting an incomplete one', async () => {
    const incomplete = await createPractice(w.author, {
      lang: 'en',
      intent: 'save',
      title: 'Only a title',
      summary: '',
      city: '',
      country: '',
    });
    const refused = await act(w.author, 'my', incomplete, 'submit');
    assert.equal(await noticeOf(refused), 'incomplete');
    await w.author.get(`/en/my/practices/${incomplete}`);
    assert.match(w.author.lastHtml, /Before you can submit/);

    const id = await createPractice(w.author, { ...complete, title: 'Gesperrt während der Prüfung' });
    await act(w.author, 'my', id, 'submit');
    await act(w.editor, 'editor', id, 'start-review');
    const res = await w.author.post(`/en/my/practices/${id}/edit`, { ...complete, title: 'Heimlich geändert' });
    assert.equal(await noticeOf(res), 'locked');
  });

  it('limits submissions (each one mails every editor) to ten per member and hour', async () => {
    await createMember(w.t, 'eager@city.example');
    const spammer = await signedIn(w.t, 'eager@city.example');
    const id = await createPractice(spammer, { ...complete, title: 'Immer wieder eingereicht' });
    const notices: string[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await act(spammer, 'my', id, 'submit');
      notices.push(await noticeOf(res));
      await act(spammer, 'my', id, 'withdraw');
      await spammer.get(`/en/my/practices/${id}/edit?lang=de`);
      await spammer.post(`/en/my/practices/${id}/edit`, { ...complete, title: `Immer wieder eingereicht ${i}` });
    }
    assert.deepEqual(notices.slice(0, 10), Array(10).fill('submitted'));
    assert.equal(notices[10], 'rateLimited');
  });
});
