import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createMember, newVisitor, signedIn } from '../../../tests/helpers/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { insertEvent } from '../../../tests/helpers/events.ts';
import type { Visitor } from '../../../tests/helpers/http.ts';

// A member's own page (/<locale>/my): every module's section, filled only with the signed-in person's
// rows. Rows are written straight into the tables (as an import would) so each state is reached without
// walking every workflow here; the workflows have their own tests.

let t: TestApp;
const DAY = 86_400_000;
const JOIN = 'https://meet.example.org/room-4711';
const ids: Record<string, number> = {};

async function userId(email: string): Promise<number> {
  const row = await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return row.id;
}

async function register(event: number, user: number, status: 'registered' | 'waitlisted' | 'cancelled') {
  await sql`insert into event_registrations (event_id, user_id, status, registered_at, cancelled_at)
    values (${event}, ${user}, ${status}, ${status === 'registered' ? new Date() : null}, ${status === 'cancelled' ? new Date() : null})`.execute(
    t.database.db,
  );
}

async function insertCall(slug: string, title: string): Promise<number> {
  const call = await sql<{ id: number }>`insert into calls (slug, kind, status, deadline)
    values (${slug}, 'join-learning-process', 'open', ${new Date(Date.now() + 20 * DAY)}) returning id`.execute(t.database.db);
  const id = call.rows[0]?.id as number;
  await sql`insert into call_translations (call_id, locale, title) values (${id}, 'en', ${title})`.execute(t.database.db);
  return id;
}

async function apply(call: number, user: number, status: string, cityId: number) {
  await sql`insert into call_applications (call_id, user_id, status, city_id, country_code, proposal)
    values (${call}, ${user}, ${status}, ${cityId}, 'TN', 'Green corridors')`.execute(t.database.db);
}

async function insertPractice(slug: string, title: string, author: number, status: string, revisionState: string | null) {
  const p = await sql<{ id: number }>`insert into practices (slug, status, author_user_id, updated_at)
    values (${slug}, ${status}, ${author}, now()) returning id`.execute(t.database.db);
  const id = p.rows[0]?.id as number;
  await sql`insert into practice_translations (practice_id, locale, title) values (${id}, 'en', ${title})`.execute(t.database.db);
  if (revisionState)
    await sql`insert into practice_revisions (practice_id, state, content, author_user_id, updated_at)
      values (${id}, ${revisionState}, '{}', ${author}, now())`.execute(t.database.db);
  return id;
}

async function page(v: Visitor, path = '/en/my'): Promise<string> {
  const res = await v.get(path);
  assert.equal(res.status, 200);
  return res.text();
}

/** The HTML of one section (from its heading to the next section). */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  assert.ok(start >= 0, `the page has the section ${id}`);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

