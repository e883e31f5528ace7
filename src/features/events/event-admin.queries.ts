import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import type { EventStatus, RegistrationAnswers, RegistrationStatus } from './events.table.ts';

export type EditorEventRow = {
  id: number;
  slug: string;
  status: EventStatus;
  title: string;
  starts_at: Date;
  time_zone: string;
  capacity: number | null;
  registered: number;
  waitlisted: number;
  attended: number;
};

/** Every event (drafts too) with its registration counts, latest first. */
export async function listEventsForEditors(db: Database, locale: string): Promise<EditorEventRow[]> {
  const result = await sql<EditorEventRow>`
    select e.id, e.slug, e.status, tr.title, e.starts_at, e.time_zone, e.capacity,
      count(*) filter (where r.status = 'registered')::int as registered,
      count(*) filter (where r.status = 'waitlisted')::int as waitlisted,
      count(*) filter (where r.attended)::int as attended
    from events e
    cross join lateral (select t.title from event_translations t where t.event_id = e.id
      order by (t.locale = ${locale}) desc, (t.locale = 'en') desc, t.locale limit 1) tr
    left join event_registrations r on r.event_id = e.id
    group by e.id, tr.title
    order by e.starts_at desc, e.id desc`.execute(db);
  return result.rows;
}

export type RegistrationListRow = {
  id: number;
  user_id: number;
  name: string;
  email: string | null;
  city_name: string | null;
  country_code: string | null;
  status: RegistrationStatus;
  answers: RegistrationAnswers;
  queued_at: Date;
  registered_at: Date | null;
  cancelled_at: Date | null;
  attended: boolean | null;
};

/** Registrations in queue order: registered first, then the waiting list, then cancellations. */
export async function listRegistrations(db: Database, eventId: number): Promise<RegistrationListRow[]> {
  const result = await sql<RegistrationListRow>`
    select r.id, r.user_id, u.name, u.email, c.name as city_name, r.country_code::text as country_code, r.status, r.answers,
      r.queued_at, r.registered_at, r.cancelled_at, r.attended
    from event_registrations r join users u on u.id = r.user_id left join cities c on c.id = r.city_id
    where r.event_id = ${eventId}
    order by case r.status when 'registered' then 0 when 'waitlisted' then 1 else 2 end, r.queued_at, r.id`.execute(db);
  return result.rows;
}

/** Marks who of the registered came (`present`) and who did not (every other registered row). */
export async function setAttendance(db: Database, eventId: number, present: number[]): Promise<void> {
  await sql`update event_registrations set attended = (id = any(${sql.val(present)}::int[]))
            where event_id = ${eventId} and status = 'registered'`.execute(db);
}

/** The people to write to: registered, and on request the waiting list too; reachable accounts only. */
export async function listParticipantsToMessage(db: Database, eventId: number, includeWaitlist: boolean) {
  return db
    .selectFrom('event_registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.name', 'u.email', 'u.locale'])
    .where('r.event_id', '=', eventId)
    .where('r.status', 'in', includeWaitlist ? ['registered', 'waitlisted'] : ['registered'])
    .where('u.email', 'is not', null)
    .where('u.email_verified_at', 'is not', null)
    .where('u.disabled_at', 'is', null)
    .where('u.deleted_at', 'is', null)
    .orderBy('u.id')
    .execute();
}
