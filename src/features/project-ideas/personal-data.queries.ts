import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import type { ProjectStage } from './project-ideas.table.ts';

/** The steps on project ideas' paths that the member recorded, with the idea (title in their language, else English, else any). */
export async function listStepsRecordedBy(db: Database, userId: number) {
  const result = await sql<{ slug: string; title: string | null; stage: ProjectStage; reached_on: string; note: string; created_at: Date }>`
    select p.slug,
      (select t.title from project_idea_translations t where t.project_idea_id = p.id
        order by (t.locale = u.locale) desc, (t.locale = 'en') desc, t.locale limit 1) as title,
      s.stage, s.reached_on, s.note, s.created_at
    from project_idea_stages s
    join project_ideas p on p.id = s.project_idea_id
    join users u on u.id = s.actor_id
    where s.actor_id = ${userId}
    order by s.created_at, s.id`.execute(db);
  return result.rows;
}

/** The steps stay on the ideas' paths (ADR 009); they no longer say who recorded them. */
export async function forgetStepActor(db: Database, userId: number): Promise<void> {
  await db.updateTable('project_idea_stages').set({ actor_id: null }).where('actor_id', '=', userId).execute();
}
