import { type Selectable, sql } from 'kysely';
import type { CitiesTable } from '../../../core/cities/cities.table.ts';
import type { Database } from '../../../platform/db/client.ts';
import { type EventCityRow, type EventHeadRow, type EventListsRow, eventHeadColumns, eventListColumns } from '../events.queries.ts';
import type { EventRow, EventTextRow, RegistrationRow } from '../events.table.ts';

/** A series, learning process or good practice named on the page: its slug and its titles per language. */
type TitledRef = { slug: string; titles: Record<string, string> };

export type EventRecord = EventHeadRow &
  EventCityRow &
  Pick<
    EventRow,
    | 'venue'
    | 'country_code'
    | 'region_slug'
    | 'capacity'
    | 'registration_opens_at'
    | 'registration_closes_at'
    | 'partners'
    | 'recordings'
    | 'documents'
    | 'questions'
    | 'reported_figures'
    | 'format_changed_at'
    | 'sequence'
    | 'updated_at'
  > &
  EventListsRow & {
    series: TitledRef | null;
    learning_process: TitledRef | null;
    texts: EventTextRow[];
    hosts: Array<Pick<Selectable<CitiesTable>, 'slug' | 'name' | 'names' | 'country_code'>>;
    /** The slug and country of the event's city: the address of its page. */
    city_slug: string | null;
    city_country: string | null;
    practices: TitledRef[];
    registered: number;
    waitlisted: number;
  };

/** One event with everything its page shows (not the join link: that is read only for participants). */
export async function findEventBySlug(db: Database, slug: string): Promise<EventRecord | undefined> {
  const result = await sql<EventRecord>`
    select ${eventHeadColumns}, e.venue,
      c.name as city_name, c.names as city_names, c.slug as city_slug, c.country_code::text as city_country,
      e.country_code::text as country_code, e.region_slug,
      e.capacity, e.registration_opens_at, e.registration_closes_at, e.partners, e.recordings, e.documents, e.questions,
      e.reported_figures, e.format_changed_at, e.sequence, e.updated_at,
      (select json_build_object('slug', s.slug, 'titles', (select json_object_agg(t.locale, t.title) from event_series_translations t where t.event_series_id = s.id))
         from event_series s where s.id = e.series_id) as series,
      (select json_build_object('slug', p.slug, 'titles', (select json_object_agg(t.locale, t.title) from learning_process_translations t where t.learning_process_id = p.id))
         from learning_processes p where p.id = e.learning_process_id) as learning_process,
      coalesce((select json_agg(json_build_object('locale', t.locale, 'title', t.title, 'summary', t.summary, 'programme', t.programme,
                 'documentation', t.documentation) order by t.locale) from event_translations t where t.event_id = e.id), '[]') as texts,
      ${eventListColumns},
      coalesce((select json_agg(json_build_object('slug', hc.slug, 'name', hc.name, 'names', hc.names, 'country_code', hc.country_code) order by hc.name)
                from event_hosts h join cities hc on hc.id = h.city_id where h.event_id = e.id), '[]') as hosts,
      coalesce((select json_agg(json_build_object('slug', p.slug, 'titles', (select json_object_agg(t.locale, t.title) from practice_translations t where t.practice_id = p.id)) order by p.slug)
                from event_practices ep join practices p on p.id = ep.practice_id where ep.event_id = e.id and p.status = 'published'), '[]') as practices,
      (select count(*)::int from event_registrations r where r.event_id = e.id and r.status = 'registered') as registered,
      (select count(*)::int from event_registrations r where r.event_id = e.id and r.status = 'waitlisted') as waitlisted
    from events e left join cities c on c.id = e.city_id
    where e.slug = ${slug}`.execute(db);
  return result.rows[0];
}

export type ParticipantFigures = { participants: number; municipalities: number; countries: number; fromAttendance: boolean };

/**
 * Who took part: those marked as attending once the editors marked attendance, else those registered;
 * municipalities and countries are the ones participants gave when registering.
 */
export async function countParticipants(db: Database, eventId: number): Promise<ParticipantFigures> {
  const result = await sql<ParticipantFigures>`
    with marked as (select count(*) filter (where attended is not null) > 0 as any_marked from event_registrations where event_id = ${eventId}),
    took_part as (
      select r.user_id, r.city_id, r.country_code from event_registrations r, marked m
      where r.event_id = ${eventId} and (case when m.any_marked then r.attended is true else r.status = 'registered' end))
    select count(*)::int as participants,
      count(distinct t.city_id)::int as municipalities,
      count(distinct t.country_code)::int as countries,
      (select any_marked from marked) as "fromAttendance"
    from took_part t`.execute(db);
  return result.rows[0] ?? { participants: 0, municipalities: 0, countries: 0, fromAttendance: false };
}

export type ViewerRegistration = Pick<RegistrationRow, 'status'> & Pick<EventRow, 'join_url'> & { position: number | null };

/** The viewer's registration, their place on the waiting list, and the join link only if registered. */
export async function findViewerRegistration(db: Database, eventId: number, userId: number): Promise<ViewerRegistration | undefined> {
  const result = await sql<ViewerRegistration>`
    select r.status,
      case when r.status = 'waitlisted' then (select count(*)::int from event_registrations w where w.event_id = r.event_id
        and w.status = 'waitlisted' and (w.queued_at, w.id) <= (r.queued_at, r.id)) end as position,
      case when r.status = 'registered' then e.join_url end as join_url
    from event_registrations r join events e on e.id = r.event_id
    where r.event_id = ${eventId} and r.user_id = ${userId}`.execute(db);
  return result.rows[0];
}