before(async () => {
  t = await createTestApp({ seed: 'taxonomy', env: { TRUST_PROXY: 'true' } });
  await createMember(t, 'amina@city.example');
  await createMember(t, 'bilal@city.example');
  await createMember(t, 'editor@network.example', 'editor');
  ids.amina = await userId('amina@city.example');
  ids.bilal = await userId('bilal@city.example');
  ids.editor = await userId('editor@network.example');
  const db = t.database.db;
  const soon = (days: number) => new Date(Date.now() + days * DAY);
  const online = await insertEvent(db, {
    slug: 'online-exchange',
    title: 'Online exchange on waste pickers',
    startsAt: soon(10),
    endsAt: soon(10.1),
    joinUrl: JOIN,
  });
  const full = await insertEvent(db, {
    slug: 'full-webinar',
    title: 'Full webinar on cooperatives',
    startsAt: soon(5),
    endsAt: soon(5.1),
    joinUrl: `${JOIN}-full`,
  });
  const past = await insertEvent(db, {
    slug: 'past-webinar',
    title: 'Past webinar on recycling',
    startsAt: soon(-30),
    endsAt: soon(-29.9),
    joinUrl: `${JOIN}-past`,
  });
  const dropped = await insertEvent(db, {
    slug: 'dropped-meeting',
    title: 'Dropped network meeting',
    format: 'in-person',
    startsAt: soon(40),
    endsAt: soon(40.2),
  });
  const bilals = await insertEvent(db, {
    slug: 'bilals-workshop',
    title: 'Workshop only Bilal attends',
    startsAt: soon(12),
    endsAt: soon(12.1),
    joinUrl: `${JOIN}-bilal`,
  });
  await register(online, ids.amina, 'registered');
  await register(full, ids.amina, 'registered');
  await register(full, ids.bilal, 'waitlisted');
  await register(past, ids.amina, 'registered');
  await register(dropped, ids.amina, 'cancelled');
  await register(bilals, ids.bilal, 'registered');

  const city = await sql<{
    id: number;
  }>`insert into cities (slug, country_code, name) values ('sfax-tn', 'TN', 'Sfax') returning id`.execute(db);
  const cityId = city.rows[0]?.id as number;
  const corridors = await insertCall('green-corridors', 'Join the learning process on green corridors');
  const host = await insertCall('host-a-dialogue', 'Host a dialogue event on heat');
  await apply(corridors, ids.amina, 'revision_requested', cityId);
  await apply(host, ids.amina, 'accepted', cityId);
  await apply(corridors, ids.bilal, 'rejected', cityId);

  await insertPractice('sfax-composting', 'Composting in Sfax', ids.amina, 'published', 'in_review');
  await insertPractice('sfax-markets', 'Market waste in Sfax', ids.amina, 'draft', 'changes_requested');
  await insertPractice('bilal-secret', 'Bilal unpublished practice', ids.bilal, 'draft', 'submitted');

  await sql`insert into experts (slug, display_name, user_id, visibility, listing_consent_at) values ('amina', 'amina', ${ids.amina}, 'members', now())`.execute(
    db,
  );
  await sql`insert into match_requests (title, query, created_by) values ('Waste pickers cooperative for Sfax', '{}', ${ids.editor})`.execute(
    db,
  );
  await sql`insert into match_requests (title, query, created_by) values ('Another editor request', '{}', null)`.execute(db);
});
after(() => t.close());

