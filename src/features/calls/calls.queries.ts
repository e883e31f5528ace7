import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import type { ApplicationStatus, CallKind, CallStatus } from './calls.table.ts';

export type CallText = { locale: string; title: string; summary: string; eligibility: string; questions: string[] };

export type CallRecord = {
  id: number;
  slug: string;
  external_id: string | null;
  kind: CallKind;
  status: CallStatus;
  deadline: Date;
  time_zone: string;
  region_slug: string | null;
  per_municipality: number | null;
  event_id: number | null;
  event_slug: string | null;
  event_titles: Record<string, string> | null;
  texts: CallText[];
  themes: string[];
  applications: number;
};

const CALL_SELECT = sql`
  c.id, c.slug, c.external_id, c.kind, c.status, c.deadline, c.time_zone, c.region_slug, c.per_municipality, c.event_id,
  e.slug as event_slug,
  (select json_object_agg(t.locale, t.title) from event_translations t where t.event_id = e.id) as event_titles,
  coalesce((select json_agg(json_build_object('locale', t.locale, 'title', t.title, 'summary', t.summary, 'eligibility', t.eligibility,
    'questions', t.questions) order by t.locale) from call_translations t where t.call_id = c.id), '[]') as texts,
  array(select theme_slug from call_themes where call_id = c.id order by 1) as themes,
  (select count(*)::int from call_applications a where a.call_id = c.id and a.status <> 'withdrawn') as applications`;

export async function findCallBySlug(db: Database, slug: string): Promise<CallRecord | undefined> {
  const result =
    await sql<CallRecord>`select ${CALL_SELECT} from calls c left join events e on e.id = c.event_id where c.slug = ${slug}`.execute(db);
  return result.rows[0];
}

/** Calls (drafts only with `withDrafts`), the open ones first by deadline, then the closed ones. */
export async function listCalls(db: Database, withDrafts: boolean): Promise<CallRecord[]> {
  const result = await sql<CallRecord>`
    select ${CALL_SELECT} from calls c left join events e on e.id = c.event_id
    ${withDrafts ? sql`` : sql`where c.status <> 'draft'`}
    order by (c.status = 'open' and c.deadline > now()) desc, c.deadline desc, c.id desc`.execute(db);
  return result.rows;
}

/** Calls taking applications at `now`, the nearest deadline first. */
export async function listOpenCalls(db: Database, now: Date, limit: number): Promise<CallRecord[]> {
  const result = await sql<CallRecord>`
    select ${CALL_SELECT} from calls c left join events e on e.id = c.event_id
    where c.status = 'open' and c.deadline > ${now}
    order by c.deadline, c.id limit ${limit}`.execute(db);
  return result.rows;
}

/** The call row, locked: applications to one call are counted and taken one at a time (quotas). */
export async function lockCall(db: Database, callId: number) {
  const result = await sql<{
    id: number;
    slug: string;
    status: CallStatus;
    deadline: Date;
    per_municipality: number | null;
    event_id: number | null;
  }>`
    select id, slug, status, deadline, per_municipality, event_id from calls where id = ${callId} for update`.execute(db);
  return result.rows[0];
}

export type ApplicationRow = {
  id: number;
  call_id: number;
  user_id: number;
  status: ApplicationStatus;
  city_id: number;
  city_name: string;
  country_code: string;
  organisation: string;
  proposal: string;
  answers: string[];
  submitted_at: Date;
  updated_at: Date;
  decided_at: Date | null;
  applicant_name: string;
};

const APPLICATION_SELECT = sql`
  a.id, a.call_id, a.user_id, a.status, a.city_id, ci.name as city_name, a.country_code::text as country_code, a.organisation,
  a.proposal, a.answers, a.submitted_at, a.updated_at, a.decided_at, u.name as applicant_name`;

export async function findApplication(db: Database, callId: number, userId: number): Promise<ApplicationRow | undefined> {
  const result = await sql<ApplicationRow>`
    select ${APPLICATION_SELECT} from call_applications a join cities ci on ci.id = a.city_id join users u on u.id = a.user_id
    where a.call_id = ${callId} and a.user_id = ${userId}`.execute(db);
  return result.rows[0];
}

export async function findApplicationById(db: Database, id: number): Promise<ApplicationRow | undefined> {
  const result = await sql<ApplicationRow>`
    select ${APPLICATION_SELECT} from call_applications a join cities ci on ci.id = a.city_id join users u on u.id = a.user_id
    where a.id = ${id}`.execute(db);
  return result.rows[0];
}

export async function listApplications(db: Database, callId: number): Promise<ApplicationRow[]> {
  const result = await sql<ApplicationRow>`
    select ${APPLICATION_SELECT} from call_applications a join cities ci on ci.id = a.city_id join users u on u.id = a.user_id
    where a.call_id = ${callId}
    order by case a.status when 'submitted' then 0 when 'in_review' then 1 when 'revision_requested' then 2 when 'accepted' then 3
      when 'rejected' then 4 else 5 end, a.submitted_at, a.id`.execute(db);
  return result.rows;
}

