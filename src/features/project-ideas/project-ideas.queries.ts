import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import { preferLocale } from '../../platform/db/translation.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { ProjectDocument, ProjectIdeaStatus, ProjectStage } from './project-ideas.table.ts';

// The SQL of project ideas: the public list and page, the editors' writes (their choices of workshops
// and calls: project-idea-editor.queries.ts; the exchange format: project-ideas.import.queries.ts).

export type ProjectIdeaText = { locale: string; title: string; summary: string; challenge: string; approach: string; next_steps: string };

export type ProjectIdeaFilters = {
  stages: ProjectStage[];
  themes: string[];
  regions: string[];
  /** Words to find in the texts of every language (each with its own stemming). */
  text: string;
  /** Editors see drafts in their own list; everyone else only published ideas. */
  includeDrafts: boolean;
  limit: number;
  offset: number;
};

export type ProjectIdeaListRow = {
  id: number;
  slug: string;
  stage: ProjectStage;
  status: ProjectIdeaStatus;
  title: string;
  summary: string;
  content_locale: string;
  city_name: string;
  city_names: Record<string, string> | null;
  country_code: string;
  region_slug: string | null;
  themes: string[];
  experts: number;
  updated_at: Date;
  total: number;
};

function filterSql(f: Omit<ProjectIdeaFilters, 'limit' | 'offset'>, withStage: boolean) {
  return sql`${f.includeDrafts ? sql`true` : sql`p.status = 'published'`}
    ${withStage && f.stages.length ? sql`and p.stage in (${sql.join(f.stages)})` : sql``}
    ${f.regions.length ? sql`and co.region_slug in (${sql.join(f.regions)})` : sql``}
    ${f.themes.length ? sql`and exists (select 1 from project_idea_themes t where t.project_idea_id = p.id and t.theme_slug in (${sql.join(f.themes)}))` : sql``}
    ${
      f.text
        ? sql`and exists (select 1 from project_idea_translations s where s.project_idea_id = p.id
             and s.search @@ to_search_query(s.locale, ${f.text}))`
        : sql``
    }`;
}

/** Project ideas matching every filter, latest change first, with the total. */
export async function searchProjectIdeas(db: Database, locale: Locale, f: ProjectIdeaFilters): Promise<ProjectIdeaListRow[]> {
  const result = await sql<ProjectIdeaListRow>`
    select p.id, p.slug, p.stage, p.status, tr.title, tr.summary, tr.locale as content_locale,
      c.name as city_name, c.names as city_names, p.country_code::text as country_code, co.region_slug,
      array(select theme_slug from project_idea_themes where project_idea_id = p.id order by 1) as themes,
      (select count(*)::int from project_idea_experts x where x.project_idea_id = p.id) as experts,
      p.updated_at, count(*) over ()::int as total
    from project_ideas p
    join cities c on c.id = p.city_id
    join countries co on co.code = p.country_code
    cross join lateral (select t.title, t.summary, t.locale from project_idea_translations t where t.project_idea_id = p.id
                        order by ${preferLocale(locale, 't.locale')} limit 1) tr
    where ${filterSql(f, true)}
    order by p.updated_at desc, p.id desc
    limit ${f.limit} offset ${f.offset}`.execute(db);
  return result.rows;
}

/** How many ideas are at each stage under the other filters (the stage filter's counts). */
export async function countProjectIdeasByStage(db: Database, f: Omit<ProjectIdeaFilters, 'limit' | 'offset'>) {
  const result = await sql<{ stage: ProjectStage; count: number }>`
    select p.stage, count(*)::int as count
    from project_ideas p join countries co on co.code = p.country_code
    where ${filterSql(f, false)}
    group by p.stage`.execute(db);
  return result.rows;
}

export type ProjectIdeaRecord = {
  id: number;
  slug: string;
  external_id: string | null;
  stage: ProjectStage;
  status: ProjectIdeaStatus;
  city_id: number;
  city_name: string;
  city_names: Record<string, string> | null;
  /** The city's slug and country: the address of its page. */
  city_slug: string;
  city_country: string;
  country_code: string;
  region_slug: string | null;
  call_id: number | null;
  call: { slug: string; titles: Record<string, string> } | null;
  budget_eur: number | null;
  documents: ProjectDocument[];
  published_at: Date | null;
  updated_at: Date;
  texts: ProjectIdeaText[];
  themes: string[];
  topics: string[];
  events: Array<{
    id: number;
    slug: string;
    kind: string;
    starts_at: string;
    time_zone: string;
    status: string;
    titles: Record<string, string>;
  }>;
  experts: Array<{ expert_id: number; contribution: string }>;
  stages: Array<{ stage: ProjectStage; reached_on: string; note: string; actor_name: string | null }>;
};