describe('a member’s own page', () => {
  it('sends anonymous visitors to sign in and back to /<locale>/my', async () => {
    const res = await newVisitor(t).get('/fr/my');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `/fr/sign-in?next=${encodeURIComponent('/fr/my')}`);
  });

  it('is what the header’s “My account” links to, and leads on to the account settings', async () => {
    const amina = await signedIn(t, 'amina@city.example');
    const home = await page(amina, '/en/');
    assert.match(home, /<a href="\/en\/my">My account<\/a>/);
    const html = await page(amina);
    assert.match(html, /<h1>My account<\/h1>/);
    assert.match(html, /<a class="button secondary" href="\/en\/account">Account settings<\/a>/);
    assert.match(html, /<meta name="robots" content="noindex"/);
    assert.match(await page(amina, '/en/account'), /<h1>Account settings<\/h1>/);
  });

  it('lists registrations upcoming first, with the join link only for a confirmed place at an upcoming online event', async () => {
    const html = section(await page(await signedIn(t, 'amina@city.example')), 'events');
    const order = [
      'Full webinar on cooperatives',
      'Online exchange on waste pickers',
      'Dropped network meeting',
      'Past webinar on recycling',
    ];
    const at = order.map((title) => html.indexOf(title));
    assert.ok(
      at.every((i) => i >= 0),
      'every registration is listed',
    );
    assert.deepEqual(
      [...at].sort((a, b) => a - b),
      at,
      'upcoming soonest first, then past ones',
    );
    assert.match(html, new RegExp(`href="${JOIN}" rel="noopener noreferrer">Join the online event`));
    assert.ok(!html.includes(`${JOIN}-past`), 'no join link for an event that is over');
    assert.match(html, /Confirmed/);
    assert.match(html, /Cancelled/);
    assert.match(html, /href="\/en\/events\/online-exchange"/, 'each links to where it is managed');
    assert.ok(!html.includes('Workshop only Bilal attends'), 'another member’s registration never shows');
  });

  it('never gives a waitlisted member the join link', async () => {
    const html = section(await page(await signedIn(t, 'bilal@city.example')), 'events');
    assert.match(html, /Full webinar on cooperatives/);
    assert.match(html, /On the waiting list \(place 1\)/);
    assert.ok(!html.includes(`${JOIN}-full`), 'the waiting list never sees the room');
    assert.ok(html.includes(`${JOIN}-bilal`), 'his own confirmed place has its link');
  });

  it('shows applications and practices with their states, and only the member’s own', async () => {
    const amina = await page(await signedIn(t, 'amina@city.example'));
    const applications = section(amina, 'applications');
    assert.match(applications, /Join the learning process on green corridors[\s\S]*Revision requested/);
    assert.match(applications, /Host a dialogue event on heat[\s\S]*Accepted/);
    assert.match(applications, /href="\/en\/calls\/green-corridors"/);
    assert.ok(!applications.includes('Not accepted'), 'Bilal’s rejected application is not Amina’s');
    const practices = section(amina, 'practices');
    assert.match(practices, /Composting in Sfax[\s\S]*Published · In review/);
    assert.match(practices, /Market waste in Sfax[\s\S]*Changes requested/);
    assert.match(practices, /href="\/en\/my\/practices\/\d+"/);
    assert.ok(!amina.includes('Bilal unpublished practice'));
    const expert = section(amina, 'expert-profile');
    assert.match(expert, /Who can see this profile: Members only\./);
    assert.match(expert, /href="\/en\/my\/expert-profile">Edit my profile/);
    const bilal = await page(await signedIn(t, 'bilal@city.example'));
    assert.match(section(bilal, 'applications'), /Not accepted/);
    assert.ok(!bilal.includes('Composting in Sfax') && !bilal.includes('Host a dialogue event on heat'));
  });

  it('shows empty sections with the way to start', async () => {
    const bilal = await page(await signedIn(t, 'bilal@city.example'));
    assert.match(
      section(bilal, 'expert-profile'),
      /You are not in the expert directory[\s\S]*href="\/en\/my\/expert-profile">Create my expert profile/,
    );
    const editor = await page(await signedIn(t, 'editor@network.example'));
    assert.match(section(editor, 'events'), /You have not registered for an event yet\. <a href="\/en\/events">Browse events<\/a>/);
    assert.match(section(editor, 'applications'), /href="\/en\/calls">Browse calls for participation/);
    assert.match(section(editor, 'practices'), /href="\/en\/my\/practices\/new">Share a good practice/);
  });

  it('shows editors the matching requests they saved; members have no such section', async () => {
    const editor = section(await page(await signedIn(t, 'editor@network.example')), 'match-requests');
    assert.match(editor, /Waste pickers cooperative for Sfax/);
    assert.match(editor, /href="\/en\/editor\/matches\/\d+"/);
    assert.ok(!editor.includes('Another editor request'), 'only the ones this editor saved');
    const member = await page(await signedIn(t, 'amina@city.example'));
    assert.ok(!member.includes('id="match-requests"'));
    assert.ok(!member.includes('Waste pickers cooperative for Sfax'));
  });

  it('speaks the reader’s language, right to left in Arabic', async () => {
    const html = await page(await signedIn(t, 'amina@city.example'), '/ar/my');
    assert.match(html, /dir="rtl"/);
    assert.match(html, /<h1>حسابي<\/h1>/);
    assert.match(html, /تسجيلاتي في الفعاليات/);
    assert.match(html, /الانضمام إلى الفعالية عبر الإنترنت/);
  });
});
