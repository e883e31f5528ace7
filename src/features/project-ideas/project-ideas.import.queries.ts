import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import type { ProjectIdeaText } from './project-ideas.queries.ts';
import type { ProjectIdeaStatus, ProjectStage } from './project-ideas.table.ts';

// SQL of the exchange format: records named by external id, and every idea in the export's shape.

export async function findProjectIdeaIdByExternalId(db: Database, externalId: string) {
  return db.selectFrom('project_ideas').select(['id', 'slug', 'stage']).where('external_id', '=', externalId).executeTakeFirst();
}

// A record made on the platform has no external id: each export names it by a fallback, and these
// look-ups accept the same name, so an export imports back as the same links.
const EXPERT_NAME = sql`coalesce(external_id, 'peerpolis-expert-' || id)`;
const EVENT_NAME = sql`coalesce(external_id, 'event-' || id)`;
const CALL_NAME = sql`coalesce(external_id, 'peerpolis-call-' || id)`;

async function idsByName(db: Database, table: 'experts' | 'events', name: typeof EXPERT_NAME, names: string[]) {
  if (!names.length) return new Map<string, number>();
  const result = await sql<{ id: number; name: string }>`
    select id, ${name} as name from ${sql.table(table)} where ${name} in (${sql.join(names)})`.execute(db);
  return new Map(result.rows.map((r) => [r.name, r.id]));
}

/** Ids of the experts named in an import, for the ones that exist. */
export function findExpertIdsByExternalId(db: Database, names: string[]): Promise<Map<string, number>> {
  return idsByName(db, 'experts', EXPERT_NAME, names);
}

export function findEventIdsByExternalId(db: Database, names: string[]): Promise<Map<string, number>> {
  return idsByName(db, 'events', EVENT_NAME, names);
}

export async function findCallIdByExternalId(db: Database, name: string): Promise<number | null> {
  const result = await sql<{ id: number }>`select id from calls where ${CALL_NAME} = ${name}`.execute(db);
  return result.rows[0]?.id ?? null;
}

/** Every project idea with what the exchange format needs (external ids of experts, events and the call). */
export async function listProjectIdeasForExport(db: Database) {
  const result = await sql<{
    id: number;
    external_id: string | null;
    slug: string;
    stage: ProjectStage;
    status: ProjectIdeaStatus;
    city_name: string;
    country_code: string;
    budget_eur: number | null;
    call_external_id: string | null;
    themes: string[];
    topics: string[];
    texts: ProjectIdeaText[];
    experts: Array<{ externalId: string; contribution: string }>;
    events: string[];
    stages: Array<{ stage: ProjectStage; reachedOn: string; note: string }>;
  }>`
    select p.id, p.external_id, p.slug, p.stage, p.status, c.name as city_name, p.country_code::text as country_code, p.budget_eur,
      (select coalesce(k.external_id, 'peerpolis-call-' || k.id) from calls k where k.id = p.call_id) as call_external_id,
      array(select theme_slug from project_idea_themes where project_idea_id = p.id order by 1) as themes,
      array(select topic_slug from project_idea_topics where project_idea_id = p.id order by 1) as topics,
      coalesce((select json_agg(json_build_object('locale', t.locale, 'title', t.title, 'summary', t.summary, 'challenge', t.challenge,
                 'approach', t.approach, 'next_steps', t.next_steps) order by t.locale)
                from project_idea_translations t where t.project_idea_id = p.id), '[]') as texts,
      coalesce((select json_agg(json_build_object('externalId', coalesce(x.external_id, 'peerpolis-expert-' || x.id), 'contribution', e.contribution) order by e.position, x.id)
                from project_idea_experts e join experts x on x.id = e.expert_id where e.project_idea_id = p.id), '[]') as experts,
      coalesce((select json_agg(coalesce(ev.external_id, 'event-' || ev.id) order by ev.starts_at)
                from project_idea_events pe join events ev on ev.id = pe.event_id where pe.project_idea_id = p.id), '[]') as events,
      coalesce((select json_agg(json_build_object('stage', s.stage, 'reachedOn', s.reached_on, 'note', s.note) order by s.reached_on, s.id)
                from project_idea_stages s where s.project_idea_id = p.id), '[]') as stages
    from project_ideas p join cities c on c.id = p.city_id
    order by p.id`.execute(db);
  return result.rows;
}
