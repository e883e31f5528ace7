import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import type { EventCityRow } from './events.queries.ts';
import type { EventRow, RegistrationRow } from './events.table.ts';

export type RegistrationOfUser = Pick<
  RegistrationRow,
  'id' | 'event_id' | 'status' | 'country_code' | 'answers' | 'queued_at' | 'registered_at' | 'cancelled_at' | 'attended' | 'reminded_at'
> &
  Pick<EventRow, 'slug' | 'starts_at' | 'ends_at'> &
  Pick<EventCityRow, 'city_name'> & {
    /** In the member's language, else English, else any. */
    title: string | null;
  };

/** Every registration of the member (past ones too), oldest event first. */
export async function listRegistrationsOfUser(db: Database, userId: number): Promise<RegistrationOfUser[]> {
  const result = await sql<RegistrationOfUser>`
    select r.id, r.event_id, e.slug,
      (select t.title from event_translations t where t.event_id = e.id
        order by (t.locale = u.locale) desc, (t.locale = 'en') desc, t.locale limit 1) as title,
      e.starts_at, e.ends_at, r.status, c.name as city_name, r.country_code::text as country_code, r.answers,
      r.queued_at, r.registered_at, r.cancelled_at, r.attended, r.reminded_at
    from event_registrations r
    join events e on e.id = r.event_id
    join users u on u.id = r.user_id
    left join cities c on c.id = r.city_id
    where r.user_id = ${userId}
    order by e.starts_at, r.id`.execute(db);
  return result.rows;
}

/**
 * Empties what the member answered to the events' questions (role, dietary needs, what they bring), on
 * every registration. Where they come from (city, country) stays: the events' figures count it, and
 * without the person it says nothing about anyone.
 */
export async function eraseRegistrationAnswers(db: Database, userId: number): Promise<void> {
  await db.updateTable('event_registrations').set({ answers: '{}' }).where('user_id', '=', userId).execute();
}