/** One project idea with everything its page shows (experts by id: the reader's visibility is applied later). */
export async function findProjectIdeaBySlug(db: Database, slug: string): Promise<ProjectIdeaRecord | undefined> {
  const result = await sql<ProjectIdeaRecord>`
    select p.id, p.slug, p.external_id, p.stage, p.status, p.city_id, c.name as city_name, c.names as city_names,
      c.slug as city_slug, c.country_code::text as city_country,
      p.country_code::text as country_code, co.region_slug, p.call_id, p.budget_eur, p.documents, p.published_at, p.updated_at,
      (select json_build_object('slug', k.slug, 'titles', (select json_object_agg(t.locale, t.title) from call_translations t where t.call_id = k.id))
         from calls k where k.id = p.call_id and k.status <> 'draft') as call,
      coalesce((select json_agg(json_build_object('locale', t.locale, 'title', t.title, 'summary', t.summary, 'challenge', t.challenge,
                 'approach', t.approach, 'next_steps', t.next_steps) order by t.locale)
                from project_idea_translations t where t.project_idea_id = p.id), '[]') as texts,
      array(select theme_slug from project_idea_themes where project_idea_id = p.id order by 1) as themes,
      array(select topic_slug from project_idea_topics where project_idea_id = p.id order by 1) as topics,
      coalesce((select json_agg(json_build_object('id', e.id, 'slug', e.slug, 'kind', e.kind, 'starts_at', e.starts_at, 'time_zone', e.time_zone,
                 'status', e.status, 'titles', (select json_object_agg(t.locale, t.title) from event_translations t where t.event_id = e.id))
                 order by e.starts_at)
                from project_idea_events pe join events e on e.id = pe.event_id where pe.project_idea_id = p.id), '[]') as events,
      coalesce((select json_agg(json_build_object('expert_id', x.expert_id, 'contribution', x.contribution) order by x.position, x.expert_id)
                from project_idea_experts x where x.project_idea_id = p.id), '[]') as experts,
      coalesce((select json_agg(json_build_object('stage', s.stage, 'reached_on', s.reached_on, 'note', s.note, 'actor_name', u.name)
                 order by s.reached_on, s.id)
                from project_idea_stages s left join users u on u.id = s.actor_id where s.project_idea_id = p.id), '[]') as stages
    from project_ideas p
    join cities c on c.id = p.city_id
    join countries co on co.code = p.country_code
    where p.slug = ${slug}`.execute(db);
  return result.rows[0];
}

/** Published project ideas that went through an event (its page lists them). */
export async function listProjectIdeasOfEvent(db: Database, locale: Locale, eventId: number) {
  const result = await sql<{
    slug: string;
    stage: ProjectStage;
    title: string;
    content_locale: string;
    city_name: string;
    country_code: string;
  }>`
    select p.slug, p.stage, tr.title, tr.locale as content_locale, c.name as city_name, p.country_code::text as country_code
    from project_idea_events pe
    join project_ideas p on p.id = pe.project_idea_id and p.status = 'published'
    join cities c on c.id = p.city_id
    cross join lateral (select t.title, t.locale from project_idea_translations t where t.project_idea_id = p.id
                        order by ${preferLocale(locale, 't.locale')} limit 1) tr
    where pe.event_id = ${eventId}
    order by tr.title`.execute(db);
  return result.rows;
}

/** The row lock every change of one idea takes first: two editors' changes never interleave. */
export async function lockProjectIdea(db: Database, id: number) {
  const result = await sql<{ id: number; slug: string; stage: ProjectStage; status: ProjectIdeaStatus; documents: ProjectDocument[] }>`
    select id, slug, stage, status, documents from project_ideas where id = ${id} for update`.execute(db);
  return result.rows[0];
}

export type ProjectIdeaWrite = {
  stage: ProjectStage;
  status: ProjectIdeaStatus;
  city_id: number;
  country_code: string;
  call_id: number | null;
  budget_eur: number | null;
};

