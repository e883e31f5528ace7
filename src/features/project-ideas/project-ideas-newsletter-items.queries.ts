import { sql } from 'kysely';
import type { Database } from '../../platform/db/client.ts';
import { preferLocale } from '../../platform/db/translation.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { ProjectStage } from './project-ideas.table.ts';

// Project ideas as items of newsletter editions. An idea is named by its externalId; ideas made in the
// editors' pages get `project-idea-<id>` as theirs, and any older one without is named so too, as the
// project ideas export names it.

/** The name of `p` in refs (`projectIdea:<ref_id>`). */
const REF_ID = sql<string>`coalesce(p.external_id, 'project-idea-' || p.id)`;

const named = (refIds: string[]) =>
  sql`(p.external_id in (${sql.join(refIds)}) or (p.external_id is null and ('project-idea-' || p.id) in (${sql.join(refIds)})))`;

const textIn = (locale: Locale) => sql`(select t.title, t.summary, t.locale
  from project_idea_translations t where t.project_idea_id = p.id order by ${preferLocale(locale, 't.locale')} limit 1)`;

/**
 * When a step happened: a step is kept as the calendar day it was reached (imported paths reach back
 * before the platform). Recorded on that very day, its recording time is the moment; otherwise the
 * start of the day (UTC), so a step dated into the past counts in the window of that day.
 */
const STEP_AT = sql`case when (s.created_at at time zone 'UTC')::date = s.reached_on then s.created_at
  else (s.reached_on::timestamp at time zone 'UTC') end`;

export type ProjectIdeaItemRow = {
  ref_id: string;
  slug: string;
  stage: ProjectStage;
  country_code: string;
  city_name: string;
  city_names: Record<string, string>;
  title: string;
  summary: string;
  content_locale: string;
};

const ITEM_COLUMNS = sql`${REF_ID} as ref_id, p.slug, p.stage, p.country_code::text as country_code,
  c.name as city_name, c.names as city_names, tr.title, tr.summary, tr.locale as content_locale`;

export type ProjectIdeaStepRow = ProjectIdeaItemRow & { step_stage: ProjectStage; reached_on: string; step_at: Date; first: boolean };

/**
 * Published ideas that reached a stage in [since, until), with the latest such step (its stage, day and
 * moment, and whether it was the first of the idea's path), latest first.
 */
export async function listIdeasMovedIn(
  db: Database,
  locale: Locale,
  w: { since: Date; until: Date; limit: number },
): Promise<ProjectIdeaStepRow[]> {
  const result = await sql<ProjectIdeaStepRow>`
    select ${ITEM_COLUMNS}, st.stage as step_stage, st.reached_on::text as reached_on, st.step_at, st.first
    from project_ideas p
    join cities c on c.id = p.city_id
    cross join lateral ${textIn(locale)} tr
    cross join lateral (
      select s.stage, s.reached_on, ${STEP_AT} as step_at,
        not exists (select 1 from project_idea_stages b where b.project_idea_id = p.id
                    and (b.reached_on, b.id) < (s.reached_on, s.id)) as first
      from project_idea_stages s
      where s.project_idea_id = p.id and ${STEP_AT} >= ${w.since} and ${STEP_AT} < ${w.until}
      order by s.reached_on desc, s.id desc limit 1) st
    where p.status = 'published'
    order by st.step_at desc, p.id desc limit ${w.limit}`.execute(db);
  return result.rows;
}

/** The published ideas among these ref ids, in `locale` or the best fallback. */
export async function findProjectIdeaItems(db: Database, locale: Locale, refIds: string[]): Promise<ProjectIdeaItemRow[]> {
  if (!refIds.length) return [];
  const result = await sql<ProjectIdeaItemRow>`
    select ${ITEM_COLUMNS}
    from project_ideas p join cities c on c.id = p.city_id cross join lateral ${textIn(locale)} tr
    where p.status = 'published' and ${named(refIds)}`.execute(db);
  return result.rows;
}

/** Which of these ref ids name a published idea. */
export async function findPublishedProjectIdeaRefIds(db: Database, refIds: string[]): Promise<string[]> {
  if (!refIds.length) return [];
  const result = await sql<{ ref_id: string }>`
    select ${REF_ID} as ref_id from project_ideas p where p.status = 'published' and ${named(refIds)}`.execute(db);
  return result.rows.map((r) => r.ref_id);
}
