import { sql } from 'kysely';
import { registerForEvent } from '../src/features/events/registration/event-registration.service.ts';
import type { DatabaseHandle } from '../src/platform/db/client.ts';
import type { CurrentUser } from '../src/platform/http/context.ts';
import { writeResults } from './lib.ts';

const MEMBERS = Number(process.env.BENCH_REGISTRANTS ?? 200);
const PLACES = Number(process.env.BENCH_PLACES ?? 30);

/**
 * 200 members register at the same moment for an event with 30 places: exactly 30 must be registered
 * and 170 waitlisted in the order they got the event's lock, with no error. Reports the wall time.
 */
export async function benchRegistrations(handle: DatabaseHandle) {
  const db = handle.db;
  const run = Date.now();
  const event = await sql<{ id: number }>`
    insert into events (slug, kind, format, status, starts_at, ends_at, time_zone, capacity)
    values (${`bench-rush-${run}`}, 'webinar', 'virtual', 'published', now() + interval '7 days', now() + interval '7 days 2 hours', 'UTC', ${PLACES})
    returning id`.execute(db);
  const eventId = event.rows[0]?.id as number;
  await sql`insert into event_translations (event_id, locale, title) values (${eventId}, 'en', 'Registration rush')`.execute(db);
  const users = await sql<{ id: number; name: string }>`
    insert into users (email, name, locale, role, email_verified_at, privacy_consent_at, privacy_notice_version)
    select 'rush-' || ${run} || '-' || g || '@bench.example', 'Rush ' || g, 'en', 'member', now(), now(), '1'
    from generate_series(1, ${MEMBERS}) g returning id, name`.execute(db);
  const members: CurrentUser[] = users.rows.map((u) => ({
    id: u.id,
    name: u.name,
    role: 'member',
    locale: 'en',
    emailVerified: true,
    sessionId: 'b',
  }));
  const ctx = { db, baseUrl: 'http://127.0.0.1', mailFrom: 'Peerpolis <events@127.0.0.1>' };

  const t0 = performance.now();
  const outcomes = await Promise.allSettled(members.map((m) => registerForEvent(ctx, m, eventId, { city: '', country: '', answers: {} })));
  const ms = Math.round(performance.now() - t0);

  const errors = outcomes.filter((o) => o.status === 'rejected' || !o.value.ok).length;
  const rows = await sql<{ status: string; queued_at: Date; id: number }>`
    select status, queued_at, id from event_registrations where event_id = ${eventId} order by queued_at, id`.execute(db);
  const registered = rows.rows.filter((r) => r.status === 'registered').length;
  const waitlisted = rows.rows.filter((r) => r.status === 'waitlisted').length;
  // Arrival order: the registered are exactly the first PLACES in queue order.
  const inOrder = rows.rows.every((r, i) => (i < PLACES ? r.status === 'registered' : r.status === 'waitlisted'));
  const result = { engine: handle.engine, members: MEMBERS, places: PLACES, ms, registered, waitlisted, errors, inOrder };
  console.table([result]);
  if (errors || registered !== PLACES || waitlisted !== MEMBERS - PLACES || !inOrder)
    throw new Error(`registration rush failed: ${JSON.stringify(result)}`);
  console.log(`written ${writeResults('registrations', handle.engine, result)}`);
  return result;
}