export async function isProjectIdeaSlugTaken(db: Database, slug: string): Promise<boolean> {
  return (await db.selectFrom('project_ideas').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

export async function insertProjectIdea(db: Database, slug: string, externalId: string | null, w: ProjectIdeaWrite): Promise<number> {
  const row = await db
    .insertInto('project_ideas')
    .values({ slug, external_id: externalId, ...w, published_at: w.status === 'published' ? new Date() : null, updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes the record; the first publication keeps its date, later ones do not move it. */
export async function updateProjectIdea(db: Database, id: number, w: ProjectIdeaWrite): Promise<void> {
  await sql`update project_ideas set stage = ${w.stage}, status = ${w.status}, city_id = ${w.city_id}, country_code = ${w.country_code},
      call_id = ${w.call_id}, budget_eur = ${w.budget_eur}, updated_at = now(),
      published_at = case when ${w.status} = 'published' then coalesce(published_at, now()) else published_at end
    where id = ${id}`.execute(db);
}

export async function upsertProjectIdeaText(db: Database, id: number, text: ProjectIdeaText): Promise<void> {
  await sql`insert into project_idea_translations (project_idea_id, locale, title, summary, challenge, approach, next_steps)
    values (${id}, ${text.locale}, ${text.title}, ${text.summary}, ${text.challenge}, ${text.approach}, ${text.next_steps})
    on conflict (project_idea_id, locale) do update set title = excluded.title, summary = excluded.summary,
      challenge = excluded.challenge, approach = excluded.approach, next_steps = excluded.next_steps`.execute(db);
}

export async function deleteProjectIdeaTexts(db: Database, id: number): Promise<void> {
  await db.deleteFrom('project_idea_translations').where('project_idea_id', '=', id).execute();
}

export async function replaceProjectIdeaTaxonomy(db: Database, id: number, themes: string[], topics: string[]): Promise<void> {
  await db.deleteFrom('project_idea_themes').where('project_idea_id', '=', id).execute();
  await db.deleteFrom('project_idea_topics').where('project_idea_id', '=', id).execute();
  if (themes.length)
    await db
      .insertInto('project_idea_themes')
      .values(themes.map((theme_slug) => ({ project_idea_id: id, theme_slug })))
      .execute();
  if (topics.length)
    await db
      .insertInto('project_idea_topics')
      .values(topics.map((topic_slug) => ({ project_idea_id: id, topic_slug })))
      .execute();
}

export async function addStageRecord(
  db: Database,
  id: number,
  r: { stage: ProjectStage; reachedOn: string; actorId: number | null; note: string },
): Promise<void> {
  await db
    .insertInto('project_idea_stages')
    .values({ project_idea_id: id, stage: r.stage, reached_on: r.reachedOn, actor_id: r.actorId, note: r.note })
    .execute();
}

export async function setProjectStage(db: Database, id: number, stage: ProjectStage): Promise<void> {
  await sql`update project_ideas set stage = ${stage}, updated_at = now() where id = ${id}`.execute(db);
}

/** Ideas made here (not imported) get an external id too, so an export imports back as the same ideas. */
export async function assignExternalId(db: Database, id: number): Promise<void> {
  await sql`update project_ideas set external_id = 'project-idea-' || id where id = ${id} and external_id is null`.execute(db);
}

export async function deleteStageRecords(db: Database, id: number): Promise<void> {
  await db.deleteFrom('project_idea_stages').where('project_idea_id', '=', id).execute();
}

/** Adds a supporting expert or changes what they contribute. */
export async function upsertSupportingExpert(db: Database, id: number, expertId: number, contribution: string): Promise<void> {
  // A new supporter goes last; the caller holds the idea's row lock, so two never get the same place.
  await sql`insert into project_idea_experts (project_idea_id, expert_id, contribution, position)
    values (${id}, ${expertId}, ${contribution},
      (select coalesce(max(position) + 1, 0) from project_idea_experts where project_idea_id = ${id}))
    on conflict (project_idea_id, expert_id) do update set contribution = excluded.contribution`.execute(db);
}

export async function deleteSupportingExpert(db: Database, id: number, expertId: number): Promise<void> {
  await db.deleteFrom('project_idea_experts').where('project_idea_id', '=', id).where('expert_id', '=', expertId).execute();
}

export async function deleteSupportingExperts(db: Database, id: number): Promise<void> {
  await db.deleteFrom('project_idea_experts').where('project_idea_id', '=', id).execute();
}

export async function addWorkshop(db: Database, id: number, eventId: number): Promise<void> {
  await sql`insert into project_idea_events (project_idea_id, event_id) values (${id}, ${eventId}) on conflict do nothing`.execute(db);
}

export async function deleteWorkshop(db: Database, id: number, eventId: number): Promise<void> {
  await db.deleteFrom('project_idea_events').where('project_idea_id', '=', id).where('event_id', '=', eventId).execute();
}

export async function deleteWorkshops(db: Database, id: number): Promise<void> {
  await db.deleteFrom('project_idea_events').where('project_idea_id', '=', id).execute();
}

export async function setProjectDocuments(db: Database, id: number, documents: ProjectDocument[]): Promise<void> {
  await sql`update project_ideas set documents = ${JSON.stringify(documents)}::jsonb, updated_at = now() where id = ${id}`.execute(db);
}

export async function touchProjectIdea(db: Database, id: number): Promise<void> {
  await sql`update project_ideas set updated_at = now() where id = ${id}`.execute(db);
}
