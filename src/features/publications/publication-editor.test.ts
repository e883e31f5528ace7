import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createMember, newVisitor, signedIn } from '../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { insertLaterEvents } from '../../../tests/helpers/events.ts';
import type { Visitor } from '../../../tests/helpers/http.ts';
import { photo } from '../../../tests/helpers/uploads.ts';
import { childrenNamed, parseXml } from '../../../tests/helpers/xml.ts';
import { publicationsPersonalData } from './personal-data.service.ts';

// The editors' side of publications: who may use it, the form's refusals (a file that is not a PDF,
// over-long and malformed fields) with nothing saved, a draft with an uploaded PDF that stays private,
// sanitised Markdown, publishing and withdrawing, a second language, and the editor's personal data.

let t: TestApp;
let editor: Visitor;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const UNSAFE = [
  'Findings from **five cities**.',
  '<script>alert("x")</script>',
  '[click](javascript:alert(1)) <img src="https://tracker.example/pixel.gif"> <a href="https://ok.example" onclick="steal()">ok</a>',
].join('\n\n');

function form(fields: Record<string, string | string[]>, files: Record<string, File> = {}): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  for (const [key, file] of Object.entries(files)) data.append(key, file);
  return data;
}

const fields = {
  lang: 'en',
  title: 'Waste pickers and the city: a study',
  summary: UNSAFE,
  kind: 'study',
  year: '2021',
  languages: ['en', 'sq'],
  themes: 'municipal-services',
  regions: 'southeast-europe-caucasus',
  source: 'file',
  url: '',
  coverAlt: '',
  status: 'draft',
};

const storedFiles = () => {
  const dir = join(t.dataDir, 'uploads');
  return existsSync(dir) ? readdirSync(dir).sort() : [];
};

async function counts() {
  const r = await sql<{ publications: number; uploads: number }>`
    select (select count(*)::int from publications) as publications, (select count(*)::int from uploads) as uploads`.execute(t.database.db);
  return r.rows[0];
}

before(async () => {
  t = await createTestApp({ seed: 'demo' });
  await createMember(t, 'editor@network.example', 'editor');
  await createMember(t, 'member@city.example');
  editor = await signedIn(t, 'editor@network.example');
});
after(() => t.close());

