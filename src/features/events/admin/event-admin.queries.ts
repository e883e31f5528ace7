import { type Selectable, sql } from 'kysely';
import type { UsersTable } from '../../../core/accounts/accounts.table.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { type EventCityRow, type EventTextInRow, eventTextIn } from '../events.queries.ts';
import type { EventRow, RegistrationRow } from '../events.table.ts';

export type EditorEventRow = Pick<EventRow, 'id' | 'slug' | 'status' | 'starts_at' | 'time_zone' | 'capacity'> &
  Pick<EventTextInRow, 'title'> & { registered: number; waitlisted: number; attended: number };

/** Every event (drafts too) with its registration counts, latest first. */
export async function listEventsForEditors(db: Database, locale: Locale): Promise<EditorEventRow[]> {
  const result = await sql<EditorEventRow>`
    select e.id, e.slug, e.status, tr.title, e.starts_at, e.time_zone, e.capacity,
      count(*) filter (where r.status = 'registered')::int as registered,
      count(*) filter (where r.status = 'waitlisted')::int as waitlisted,
      count(*) filter (where r.attended)::int as attended
    from events e
    cross join lateral ${eventTextIn(locale)} tr
    left join event_registrations r on r.event_id = e.id
    group by e.id, tr.title
    order by e.starts_at desc, e.id desc`.execute(db);
  return result.rows;
}

export type RegistrationListRow = Pick<
  RegistrationRow,
  'id' | 'user_id' | 'country_code' | 'status' | 'answers' | 'queued_at' | 'registered_at' | 'cancelled_at' | 'attended'
> &
  Pick<Selectable<UsersTable>, 'name' | 'email'> &
  Pick<EventCityRow, 'city_name'>;

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
