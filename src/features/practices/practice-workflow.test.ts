import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import sharp from 'sharp';
import { createMember, newVisitor, signedIn } from '../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import type { Visitor } from '../../../tests/helpers/http.ts';
import { deliverQueuedMail, lastMailTo } from '../../../tests/helpers/mail.ts';
import { pruneUploads } from '../../core/uploads/uploads.housekeeping.ts';
import { uploadsDir } from '../../core/uploads/uploads.service.ts';
import { catalogs } from '../../platform/i18n/catalogs.ts';
import { getI18n } from '../../platform/i18n/i18n.ts';
import { transition } from './practice-workflow.ts';

let t: TestApp;
let author: Visitor;
let other: Visitor;
let editor: Visitor;

before(async () => {
  t = await createTestApp({ seed: 'demo', env: { BASE_URL: 'https://peers.example.org', TRUST_PROXY: 'true' } });
  await createMember(t, 'amina@city.example');
  await createMember(t, 'other@city.example');
  await createMember(t, 'editor@network.example', 'editor');
  author = await signedIn(t, 'amina@city.example');
  other = await signedIn(t, 'other@city.example');
  editor = await signedIn(t, 'editor@network.example');
});
after(() => t.close());
// Submissions are rate-limited per member (tested on its own); the other tests start with none counted.
beforeEach(() => t?.database.db.deleteFrom('rate_limits').execute());

const complete = {
  lang: 'de',
  intent: 'save',
  title: 'Abfallsammlerinnen in Genossenschaften',
  summary: 'Die Stadt bindet informelle Abfallsammlerinnen in die kommunale Sammlung ein.',
  challenge: 'Tausende Menschen sammelten Wertstoffe ohne Vertrag und ohne Schutz.',
  approach: '1. Register aufbauen\n2. Genossenschaften gründen\n3. Verträge schließen',
  results: 'Die Recyclingquote stieg.',
  lessons: 'Früh mit den Sammlerinnen reden.',
  transfer: 'Eine Satzung, die Verträge mit Genossenschaften erlaubt.',
  resources: 'Zwei Stellen in der Verwaltung.',
  city: 'Belo Horizonte',
  country: 'BR',
  topic: ['waste-management'],
  sdg: ['8', '11'],
  startYear: '2016',
  endYear: '',
  projectState: 'ongoing',
  partners: 'Cooperativa Asmare',
  links: 'https://example.org/asmare Asmare',
  contactSelf: 'yes',
  contactName: 'Amina Example',
  contactOrganisation: 'Stadt Belo Horizonte',
};

