import { sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { type EventCityRow, type EventTextInRow, eventTextIn } from '../events.queries.ts';
import type { EventRow, RegistrationAnswers, RegistrationRow, RegistrationStatus } from '../events.table.ts';
import type { RegistrationWindow } from './event-registration.model.ts';

export type LockedEvent = Pick<EventRow, 'id' | 'slug' | 'capacity'> & RegistrationWindow;

/**
 * The event row, locked until the transaction ends: every registration and cancellation of one event
 * takes this lock first, so counting the places taken and taking one is never interleaved with another
 * request — 200 members clicking at once get exactly `capacity` places, the rest a queue in order.
 */
export async function lockEvent(db: Database, eventId: number): Promise<LockedEvent | undefined> {
  const result = await sql<LockedEvent>`
    select id, slug, status, capacity, starts_at, ends_at, registration_opens_at, registration_closes_at
    from events where id = ${eventId} for update`.execute(db);
  return result.rows[0];
}

export async function findRegistration(
  db: Database,
  eventId: number,
  userId: number,
): Promise<Pick<RegistrationRow, 'id' | 'status' | 'user_id'> | undefined> {
  return db
    .selectFrom('event_registrations')
    .select(['id', 'status', 'user_id'])
    .where('event_id', '=', eventId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function countRegistered(db: Database, eventId: number): Promise<number> {
  const row = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'registered')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export type RegistrationWrite = {
  status: Exclude<RegistrationStatus, 'cancelled'>;
  cityId: number | null;
  countryCode: string | null;
  answers: RegistrationAnswers;
};

/** A new registration, or a cancelled one taken up again: either way it joins the end of the queue. */
export async function upsertRegistration(db: Database, eventId: number, userId: number, w: RegistrationWrite): Promise<void> {
  const registeredAt = w.status === 'registered' ? sql`clock_timestamp()` : sql`null`;
  await sql`
    insert into event_registrations (event_id, user_id, status, city_id, country_code, answers, registered_at)
    values (${eventId}, ${userId}, ${w.status}, ${w.cityId}, ${w.countryCode}, ${JSON.stringify(w.answers)}, ${registeredAt})
    on conflict (event_id, user_id) do update set status = excluded.status, city_id = excluded.city_id,
      country_code = excluded.country_code, answers = excluded.answers, registered_at = excluded.registered_at,
      queued_at = clock_timestamp(), cancelled_at = null, attended = null, reminded_at = null`.execute(db);
}

export async function markCancelled(db: Database, registrationId: number): Promise<void> {
  await sql`update event_registrations set status = 'cancelled', cancelled_at = clock_timestamp() where id = ${registrationId}`.execute(db);
}

/** The first `count` people on the waiting list, in the order they arrived. */
export async function firstWaitlisted(
  db: Database,
  eventId: number,
  count: number,
): Promise<Array<Pick<RegistrationRow, 'id' | 'user_id'>>> {
  if (count <= 0) return [];
  return db
    .selectFrom('event_registrations')
    .select(['id', 'user_id'])
    .where('event_id', '=', eventId)
    .where('status', '=', 'waitlisted')
    .orderBy('queued_at')
    .orderBy('id')
    .limit(count)
    .execute();
}

export async function markPromoted(db: Database, ids: number[]): Promise<void> {
  if (!ids.length) return;
  await sql`update event_registrations set status = 'registered', registered_at = clock_timestamp()
            where id = any(${sql.val(ids)}::int[])`.execute(db);
}

/** What a participant's mail needs of the event, in their language (else English, else any). */
export type EventForMail = Pick<
  EventRow,
  'id' | 'slug' | 'starts_at' | 'ends_at' | 'time_zone' | 'venue' | 'format' | 'status' | 'join_url' | 'sequence' | 'updated_at'
> &
  EventTextInRow &
  Pick<EventCityRow, 'city_name'>;

export async function findEventForMail(db: Database, eventId: number, locale: Locale): Promise<EventForMail | undefined> {
  const result = await sql<EventForMail>`
    select e.id, e.slug, tr.title, tr.summary, e.starts_at, e.ends_at, e.time_zone, e.venue, c.name as city_name, e.format,
      e.status, e.join_url, e.sequence, e.updated_at
    from events e left join cities c on c.id = e.city_id
    cross join lateral ${eventTextIn(locale)} tr
    where e.id = ${eventId}`.execute(db);
  return result.rows[0];
}

/**
 * Registrations due a reminder: registered for a published event that starts within `within` of `now`
 * and not yet reminded. Locked and skipped when another worker holds them, so no one is reminded twice.
 */
export async function claimDueReminders(
  db: Database,
  now: Date,
  withinMs: number,
): Promise<Array<Pick<RegistrationRow, 'id' | 'event_id' | 'user_id'>>> {
  const result = await sql<Pick<RegistrationRow, 'id' | 'event_id' | 'user_id'>>`
    update event_registrations r set reminded_at = ${now}
    where r.id in (
      select r2.id from event_registrations r2 join events e on e.id = r2.event_id
      where r2.status = 'registered' and r2.reminded_at is null and e.status = 'published'
        and e.starts_at > ${now} and e.starts_at <= ${new Date(now.getTime() + withinMs)}
      order by r2.id limit 500
      for update of r2 skip locked)
    returning r.id, r.event_id, r.user_id`.execute(db);
  return result.rows;
}

/** Everyone registered or on the waiting list, in queue order. */
export async function listActiveRegistrants(
  db: Database,
  eventId: number,
): Promise<Array<{ userId: number; status: 'registered' | 'waitlisted' }>> {
  const rows = await db
    .selectFrom('event_registrations')
    .select(['user_id', 'status'])
    .where('event_id', '=', eventId)
    .where('status', 'in', ['registered', 'waitlisted'])
    .orderBy('queued_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, status: r.status === 'registered' ? 'registered' : 'waitlisted' }));
}
