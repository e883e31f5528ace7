import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createMember, newVisitor, signedIn } from '../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import type { Visitor } from '../../../tests/helpers/http.ts';
import { pruneUploads } from '../../core/uploads/uploads-housekeeping.service.ts';
import { exportProjectIdeas, importProjectIdeas } from './project-ideas.import.ts';

// Project ideas on the demo data: the six ideas of the January 2021 MENA workshop, the public list and
// pages (drafts hidden, supporting experts by the reader's visibility), the editors' tools and each
// role's permissions, and the exchange format.

let t: TestApp;
let editor: Visitor;
const IRBID = '/en/project-ideas/a-business-incubator-for-young-graduates-in-a-vacant-municipal-building';
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

before(async () => {
  t = await createTestApp({ seed: 'demo' });
  await createMember(t, 'editor@network.example', 'editor');
  await createMember(t, 'member@city.example');
  editor = await signedIn(t, 'editor@network.example');
});
after(() => t.close());

describe('project ideas: the demo workshop', () => {
  it('lists the six published ideas, with counts per stage and filters that combine', async () => {
    const res = await t.request('/en/project-ideas');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /6 project ideas/);
    assert.match(html, /Ready for funding <span class="count">\(2\)<\/span>/);
    const ready = await (await t.request('/en/project-ideas?stage=ready-for-funding')).text();
    assert.match(ready, /2 project ideas/);
    assert.match(ready, /Irbid/);
    assert.doesNotMatch(ready, /Kairouan/);
    const words = await (await t.request('/en/project-ideas?q=cooperative&region=mena')).text();
    assert.match(words, /1 project idea</);
    assert.match(words, /Chefchaouen/);
    const german = await (await t.request('/de/project-ideas?q=Genossenschaft')).text();
    assert.match(german, /Chefchaouen/, 'German words find the German text');
    const malformed = await t.request('/en/project-ideas?stage=nope&page=-3&theme=%3Cscript%3E&q=%22%27');
    assert.equal(malformed.status, 200);
  });

  it('shows an idea with its path, workshops and call; the workshop lists its six ideas', async () => {
    const html = await (await t.request(IRBID)).text();
    assert.match(html, /<li class="current" aria-current="step"><span>Ready for funding<\/span>/);
    assert.match(html, /Project-planning workshop|MENA project-planning workshop, January 2021/);
    assert.match(html, /Call for experts: support six MENA project ideas/);
    assert.match(html, /€380,000/);
    assert.match(html, /The municipal council agreed to make the vacant building available/);
    const event = await (await t.request('/en/events/mena-project-planning-2021')).text();
    assert.equal((event.match(/href="\/en\/project-ideas\//g) ?? []).length, 6);
    const arabic = await (await t.request(IRBID.replace('/en/', '/ar/'))).text();
    assert.match(arabic, /حاضنة أعمال للخريجين الشباب/, 'the Arabic text for Arabic readers');
    assert.doesNotMatch(arabic, /class="other-language"><h1>/, 'not marked as a fallback');
  });

  it('shows each reader only the supporting experts they may see', async () => {
    const anonymous = await (await t.request(IRBID)).text();
    assert.match(anonymous, /Milica Radosavljević|Milica Radosavljevic/);
    assert.doesNotMatch(anonymous, /Serkan/, 'a members-only profile stays hidden from visitors');
    assert.match(anonymous, /2 more supporting experts do not show their profiles here/);
    const member = await signedIn(t, 'member@city.example');
    const html = await (await member.get(IRBID)).text();
    assert.match(html, /Serkan/);
    assert.doesNotMatch(html, /more supporting expert/);
  });
});

describe('project ideas: editors', () => {
  let slug = '';

  it('keeps a draft hidden, refuses to publish it incomplete and keeps what was typed', async () => {
    await editor.get('/en/editor/project-ideas/new');
    const draft = await editor.post('/en/editor/project-ideas/new', {
      lang: 'en',
      status: 'draft',
      title: 'Solar canopies over the bus station',
      city: 'Mafraq',
      country: 'JO',
      topics: ['energy-supply'],
      budget: '75 000',
    });
    assert.equal(draft.status, 303);
    slug = /\/editor\/project-ideas\/([a-z0-9-]+)\?/.exec(draft.headers.get('location') ?? '')?.[1] ?? '';
    assert.equal(slug, 'solar-canopies-over-the-bus-station');
    assert.equal((await t.request(`/en/project-ideas/${slug}`)).status, 404, 'a draft does not exist for visitors');
    assert.equal((await editor.get(`/en/project-ideas/${slug}`)).status, 200);
    const html = editor.lastHtml;
    assert.match(html, /Municipal services/, 'a topic brings its theme');
    assert.match(html, /€75,000/);

    await editor.get(`/en/editor/project-ideas/${slug}/edit`);
    const incomplete = await editor.post(`/en/editor/project-ideas/${slug}/edit?lang=en`, {
      lang: 'en',
      status: 'published',
      title: 'Solar canopies over the bus station',
      summary: '',
      challenge: '',
      city: 'Mafraq',
      country: 'JO',
      budget: 'seventy',
    });
    assert.equal(incomplete.status, 422);
    const again = await incomplete.text();
    assert.match(again, /Please fill in this field to publish/);
    assert.match(again, /value="seventy"/);
    assert.match(again, /value="Solar canopies over the bus station"/);
  });

  it('publishes, records stages, names experts, links workshops and keeps documents', async () => {
    await editor.get(`/en/editor/project-ideas/${slug}/edit`);
    const published = await editor.post(`/en/editor/project-ideas/${slug}/edit?lang=en`, {
      lang: 'en',
      status: 'published',
      title: 'Solar canopies over the bus station',
      summary: 'Shade and power for the central bus station.',
      challenge: 'Passengers wait in the sun; the station pays for diesel generators.',
      city: 'Mafraq',
      country: 'JO',
      topics: ['energy-supply'],
      budget: '75000',
    });
    assert.equal(published.status, 303);
    assert.equal((await t.request(`/en/project-ideas/${slug}`)).status, 200);

    const manage = `/en/editor/project-ideas/${slug}`;
    await editor.get(manage);
    const badDay = await editor.post(`${manage}/stage`, { stage: 'validated', reachedOn: '2026-02-30', note: '' });
    assert.equal(badDay.status, 422);
    assert.match(await badDay.text(), /Please check this value/);
    assert.equal((await editor.post(`${manage}/stage`, { stage: 'validated', reachedOn: '2026-03-02', note: 'Council vote' })).status, 303);
    const page = await (await t.request(`/en/project-ideas/${slug}`)).text();
    assert.match(page, /aria-current="step"><span>Validated by the project city/);
    assert.match(page, /Council vote/);

    await editor.get(manage);
    const unknown = await editor.post(`${manage}/experts`, { expert: 'https://example.org/en/experts/nobody-here', contribution: '' });
    assert.equal(unknown.status, 422);
    assert.match(await unknown.text(), /There is no expert profile at this address/);
    const added = await editor.post(`${manage}/experts`, {
      expert: 'http://localhost:3000/en/experts/yazan-obeidat?x=1',
      contribution: 'Ran the same in Mafraq market',
    });
    assert.equal(added.status, 303);
    assert.match(await (await t.request(`/en/project-ideas/${slug}`)).text(), /Ran the same in Mafraq market/);

    const choices = await editor.get(manage);
    const eventId = /<option value="(\d+)">MENA project-planning workshop/.exec(await choices.text())?.[1];
    assert.ok(eventId, 'the workshop is offered');
    assert.equal((await editor.post(`${manage}/workshops/add`, { eventId })).status, 303);
    assert.match(await (await t.request(`/en/project-ideas/${slug}`)).text(), /Workshops and exchanges it went through/);
    assert.equal((await editor.post(`${manage}/workshops/remove`, { eventId })).status, 303);
    assert.doesNotMatch(await (await t.request(`/en/project-ideas/${slug}`)).text(), /Workshops and exchanges it went through/);

    await editor.get(manage);
    const notPdf = new FormData();
    notPdf.set('file', new File([Buffer.from('MZ\x90\x00 not a pdf')], 'outline.pdf', { type: 'application/pdf' }));
    notPdf.set('documentTitle', 'Outline');
    const refused = await editor.postMultipart(`${manage}/documents`, notPdf);
    assert.equal(refused.status, 422);
    assert.match(await refused.text(), /value="Outline"/);
    const form = new FormData();
    form.set('file', new File([pdf('outline')], 'outline.pdf', { type: 'application/pdf' }));
    form.set('documentTitle', 'Project outline');
    assert.equal((await editor.postMultipart(`${manage}/documents`, form)).status, 303);
    const withDocument = await (await t.request(`/en/project-ideas/${slug}`)).text();
    const href = /<a href="(\/uploads\/[0-9a-f]{64}\.pdf)" dir="auto">Project outline<\/a>/.exec(withDocument)?.[1];
    assert.ok(href, 'the document is listed');
    assert.equal((await t.request(href)).status, 200);
    // The worker's pruning of unused uploads, a day later, keeps what a project idea refers to.
    await sql`update uploads set created_at = now() - interval '2 days'`.execute(t.database.db);
    await pruneUploads(t.database.db, join(t.dataDir, 'uploads'));
    assert.equal((await t.request(href)).status, 200, 'kept by the pruning');

    // A workshop that goes back to draft is not named on the public page, only for editors.
    assert.equal((await editor.post(`${manage}/workshops/add`, { eventId })).status, 303);
    await sql`update events set status = 'draft' where id = ${Number(eventId)}`.execute(t.database.db);
    assert.doesNotMatch(await (await t.request(`/en/project-ideas/${slug}`)).text(), /Workshops and exchanges it went through/);
    assert.match(await (await editor.get(`/en/project-ideas/${slug}`)).text(), /Workshops and exchanges it went through/);
    await sql`update events set status = 'published' where id = ${Number(eventId)}`.execute(t.database.db);
  });

  it('lets only editors in, and every change needs the CSRF token', async () => {
    const anonymous = newVisitor(t);
    const redirect = await anonymous.get('/en/editor/project-ideas');
    assert.equal(redirect.status, 303);
    assert.match(redirect.headers.get('location') ?? '', /\/en\/sign-in\?next=/);
    const member = await signedIn(t, 'member@city.example');
    assert.equal((await member.get('/en/editor/project-ideas')).status, 403);
    assert.equal((await member.post(`/en/editor/project-ideas/${slug}/stage`, { stage: 'idea', reachedOn: '2026-01-01' })).status, 403);
    await editor.get('/en/editor/project-ideas');
    const forged = await editor.post(`/en/editor/project-ideas/${slug}/stage`, { _csrf: 'forged', stage: 'idea', reachedOn: '2026-01-01' });
    assert.equal(forged.status, 403);
    assert.match(await (await t.request(`/en/project-ideas/${slug}`)).text(), /aria-current="step"><span>Validated/);
  });
});

describe('project ideas: the exchange format', () => {
  it('exports and imports back unchanged, and rejects unknown experts, events and calls', async () => {
    // Records made on the platform have no external id: the export names them, and the import finds them by that name.
    await sql`update experts set external_id = null where slug = 'yazan-obeidat'`.execute(t.database.db);
    await sql`update calls set external_id = null`.execute(t.database.db);
    const { projectIdeas } = await exportProjectIdeas(t.database.db);
    assert.match(JSON.stringify(projectIdeas), /"externalId":"peerpolis-expert-\d+"/);
    assert.match(JSON.stringify(projectIdeas), /"call":"peerpolis-call-\d+"/);
    assert.equal(projectIdeas.length, 7);
    const again = await importProjectIdeas(t.database.db, projectIdeas);
    assert.deepEqual(
      again.map((o) => o.outcome),
      projectIdeas.map(() => 'updated'),
    );
    assert.deepEqual((await exportProjectIdeas(t.database.db)).projectIdeas, projectIdeas);
    // A file that names neither stage nor path leaves the idea where the editors put it.
    const irbid = projectIdeas.find((p) => p.externalId === 'demo-project-irbid-graduate-incubator');
    assert.ok(irbid);
    const [kept] = await importProjectIdeas(t.database.db, [{ ...irbid, stage: undefined, stages: undefined }]);
    assert.equal(kept?.outcome, 'updated');
    const after = (await exportProjectIdeas(t.database.db)).projectIdeas.find((p) => p.externalId === irbid.externalId);
    assert.equal(after?.stage, irbid.stage);
    const [rejected, badDay, imported] = await importProjectIdeas(t.database.db, [
      {
        externalId: 'x-1',
        city: 'Sfax',
        country: 'TN',
        experts: [{ externalId: 'no-such-expert' }],
        workshops: ['no-such-event'],
        call: 'no-such-call',
        translations: { en: { title: 'Bus lanes' } },
      },
      // An Invalid Date (month 13) is this record's reason, not an exception that ends the import.
      { ...irbid, externalId: 'x-2', stages: [{ stage: 'idea', reachedOn: '2024-13-45' }] },
      { externalId: 'x-3', city: 'Sfax', country: 'TN', translations: { en: { title: 'Shaded markets' } } },
    ]);
    assert.equal(rejected?.outcome, 'rejected');
    assert.equal(rejected?.reasons.length, 3);
    assert.deepEqual([badDay?.outcome, badDay?.reasons], ['rejected', ['stages.0.reachedOn: not a calendar day']]);
    assert.equal(imported?.outcome, 'created');
  });
});