/** Creates a practice as `who` and returns its id (from the redirect to the workspace). */
async function createPractice(who: Visitor, fields: Record<string, string | string[]> = complete): Promise<number> {
  await who.get('/en/my/practices/new');
  const res = await who.post('/en/my/practices/new', fields);
  assert.equal(res.status, 303);
  const id = Number(/\/my\/practices\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
  assert.ok(id > 0);
  return id;
}

const NOTICE_KEYS = Object.keys(catalogs.en)
  .filter((k) => k.startsWith('practiceWorkflow.notices.'))
  .map((k) => k.slice('practiceWorkflow.notices.'.length));

/** The notice an action led to: from the redirect (?notice=) or, when refused, from the page shown again. */
async function noticeOf(res: Response): Promise<string> {
  const fromLocation = /notice=(\w+)/.exec(res.headers.get('location') ?? '')?.[1];
  if (fromLocation) return fromLocation;
  const html = await res.clone().text();
  const { t: translate } = getI18n('en');
  return NOTICE_KEYS.find((k) => html.includes(`role="status">${translate(`practiceWorkflow.notices.${k}`)}`)) ?? `(status ${res.status})`;
}

async function act(who: Visitor, area: 'my' | 'editor', id: number, action: string, comment = '') {
  await who.get(`/en/${area}/practices/${id}`);
  return who.post(`/en/${area}/practices/${id}/act`, { action, comment });
}

const publicStatus = async (slugOfId: number) =>
  await t.database.db.selectFrom('practices').select(['slug', 'status']).where('id', '=', slugOfId).executeTakeFirstOrThrow();

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
    const anonymous = newVisitor(t);
    const res = await anonymous.get('/en/my/practices/new');
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /\/en\/sign-in\?next=/);
    assert.equal((await anonymous.get('/en/editor/practices')).status, 303);
  });

  it('keeps everything typed when the form has errors', async () => {
    await author.get('/en/my/practices/new');
    const res = await author.post('/en/my/practices/new', { ...complete, startYear: '20x6', links: 'not a link' });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /class="error-summary"/);
    assert.match(html, /Abfallsammlerinnen in Genossenschaften/);
    assert.match(html, /Tausende Menschen sammelten/);
    assert.match(html, /value="waste-management" checked/);
    assert.match(html, /20x6/);
  });

  it('stores text with NUL characters (pasted from odd sources) instead of failing', async () => {
    const id = await createPractice(author, { ...complete, title: 'Mit\u0000Nullzeichen', approach: 'Schritt\u0000eins' });
    const stored = await t.database.db
      .selectFrom('practice_revisions')
      .select('content')
      .where('practice_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.match(JSON.stringify(stored.content), /MitNullzeichen/);
    await author.get(`/en/my/practices/${id}`);
    const res = await author.post(`/en/my/practices/${id}/act`, { action: 'withdraw', comment: 'a\u0000b' });
    assert.equal(res.status, 303);
  });

  it('runs draft → submitted → changes requested → resubmitted → published, with history, comments and mail', async () => {
    const id = await createPractice(author);
    assert.equal((await publicStatus(id)).status, 'draft');
    const { slug } = await publicStatus(id);
    // Invisible to the public, the API and search while not published.
    assert.equal((await newVisitor(t).get(`/en/practices/${slug}`)).status, 404);
    assert.equal((await t.request(`/api/v1/practices/${slug}`)).status, 404);
    assert.doesNotMatch(await (await t.request('/de/practices?q=Abfallsammlerinnen')).text(), /Genossenschaften/);

    const submitted = await act(author, 'my', id, 'submit');
    assert.equal(await noticeOf(submitted), 'submitted');
    const toEditor = await lastMailTo(t.database.db, 'editor@network.example');
    assert.match(toEditor?.subject ?? '', /Abfallsammlerinnen|For review/);
    assert.match(toEditor?.text_body ?? '', new RegExp(`/editor/practices/${id}`));

    // A member cannot publish, not even their own practice.
    const memberPublish = await act(author, 'my', id, 'publish');
    assert.equal(await noticeOf(memberPublish), 'notAllowed');
    assert.equal((await publicStatus(id)).status, 'draft');

    // Asking for changes needs a comment, which reaches the author by mail.
    assert.equal(await noticeOf(await act(editor, 'editor', id, 'request-changes', '')), 'commentRequired');
    await act(editor, 'editor', id, 'request-changes', 'Bitte die Kosten pro Jahr nennen.');
    const toAuthor = await lastMailTo(t.database.db, 'amina@city.example');
    assert.match(toAuthor?.text_body ?? '', /Bitte die Kosten pro Jahr nennen\./);

    await author.get(`/en/my/practices/${id}/edit?lang=de`);
    const saved = await author.post(`/en/my/practices/${id}/edit`, { ...complete, resources: 'Zwei Stellen, 40.000 Euro pro Jahr.' });
    assert.equal(saved.status, 303);
    await act(author, 'my', id, 'submit');
    assert.equal((await author.get(`/en/my/practices/${id}`)).status, 200);
    assert.match(author.lastHtml, /Resubmitted/);

    const published = await act(editor, 'editor', id, 'publish');
    assert.equal(await noticeOf(published), 'published');
    assert.equal((await publicStatus(id)).status, 'published');
    const page = await newVisitor(t).get(`/de/practices/${slug}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /40\.000 Euro pro Jahr/);
    // German stemming: "Abfallsammler" finds "Abfallsammlerinnen".
    assert.match(await (await t.request('/de/practices?q=Abfallsammler')).text(), /Abfallsammlerinnen in Genossenschaften/);

    const history = await t.database.db
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
    const publishedMail = await lastMailTo(t.database.db, 'amina@city.example');
    assert.match(publishedMail?.subject ?? '', /Published/);
  });

  it('keeps the published version online while an edit waits for review', async () => {
    const id = await createPractice(author, { ...complete, title: 'Kompost für Schulgärten', city: 'Agadir', country: 'MA' });
    await act(author, 'my', id, 'submit');
    await act(editor, 'editor', id, 'publish');
    const { slug } = await publicStatus(id);

    await author.get(`/en/my/practices/${id}/edit?lang=de`);
    await author.post(`/en/my/practices/${id}/edit`, { ...complete, title: 'Kompost für alle Schulen', city: 'Agadir', country: 'MA' });
    await act(author, 'my', id, 'submit');
    const during = await (await t.request(`/de/practices/${slug}`)).text();
    assert.match(during, /Kompost für Schulgärten/);
    assert.doesNotMatch(during, /Kompost für alle Schulen/);

    await act(editor, 'editor', id, 'publish');
    const afterApproval = await (await t.request(`/de/practices/${slug}`)).text();
    assert.match(afterApproval, /Kompost für alle Schulen/);
    assert.equal((await publicStatus(id)).slug, slug, 'the address stays when the title changes');
  });

  it('hides another member’s practice completely and refuses their edits', async () => {
    const id = await createPractice(author, { ...complete, title: 'Privater Entwurf' });
    assert.equal((await other.get(`/en/my/practices/${id}`)).status, 404);
    assert.equal((await other.get(`/en/my/practices/${id}/edit`)).status, 404);
    await other.get('/en/my/practices');
    const res = await other.post(`/en/my/practices/${id}/edit`, { ...complete, title: 'Übernommen' });
    assert.equal(res.status, 404);
    assert.equal((await other.post(`/en/my/practices/${id}/act`, { action: 'submit' })).status, 404);
    const stored = await t.database.db
      .selectFrom('practice_revisions')
      .select('content')
      .where('practice_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.match(JSON.stringify(stored.content), /Privater Entwurf/);
    // And the editor area is closed to members.
    assert.equal((await other.get(`/en/editor/practices/${id}`)).status, 403);
  });

  it('does not let an author change a version under review, and refuses submitting an incomplete one', async () => {
    const incomplete = await createPractice(author, {
      lang: 'en',
      intent: 'save',
      title: 'Only a title',
      summary: '',
      city: '',
      country: '',
    });
    const refused = await act(author, 'my', incomplete, 'submit');
    assert.equal(await noticeOf(refused), 'incomplete');
    await author.get(`/en/my/practices/${incomplete}`);
    assert.match(author.lastHtml, /Before you can submit/);

    const id = await createPractice(author, { ...complete, title: 'Gesperrt während der Prüfung' });
    await act(author, 'my', id, 'submit');
    await act(editor, 'editor', id, 'start-review');
    const res = await author.post(`/en/my/practices/${id}/edit`, { ...complete, title: 'Heimlich geändert' });
    assert.equal(await noticeOf(res), 'locked');
  });

  it('lets editors reject with a comment and archive a published practice (offline, recorded)', async () => {
    const rejected = await createPractice(author, { ...complete, title: 'Abgelehnte Idee' });
    await act(author, 'my', rejected, 'submit');
    await act(editor, 'editor', rejected, 'reject', 'Kein kommunales Projekt.');
    assert.equal((await publicStatus(rejected)).status, 'draft');
    assert.match((await lastMailTo(t.database.db, 'amina@city.example'))?.text_body ?? '', /Kein kommunales Projekt\./);

    const id = await createPractice(author, { ...complete, title: 'Bald archiviert' });
    await act(author, 'my', id, 'submit');
    await act(editor, 'editor', id, 'publish');
    const { slug } = await publicStatus(id);
    await editor.get(`/en/editor/practices/${id}`);
    const archived = await editor.post(`/en/editor/practices/${id}/archive`, { archived: 'yes', archiveComment: 'Projekt beendet.' });
    assert.equal(await noticeOf(archived), 'archived');
    assert.equal((await t.request(`/en/practices/${slug}`)).status, 404);
    // A member cannot archive.
    await author.get(`/en/my/practices/${id}`);
    assert.equal((await author.post(`/en/my/practices/${id}/archive`, { archived: 'no' })).status, 303);
    assert.equal((await publicStatus(id)).status, 'archived');
    const last = await t.database.db
      .selectFrom('practice_history')
      .select(['to_state', 'comment'])
      .where('practice_id', '=', id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(last, { to_state: 'archived', comment: 'Projekt beendet.' });
  });

  it('limits submissions (each one mails every editor) to ten per member and hour', async () => {
    await createMember(t, 'eager@city.example');
    const spammer = await signedIn(t, 'eager@city.example');
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

  it('never lets a member’s city name rename a city other practices use', async () => {
    const rabat = await createPractice(author, { ...complete, title: 'Rabat', city: 'الرباط', country: 'MA' });
    const casa = await createPractice(author, { ...complete, title: 'Casablanca', city: 'الدار البيضاء', country: 'MA' });
    const again = await createPractice(author, { ...complete, title: 'Rabat again', city: ' الرباط ', country: 'MA' });
    for (const id of [rabat, casa, again]) {
      await act(author, 'my', id, 'submit');
      await act(editor, 'editor', id, 'publish');
    }
    const cities = await t.database.db
      .selectFrom('practices as p')
      .innerJoin('cities as c', 'c.id', 'p.city_id')
      .select(['p.id', 'c.id as city_id', 'c.name'])
      .where('p.id', 'in', [rabat, casa, again])
      .orderBy('p.id')
      .execute();
    assert.deepEqual(
      cities.map((c) => c.name),
      ['الرباط', 'الدار البيضاء', 'الرباط'],
    );
    assert.equal(cities[0]?.city_id, cities[2]?.city_id, 'the same name is the same city');
    assert.notEqual(cities[0]?.city_id, cities[1]?.city_id);
  });

  it('lets an editor change an imported practice (no author): edit, submit, publish', async () => {
    const { id, slug } = await t.database.db
      .selectFrom('practices')
      .select(['id', 'slug'])
      .where('external_id', 'like', 'demo-practice-%')
      .where('status', '=', 'published')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await editor.get(`/en/editor/practices/${id}/edit?lang=en`);
    const values = await editor.get(`/en/editor/practices/${id}/edit?lang=en`);
    assert.equal(values.status, 200);
    const title = /id="field-title"[^>]*value="([^"]*)"/.exec(editor.lastHtml)?.[1] ?? '';
    assert.ok(title.length > 0, 'the form starts from the published text');
    const saved = await editor.post(`/en/editor/practices/${id}/edit`, { ...complete, lang: 'en', title: 'Corrected by the editors' });
    assert.equal(saved.status, 303);
    assert.equal(await noticeOf(await act(editor, 'editor', id, 'submit')), 'submitted');
    assert.equal(await noticeOf(await act(editor, 'editor', id, 'publish')), 'published');
    assert.match(await (await t.request(`/en/practices/${slug}`)).text(), /Corrected by the editors/);
  });

  it('sends decisions to the practice’s author, even when an editor started the version', async () => {
    const id = await createPractice(author, { ...complete, title: 'Vom Redakteur begonnen' });
    await act(author, 'my', id, 'submit');
    await act(editor, 'editor', id, 'publish');
    await editor.get(`/en/editor/practices/${id}/edit?lang=de`);
    await editor.post(`/en/editor/practices/${id}/edit`, { ...complete, title: 'Vom Redakteur begonnen, geändert' });
    await act(editor, 'editor', id, 'submit');
    await createMember(t, 'second-editor@network.example', 'editor');
    const second = await signedIn(t, 'second-editor@network.example');
    await deliverQueuedMail(t.database.db);
    await act(second, 'editor', id, 'reject', 'Lieber nicht.');
    const mail = await lastMailTo(t.database.db, 'amina@city.example');
    assert.match(mail?.text_body ?? '', /Lieber nicht\./);
  });

  it('withdraws a version in review when the practice is archived, so approving cannot bring it back', async () => {
    const id = await createPractice(author, { ...complete, title: 'Eingefroren' });
    await act(author, 'my', id, 'submit');
    await act(editor, 'editor', id, 'publish');
    await author.get(`/en/my/practices/${id}/edit?lang=de`);
    await author.post(`/en/my/practices/${id}/edit`, { ...complete, title: 'Eingefroren, neu' });
    await act(author, 'my', id, 'submit');
    await editor.get(`/en/editor/practices/${id}`);
    await editor.post(`/en/editor/practices/${id}/archive`, { archived: 'yes', archiveComment: '' });
    const res = await act(editor, 'editor', id, 'publish');
    assert.equal(res.status, 409);
    assert.equal((await publicStatus(id)).status, 'archived');
    const states = await t.database.db
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
    const id = await createPractice(author, { ...complete, title: 'Falsches Thema', topic: [], theme: ['no-such-theme'] });
    assert.equal(await noticeOf(await act(author, 'my', id, 'submit')), 'incomplete');

    const other = await createPractice(author, { ...complete, title: 'Langer Kommentar' });
    await act(author, 'my', other, 'submit');
    const long = `Bitte ändern: ${'x'.repeat(5100)}`;
    const refused = await act(editor, 'editor', other, 'request-changes', long);
    assert.equal(refused.status, 422);
    const html = await refused.text();
    assert.match(html, /too long/);
    assert.ok(html.includes(long), 'the comment is still there');

    await author.get(`/en/my/practices/${other}?notice=bogusKey`);
    assert.doesNotMatch(author.lastHtml, /practiceWorkflow\.notices\.bogusKey|role="status">[^<]*bogusKey/);

    const broken = await t.request(`/en/my/practices/${other}/act`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'x-csrf-token': author.csrf, cookie: author.cookieHeaderForTests() },
      body: '--x\r\nContent-Disposition: form-data; name="action"\r\n\r\nsubmit',
    });
    assert.equal(broken.status, 400);
  });

  it('lists waiting practices for editors and a member’s own practices for them', async () => {
    const id = await createPractice(other, { ...complete, title: 'Warteschlange' });
    await act(other, 'my', id, 'submit');
    await editor.get('/en/editor/practices');
    assert.match(editor.lastHtml, /Warteschlange/);
    await other.get('/en/my/practices');
    assert.match(other.lastHtml, /Warteschlange/);
    assert.doesNotMatch(other.lastHtml, /Abgelehnte Idee/);
    await deliverQueuedMail(t.database.db);
  });
});

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
    const id = await createPractice(author, { ...complete, title: 'Mit Dateien' });
    assert.equal((await upload(author, id, 'document', pdf(), 'Leitfaden für Städte')).status, 303);
    const png = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#3a7' } })
      .png()
      .toBuffer();
    const image = await upload(author, id, 'image', new File([png], 'foto.png', { type: 'image/png' }), 'Sammlerinnen sortieren Plastik.');
    assert.equal(image.status, 303);
    await act(author, 'my', id, 'submit');
    await act(editor, 'editor', id, 'publish');
    const { slug } = await publicStatus(id);
    const html = await (await t.request(`/en/practices/${slug}`)).text();
    assert.match(html, /Leitfaden für Städte/);
    assert.match(html, /alt="Sammlerinnen sortieren Plastik\."/);
    const href = /href="(\/uploads\/[0-9a-f]{64}\.pdf)"/.exec(html)?.[1];
    assert.ok(href);
    const file = await t.request(href);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
  });

  it('refuses a 20 MB file, a renamed executable and an SVG with script, with a clear message and the typed text kept', async () => {
    const id = await createPractice(author, { ...complete, title: 'Abgelehnte Dateien' });
    const big = new File([new Uint8Array(20 * 1024 * 1024)], 'gross.pdf', { type: 'application/pdf' });
    const tooBig = await upload(author, id, 'document', big, 'Sehr großes Dokument');
    assert.equal(tooBig.status, 422);
    const bigHtml = await tooBig.text();
    assert.match(bigHtml, /20 MB/);
    assert.match(bigHtml, /10 MB/);
    assert.match(bigHtml, /value="Sehr großes Dokument"/);

    const exe = new File([Buffer.concat([Buffer.from('MZ\x90\x00\x03'), Buffer.alloc(2000)])], 'bericht.pdf', { type: 'application/pdf' });
    const exeRes = await upload(author, id, 'document', exe, 'Bericht');
    assert.equal(exeRes.status, 422);
    assert.match(await exeRes.text(), /not a PDF/i);

    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], 'karte.svg', {
      type: 'image/svg+xml',
    });
    const svgRes = await upload(author, id, 'image', svg, 'Karte der Sammelstellen');
    assert.equal(svgRes.status, 422);
    const svgHtml = await svgRes.text();
    assert.match(svgHtml, /SVG/);
    assert.match(svgHtml, /Karte der Sammelstellen/);

    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const noAlt = await upload(author, id, 'image', new File([png], 'a.png', { type: 'image/png' }), '');
    assert.equal(noAlt.status, 422);
    assert.match(await noAlt.text(), /describe the picture/i);

    const stored = await t.database.db
      .selectFrom('practice_revisions')
      .select('content')
      .where('practice_id', '=', id)
      .executeTakeFirstOrThrow();
    const content = stored.content as { documents: unknown[]; images: unknown[] };
    assert.equal(content.documents.length + content.images.length, 0);
  });

  it('deletes files removed from a draft after a day, and keeps every file a record still refers to', async () => {
    const id = await createPractice(author, { ...complete, title: 'Aufgeräumt' });
    const keep = new File([Buffer.from('%PDF-1.4\nkeep\n%%EOF\n')], 'behalten.pdf', { type: 'application/pdf' });
    const drop = new File([Buffer.from('%PDF-1.4\ndrop\n%%EOF\n')], 'weg.pdf', { type: 'application/pdf' });
    await upload(author, id, 'document', keep, 'Behalten');
    await upload(author, id, 'document', drop, 'Weg');
    const rows = await t.database.db
      .selectFrom('uploads')
      .select(['id', 'sha256', 'original_name'])
      .where('original_name', 'in', ['behalten.pdf', 'weg.pdf'])
      .execute();
    const dropped = rows.find((r) => r.original_name === 'weg.pdf');
    const kept = rows.find((r) => r.original_name === 'behalten.pdf');
    assert.ok(dropped && kept);
    await author.get(`/en/my/practices/${id}`);
    await author.post(`/en/my/practices/${id}/files/remove`, { uploadId: String(dropped.id), kind: 'document' });
    const dir = uploadsDir({ DATA_DIR: t.dataDir });
    assert.ok(existsSync(join(dir, `${dropped.sha256}.pdf`)));

    assert.equal(await pruneUploads(t.database.db, dir), 0, 'nothing goes within the grace day');
    await t.database.db
      .updateTable('uploads')
      .set({ created_at: new Date(Date.now() - 3 * 86_400_000) })
      .execute();
    await pruneUploads(t.database.db, dir);
    assert.ok(!existsSync(join(dir, `${dropped.sha256}.pdf`)));
    assert.ok(existsSync(join(dir, `${kept.sha256}.pdf`)));
    const left = await t.database.db.selectFrom('uploads').select('id').where('id', 'in', [dropped.id, kept.id]).execute();
    assert.deepEqual(
      left.map((r) => r.id),
      [kept.id],
    );
  });
});
