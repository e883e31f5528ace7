import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import type { ApplicationStatus } from './calls.table.ts';

export type ApplicationOfUser = {
  id: number;
  call_id: number;
  call_slug: string;
  /** The call's title and questions in the member's language, else English, else any. */
  call_title: string | null;
  questions: string[] | null;
  status: ApplicationStatus;
  city_name: string;
  country_code: string;
  organisation: string;
  proposal: string;
  answers: string[];
  submitted_at: Date;
  updated_at: Date;
  decided_at: Date | null;
};

/** Every application of the member, with the call it answers. */
export async function listApplicationsOfUser(db: Database, userId: number): Promise<ApplicationOfUser[]> {
  const result = await sql<ApplicationOfUser>`
    select a.id, a.call_id, c.slug as call_slug, tr.title as call_title, tr.questions, a.status, ci.name as city_name,
      a.country_code::text as country_code, a.organisation, a.proposal, a.answers, a.submitted_at, a.updated_at, a.decided_at
    from call_applications a
    join calls c on c.id = a.call_id
    join cities ci on ci.id = a.city_id
    join users u on u.id = a.user_id
    left join lateral (select t.title, t.questions from call_translations t where t.call_id = c.id
      order by (t.locale = u.locale) desc, (t.locale = 'en') desc, t.locale limit 1) tr on true
    where a.user_id = ${userId}
    order by a.submitted_at, a.id`.execute(db);
  return result.rows;
}

/**
 * Empties what the member wrote in every application: the answers, the proposal and the organisation
 * (with their role). Call, status, municipality and country stay: they are the call's record and the
 * municipality's quota, and say nothing about a person once the account is anonymous.
 */
export async function eraseApplicationTexts(db: Database, userId: number): Promise<void> {
  await sql`update call_applications set answers = '[]'::jsonb, proposal = '', organisation = ''
            where user_id = ${userId}`.execute(db);
}

/** The history keeps every step and the editors' notes, no longer saying which were the member's. */
export async function forgetHistoryActor(db: Database, userId: number): Promise<void> {
  await db.updateTable('call_application_history').set({ actor_id: null }).where('actor_id', '=', userId).execute();
}
