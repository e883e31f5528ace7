import { sql } from 'kysely';
import type { Database } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/locales.ts';
import { type EventHeadRow, eventHeadColumns, eventTextIn } from '../events.queries.ts';
import type { EventRow, RegistrationStatus } from '../events.table.ts';

export type MemberRegistrationRow = Pick<EventHeadRow, 'slug' | 'format' | 'status' | 'starts_at' | 'ends_at' | 'time_zone'> & {
  title: string;
  title_locale: string;
  registration_status: RegistrationStatus;
  /** Place on the waiting list (waitlisted only). */
  position: number | null;
  upcoming: boolean;
  /** The online room: only for a confirmed place at a published online or hybrid event that has not ended. */
  join_url: EventRow['join_url'];
};

/**
 * One member's registrations, upcoming first (soonest first), then past ones (latest first). The join
 * link is decided here, in SQL, so a waitlisted or cancelled registration never carries it out of the
 * database.
 */
export async function listRegistrationsOfMember(db: Database, userId: number, locale: Locale, now: Date): Promise<MemberRegistrationRow[]> {
  const result = await sql<MemberRegistrationRow>`
    select ${eventHeadColumns}, tr.title, tr.locale as title_locale, r.status as registration_status,
      case when r.status = 'waitlisted' then (select count(*)::int from event_registrations w where w.event_id = r.event_id
        and w.status = 'waitlisted' and (w.queued_at, w.id) <= (r.queued_at, r.id)) end as position,
      e.ends_at > ${now} as upcoming,
      case when r.status = 'registered' and e.status = 'published' and e.format <> 'in-person' and e.ends_at > ${now}
        then e.join_url end as join_url
    from event_registrations r
      join events e on e.id = r.event_id
      cross join lateral ${eventTextIn(locale)} tr
    where r.user_id = ${userId} and e.status <> 'draft'
    order by (e.ends_at > ${now}) desc,
      case when e.ends_at > ${now} then e.starts_at end asc,
      e.starts_at desc
    limit 200`.execute(db);
  return result.rows;
}