describe('publications: editors', () => {
  it('lets only editors in', async () => {
    const anonymous = await t.request('/en/editor/publications');
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('location') ?? '', /\/en\/sign-in\?next=/);
    const member = await signedIn(t, 'member@city.example');
    assert.equal((await member.get('/en/editor/publications')).status, 403);
    assert.equal((await member.get('/en/editor/publications/new')).status, 403);
    const before = await counts();
    const posted = await member.postMultipart('/en/editor/publications/new', form(fields, { file: new File([pdf], 'a.pdf') }));
    assert.equal(posted.status, 403);
    const slug = 'what-cities-learned-in-the-pandemic-lessons-from-the-covid-19-exchange-series';
    assert.equal((await member.post(`/en/editor/publications/${slug}/status`, { status: 'draft' })).status, 403);
    assert.deepEqual(await counts(), before);
    assert.equal((await t.request(`/en/publications/${slug}`)).status, 200, 'still published');
    const list = await editor.get('/en/editor/publications');
    assert.equal(list.status, 200);
    assert.match(editor.lastHtml, /href="\/en\/editor\/publications"[^>]*>Publications</, 'in the editorial navigation');
  });

  it('refuses a file that is not a PDF and bad fields, keeps what was typed and saves nothing', async () => {
    const before = await counts();
    await editor.get('/en/editor/publications/new');
    const fake = new File([Buffer.from('MZ\x90\x00 a program, not a document')], 'report.pdf', { type: 'application/pdf' });
    const res = await editor.postMultipart('/en/editor/publications/new', form(fields, { file: fake }));
    assert.equal(res.status, 422);
    const html = editor.lastHtml;
    assert.match(html, /<p class="field-error" id="field-file-error">This file is not a PDF\./);
    assert.match(html, /value="Waste pickers and the city: a study"/);
    assert.match(html, /id="field-languages-sq" name="languages" value="sq" checked=""/);
    assert.deepEqual(await counts(), before, 'no publication and no upload recorded');

    const bad = await editor.postMultipart(
      '/en/editor/publications/new',
      form({ ...fields, title: 'T'.repeat(201), year: 'soon', kind: 'novel', source: 'link', url: 'javascript:alert(1)' }),
    );
    assert.equal(bad.status, 422);
    assert.match(editor.lastHtml, /id="field-title-error"/);
    assert.match(editor.lastHtml, /id="field-year-error"/);
    assert.match(editor.lastHtml, /id="field-kind-error"/);
    assert.match(editor.lastHtml, /id="field-url-error"/);
    assert.match(editor.lastHtml, /value="javascript:alert\(1\)"/, 'the typed address is kept to be corrected');
    const neither = await editor.postMultipart('/en/editor/publications/new', form(fields));
    assert.equal(neither.status, 422);
    assert.match(editor.lastHtml, /Choose a PDF file, or give a link instead\./);
    assert.deepEqual(await counts(), before);
  });

  it('keeps a draft and its PDF private, sanitises the summary, publishes and withdraws', async () => {
    const events = await sql<{ id: number }>`select id from events where slug = 'trier-sustainable-land-management-2020'`.execute(
      t.database.db,
    );
    const eventId = String(events.rows[0]?.id);
    await editor.get('/en/editor/publications/new');
    const cover = new File([await photo(800, 600)], 'cover.jpg', { type: 'image/jpeg' });
    const noAlt = await editor.postMultipart(
      '/en/editor/publications/new',
      form({ ...fields, eventId }, { file: new File([pdf], 'a.pdf'), cover }),
    );
    assert.equal(noAlt.status, 422, 'a cover needs its description');
    assert.match(editor.lastHtml, /id="field-coverAlt-error"/);
    const notImage = new File([pdf], 'cover.jpg', { type: 'image/jpeg' });
    const filesBefore = storedFiles();
    const badCover = await editor.postMultipart(
      '/en/editor/publications/new',
      form({ ...fields, coverAlt: 'x' }, { file: new File([pdf], 'a.pdf'), cover: notImage }),
    );
    assert.equal(badCover.status, 422);
    assert.match(editor.lastHtml, /id="field-cover-error">This file is not a JPEG, PNG or WebP image/);
    assert.deepEqual(storedFiles(), filesBefore, 'the accepted PDF of a refused save is not left on disk');
    const saved = await editor.postMultipart(
      '/en/editor/publications/new',
      form({ ...fields, eventId, coverAlt: 'Sorted plastic bottles in sacks' }, { file: new File([pdf], 'Waste study.pdf'), cover }),
    );
    assert.equal(saved.status, 303);
    const page = '/en/publications/waste-pickers-and-the-city-a-study';
    assert.equal((await t.request(page)).status, 404, 'a draft is not public');
    assert.doesNotMatch(await (await t.request('/en/publications?q=pickers')).text(), /Waste pickers and the city/);
    const stored = await sql<{ sha256: string }>`
      select u.sha256 from publications p join uploads u on u.id = p.file_upload_id where p.slug = 'waste-pickers-and-the-city-a-study'`.execute(
      t.database.db,
    );
    const file = `/uploads/${stored.rows[0]?.sha256}.pdf`;
    assert.equal((await t.request(file)).status, 404, "a draft's PDF is hidden");
    assert.equal((await editor.get(file)).status, 200, 'editors may fetch it');
    const covers = await sql<{ sha256: string }>`
      select u.sha256 from publications p join uploads u on u.id = p.cover_upload_id where p.slug = 'waste-pickers-and-the-city-a-study'`.execute(
      t.database.db,
    );
    const coverFile = `/uploads/${covers.rows[0]?.sha256}.jpg`;
    assert.equal((await t.request(coverFile)).status, 404, "a draft's cover is hidden");
    const event = '/en/events/trier-sustainable-land-management-2020';
    assert.doesNotMatch(await (await t.request(event)).text(), /Waste pickers and the city/);

    const preview = await editor.get(page);
    assert.equal(preview.status, 200);
    const html = editor.lastHtml;
    assert.match(html, /<strong>five cities<\/strong>/);
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /href="javascript:/);
    assert.doesNotMatch(html, /<img[^>]+tracker\.example/, 'no tracking image');
    assert.doesNotMatch(html, /<a [^>]*onclick/);

    await editor.get('/en/editor/publications');
    assert.equal(
      (await editor.post('/en/editor/publications/waste-pickers-and-the-city-a-study/status', { status: 'published' })).status,
      303,
    );
    const published = await (await t.request(page)).text();
    assert.match(
      published,
      /PDF, 0\.1 MB<\/dd><\/dl><p><a class="button" href="\/uploads\/[0-9a-f]{64}\.pdf" download="Waste study\.pdf">/,
    );
    assert.match(published, /Language of the document<\/dt><dd>English, Albanian<\/dd>/);
    assert.equal((await t.request(file)).status, 200, 'public once published');
    assert.equal((await t.request(coverFile)).status, 200);
    assert.match(
      published,
      /<img class="publication-cover" src="\/uploads\/[0-9a-f]{64}-640\.jpg"[^>]* alt="Sorted plastic bottles in sacks"/,
    );
    assert.match(await (await t.request(event)).text(), /href="\/en\/publications\/waste-pickers-and-the-city-a-study"/);
    const feed = parseXml(await (await t.request('/en/publications/feed.atom')).text());
    const entry = childrenNamed(feed, 'entry').find((e) => childrenNamed(e, 'title')[0]?.text === fields.title);
    const enclosure = childrenNamed(entry ?? feed, 'link').find((l) => l.attrs.rel === 'enclosure');
    assert.equal(enclosure?.attrs.type, 'application/pdf');
    assert.equal(enclosure?.attrs.length, String(pdf.length));
    assert.match(childrenNamed(entry ?? feed, 'summary')[0]?.text ?? '', /^Findings from five cities\./, 'the summary as plain text');

    await editor.get('/en/editor/publications/waste-pickers-and-the-city-a-study/edit?lang=ar');
    const arabic = await editor.postMultipart(
      '/en/editor/publications/waste-pickers-and-the-city-a-study/edit?lang=ar',
      form({
        ...fields,
        lang: 'ar',
        title: 'جامعو النفايات والمدينة',
        summary: 'دراسة عن خمس مدن.',
        coverAlt: 'زجاجات بلاستيكية مفرزة في أكياس',
        eventId,
        status: 'published',
      }),
    );
    assert.equal(arabic.status, 303, 'the stored PDF is kept when no new file is chosen');
    assert.match(await (await t.request(page.replace('/en/', '/ar/'))).text(), /<h1>جامعو النفايات والمدينة<\/h1>/);
    assert.match(await (await t.request(page)).text(), /<h1>Waste pickers and the city: a study<\/h1>/);

    await editor.get('/en/editor/publications');
    await editor.post('/en/editor/publications/waste-pickers-and-the-city-a-study/status', { status: 'draft' });
    assert.equal((await t.request(page)).status, 404, 'withdrawn: a draft again');
    assert.equal((await t.request(file)).status, 404);
    assert.equal((await newVisitor(t).get('/en/editor/publications/waste-pickers-and-the-city-a-study/edit')).status, 303);
  });

  it("names the editor's publications in their data export and forgets them on deletion", async () => {
    const { db } = t.database;
    const user = await db.selectFrom('users').select('id').where('email', '=', 'editor@network.example').executeTakeFirstOrThrow();
    const data = await publicationsPersonalData.exportData(db, user.id);
    assert.deepEqual(
      (data.publicationsEdited as Array<{ publication: { slug: string } }>).map((p) => p.publication.slug),
      ['waste-pickers-and-the-city-a-study'],
    );
    await db.transaction().execute((trx) => publicationsPersonalData.eraseData(trx, user.id, { baseUrl: '', mailFrom: '' }));
    assert.deepEqual(await publicationsPersonalData.exportData(db, user.id), { publicationsEdited: [] });
    assert.equal((await t.request('/en/publications')).status, 200, 'the publications stay');
  });

  it('keeps the link to an event older than the newest 1,000 when the publication is saved again', async () => {
    await insertLaterEvents(t.database.db, 1001);
    const edit = '/en/editor/publications/waste-pickers-and-the-city-a-study/edit';
    await editor.get(edit);
    const linked = await sql<{
      event_id: number;
    }>`select event_id from publications where slug = 'waste-pickers-and-the-city-a-study'`.execute(t.database.db);
    const eventId = String(linked.rows[0]?.event_id);
    // What the browser sends back is the selected option: the linked event must be one.
    assert.match(editor.lastHtml, new RegExp(`<option value="${eventId}" selected="">[^<]+ \\(2020-`));
    assert.equal((await editor.postMultipart(edit, form({ ...fields, eventId, coverAlt: 'Sorted plastic bottles in sacks' }))).status, 303);
    const after = await sql<{
      event_id: number;
    }>`select event_id from publications where slug = 'waste-pickers-and-the-city-a-study'`.execute(t.database.db);
    assert.equal(String(after.rows[0]?.event_id), eventId);
  });
});
