import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startSession } from '../../src/core/accounts/sessions.service.ts';
import { migrateDatabase } from '../../src/modules.ts';
import { type Database, openDatabase } from '../../src/platform/db/client.ts';
import { connectDatabase } from '../../src/platform/db/connect.ts';
import { seedDatabase } from '../../src/seed.ts';
import { createPostgresDatabase, dropPostgresDatabase } from '../helpers/db-engines.ts';
import { insertEvent, insertMembers } from '../helpers/events.ts';
import { complete } from '../helpers/practice-workflow.ts';

// The server is killed with SIGKILL while members register for an event and save practices, twice. Every
// write it acknowledged (a 303) must be there when the data opens again, and none may be half there: a
// practice without its text or topics, a registration beyond the places. On PGlite this is the data
// directory surviving a crash (PGlite's write-ahead log); on PostgreSQL, the app's transactions.

const adminUrl = process.env.TEST_DATABASE_URL;
const engine = adminUrl ? 'postgres' : 'pglite';
const work = mkdtempSync(join(tmpdir(), 'peerpolis-crash-test-'));
const PLACES = 6;
const MEMBERS = 16;
const target: { DATA_DIR: string; DATABASE_URL?: string } = { DATA_DIR: join(work, 'data') };
let database: string | undefined;

async function withDb<T>(use: (db: Database) => Promise<T>): Promise<T> {
  const handle = target.DATABASE_URL
    ? await openDatabase({ engine: 'postgres', url: target.DATABASE_URL, poolSize: 2 })
    : await connectDatabase(target);
  try {
    return await use(handle.db);
  } finally {
    await handle.close();
  }
}

type Member = { id: number; cookie: string };
let members: Member[] = [];
const eventSlugs = ['crash-round-1', 'crash-round-2'];

before(async () => {
  if (adminUrl) {
    database = `peerpolis_crash_${randomBytes(4).toString('hex')}`;
    await createPostgresDatabase(adminUrl, database);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    target.DATABASE_URL = url.toString();
  }
  members = await withDb(async (db) => {
    await migrateDatabase(db);
    await seedDatabase(db, { demo: false });
    const start = new Date(Date.now() + 7 * 86_400_000);
    for (const slug of eventSlugs) {
      await insertEvent(db, { slug, startsAt: start, endsAt: new Date(start.getTime() + 3_600_000), capacity: PLACES });
    }
    const users = await insertMembers(db, MEMBERS, 'crash');
    return Promise.all(users.map(async (u) => ({ id: u.id, cookie: `sid=${await startSession(db, u.id)}` })));
  });
});

after(async () => {
  if (adminUrl && database) await dropPostgresDatabase(adminUrl, database);
  rmSync(work, { recursive: true, force: true });
});

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** `npm start` on the test's data, on a free port; resolves with its address once it listens. */
async function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      ...target,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SEED_DEMO: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('"msg":"listening"')) resolve({ child, base: `http://127.0.0.1:${port}` });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`the server ended (${code}) before listening:\n${out}`)));
  });
}

/** A form's CSRF token for a member (the page sets the CSRF cookie it belongs to). */
async function formOf(base: string, member: Member, path: string): Promise<{ cookie: string; token: string }> {
  const res = await fetch(`${base}${path}`, { headers: { cookie: member.cookie } });
  const html = await res.text();
  const csrf =
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith('csrf='))
      ?.split(';')[0] ?? '';
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(token, `a form at ${path}`);
  return { cookie: `${member.cookie}; ${csrf}`, token };
}

async function post(base: string, path: string, form: { cookie: string; token: string }, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams({ _csrf: form.token });
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
  return fetch(`${base}${path}`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded', origin: base },
  });
}

type Acknowledged = { registrations: Array<{ userId: number; slug: string }>; practices: number[] };
const acknowledged: Acknowledged = { registrations: [], practices: [] };

/**
 * One round: every member registers for the round's event while a few of them save new practices; the
 * server is killed once `killAfter` writes have been acknowledged, with the others still in flight.
 */