/** Active applications from one municipality to a call, other than `exceptUserId`'s own. */
export async function countActiveFromMunicipality(db: Database, callId: number, cityId: number, exceptUserId: number): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from call_applications
    where call_id = ${callId} and city_id = ${cityId} and user_id <> ${exceptUserId}
      and status in ('submitted', 'in_review', 'revision_requested', 'accepted')`.execute(db);
  return result.rows[0]?.n ?? 0;
}

export type ApplicationWrite = { cityId: number; countryCode: string; organisation: string; proposal: string; answers: string[] };

/** A new application, or a withdrawn one submitted again; returns its id. */
export async function upsertApplication(
  db: Database,
  callId: number,
  userId: number,
  w: ApplicationWrite,
  status: ApplicationStatus,
): Promise<number> {
  const result = await sql<{ id: number }>`
    insert into call_applications (call_id, user_id, status, city_id, country_code, organisation, proposal, answers)
    values (${callId}, ${userId}, ${status}, ${w.cityId}, ${w.countryCode}, ${w.organisation}, ${w.proposal}, ${JSON.stringify(w.answers)}::jsonb)
    on conflict (call_id, user_id) do update set status = excluded.status, city_id = excluded.city_id,
      country_code = excluded.country_code, organisation = excluded.organisation, proposal = excluded.proposal,
      answers = excluded.answers, updated_at = now(), decided_at = null
    returning id`.execute(db);
  return result.rows[0]?.id as number;
}

export async function setApplicationStatus(db: Database, id: number, status: ApplicationStatus, decided: boolean): Promise<void> {
  await sql`update call_applications set status = ${status}, updated_at = now(),
            decided_at = ${decided ? sql`now()` : sql`decided_at`} where id = ${id}`.execute(db);
}

export async function addHistory(
  db: Database,
  applicationId: number,
  actorId: number | null,
  status: ApplicationStatus,
  note: string,
): Promise<void> {
  await db.insertInto('call_application_history').values({ application_id: applicationId, actor_id: actorId, status, note }).execute();
}

export async function listHistory(db: Database, applicationId: number) {
  return db
    .selectFrom('call_application_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .select(['h.status', 'h.note', 'h.created_at', 'u.name as actor_name'])
    .where('h.application_id', '=', applicationId)
    .orderBy('h.id')
    .execute();
}

export async function listAcceptedApplicants(db: Database, callId: number) {
  return db
    .selectFrom('call_applications')
    .select(['user_id', 'city_id', 'country_code'])
    .where('call_id', '=', callId)
    .where('status', '=', 'accepted')
    .orderBy('decided_at')
    .orderBy('id')
    .execute();
}

export type CallWrite = {
  kind: CallKind;
  status: CallStatus;
  deadline: Date;
  time_zone: string;
  event_id: number | null;
  per_municipality: number | null;
};

export async function insertCall(db: Database, slug: string, w: CallWrite): Promise<number> {
  const row = await db
    .insertInto('calls')
    .values({ slug, ...w, updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCall(db: Database, id: number, w: CallWrite): Promise<void> {
  await db
    .updateTable('calls')
    .set({ ...w, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function isCallSlugTaken(db: Database, slug: string): Promise<boolean> {
  return (await db.selectFrom('calls').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

export async function upsertCallText(db: Database, callId: number, text: CallText): Promise<void> {
  await sql`insert into call_translations (call_id, locale, title, summary, eligibility, questions)
    values (${callId}, ${text.locale}, ${text.title}, ${text.summary}, ${text.eligibility}, ${text.questions}::text[])
    on conflict (call_id, locale) do update set title = excluded.title, summary = excluded.summary,
      eligibility = excluded.eligibility, questions = excluded.questions`.execute(db);
}

/** Events a call can lead to: published ones not yet over. */
export async function listEventChoices(db: Database, locale: string) {
  const result = await sql<{ id: number; title: string; starts_at: Date }>`
    select e.id, tr.title, e.starts_at from events e
    cross join lateral (select t.title from event_translations t where t.event_id = e.id
      order by (t.locale = ${locale}) desc, (t.locale = 'en') desc, t.locale limit 1) tr
    where e.status = 'published' and e.ends_at > now() order by e.starts_at`.execute(db);
  return result.rows;
}

/** A call by external id (the demo seed): created once, its texts and themes replaced. Returns its id. */
export async function upsertCallByExternalId(
  db: Database,
  row: { external_id: string; slug: string; event_external_id: string | null; region_slug: string | null; themes: string[] } & CallWrite,
): Promise<number> {
  const result = await sql<{ id: number }>`
    insert into calls (slug, external_id, kind, status, deadline, time_zone, event_id, region_slug, per_municipality)
    values (${row.slug}, ${row.external_id}, ${row.kind}, ${row.status}, ${row.deadline}, ${row.time_zone},
      (select id from events where external_id = ${row.event_external_id}), ${row.region_slug}, ${row.per_municipality})
    on conflict (external_id) do update set kind = excluded.kind, status = excluded.status, deadline = excluded.deadline,
      event_id = excluded.event_id, region_slug = excluded.region_slug, updated_at = now()
    returning id`.execute(db);
  const id = result.rows[0]?.id as number;
  await db.deleteFrom('call_themes').where('call_id', '=', id).execute();
  if (row.themes.length)
    await db
      .insertInto('call_themes')
      .values(row.themes.map((theme_slug) => ({ call_id: id, theme_slug })))
      .execute();
  return id;
}

/**
 * Accepted applicants of a call who keep an expert profile, with what they offered: the experts an
 * editor can name as supporters of a project idea that came through the call.
 */
export async function listAcceptedExpertOffers(db: Database, callId: number) {
  const result = await sql<{ expert_id: number; expert_slug: string; name: string; proposal: string }>`
    select x.id as expert_id, x.slug as expert_slug, x.display_name as name, a.proposal
    from call_applications a join experts x on x.user_id = a.user_id
    where a.call_id = ${callId} and a.status = 'accepted'
    order by a.decided_at, a.id`.execute(db);
  return result.rows;
}