async function roundWithKill(round: number, killAfter: number): Promise<{ inFlight: number }> {
  const { child, base } = await startServer();
  const slug = eventSlugs[round] as string;
  const forms = await Promise.all(
    members.map(async (m, i) => ({
      member: m,
      registration: await formOf(base, m, `/en/events/${slug}`),
      practice: i % 3 === 0 ? await formOf(base, m, '/en/my/practices/new') : null,
    })),
  );
  let acks = 0;
  let killed = false;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const kill = () => {
    if (!killed && ++acks >= killAfter) {
      killed = true;
      child.kill('SIGKILL');
    }
  };
  const writes = forms.flatMap(({ member, registration, practice }) => [
    post(base, `/en/events/${slug}/register`, registration, { city: 'Tunis', country: 'TN' }).then((res) => {
      if (res.status === 303) {
        acknowledged.registrations.push({ userId: member.id, slug });
        kill();
      }
    }),
    ...(practice
      ? [
          post(base, '/en/my/practices/new', practice, { ...complete, title: `Crash round ${round} by ${member.id}` }).then((res) => {
            const id = Number(/\/my\/practices\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
            if (res.status === 303 && id > 0) {
              acknowledged.practices.push(id);
              kill();
            }
          }),
        ]
      : []),
  ]);
  const outcomes = await Promise.allSettled(writes);
  if (!killed) child.kill('SIGKILL');
  await exited;
  return { inFlight: outcomes.filter((o) => o.status === 'rejected').length };
}

async function assertIntact(): Promise<void> {
  await withDb(async (db) => {
    const registrations = await sql<{ user_id: number; slug: string; status: string }>`
      select r.user_id, e.slug, r.status from event_registrations r join events e on e.id = r.event_id`.execute(db);
    for (const ack of acknowledged.registrations) {
      assert.ok(
        registrations.rows.some((r) => r.user_id === ack.userId && r.slug === ack.slug),
        `the acknowledged registration of ${ack.userId} for ${ack.slug} is there`,
      );
    }
    for (const slug of eventSlugs) {
      const rows = registrations.rows.filter((r) => r.slug === slug);
      assert.ok(rows.filter((r) => r.status === 'registered').length <= PLACES, `no more than ${PLACES} registered for ${slug}`);
      assert.equal(new Set(rows.map((r) => r.user_id)).size, rows.length, 'no member twice');
    }
    // A new practice is a record and its first revision (the draft's whole content), written together.
    const practices = await sql<{ id: number; revisions: number; title: string | null; topics: string | null }>`
      select p.id, count(r.id)::int as revisions, max(r.content->'translations'->'de'->>'title') as title,
             max(r.content->>'topics') as topics
      from practices p left join practice_revisions r on r.practice_id = p.id group by p.id`.execute(db);
    for (const id of acknowledged.practices)
      assert.ok(
        practices.rows.some((p) => p.id === id),
        `acknowledged practice ${id} is there`,
      );
    for (const p of practices.rows) {
      assert.equal(p.revisions, 1, `practice ${p.id} has its draft`);
      assert.match(p.title ?? '', /^Crash round \d by \d+$/, `practice ${p.id}'s draft is whole`);
      assert.equal(p.topics, '["waste-management"]');
    }
  });
}

describe(`a server killed with SIGKILL during writes (${engine})`, () => {
  it('opens again with every acknowledged write and no half-written one, twice', async (t) => {
    const first = await roundWithKill(0, 5);
    await assertIntact();
    const second = await roundWithKill(1, 9);
    await assertIntact();
    assert.ok(acknowledged.registrations.length + acknowledged.practices.length >= 5 + 9);
    // The kills came during writes: some requests were still in flight and never answered.
    assert.ok(first.inFlight + second.inFlight > 0, 'some writes were cut off by the kill');
    t.diagnostic(
      `acknowledged: ${acknowledged.registrations.length} registrations, ${acknowledged.practices.length} practices; cut off: ${first.inFlight} + ${second.inFlight}`,
    );
    // And the server starts again on what is left, and answers.
    const { child, base } = await startServer();
    try {
      assert.equal((await fetch(`${base}/en/events/${eventSlugs[1]}`)).status, 200);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
