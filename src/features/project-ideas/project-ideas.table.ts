import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

/** The path of a project idea towards funding readiness, in order. */
export const PROJECT_STAGES = ['idea', 'validated', 'in-planning', 'ready-for-funding'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export type ProjectIdeaStatus = 'draft' | 'published';

/** A document of the project idea (a PDF upload with its title): outlines, concept notes, budgets. */
export type ProjectDocument = { uploadId: number; sha256: string; title: string; bytes: number };

export type ProjectIdeasTable = {
  id: GeneratedAlways<number>;
  slug: string;
  external_id: string | null;
  stage: Generated<ProjectStage>;
  status: Generated<ProjectIdeaStatus>;
  city_id: number;
  country_code: string;
  call_id: number | null;
  budget_eur: number | null;
  documents: ColumnType<ProjectDocument[], string | undefined, string>;
  published_at: Date | null;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};

export type ProjectIdeaTranslationsTable = {
  project_idea_id: number;
  locale: string;
  title: string;
  summary: Generated<string>;
  challenge: Generated<string>;
  approach: Generated<string>;
  next_steps: Generated<string>;
  search: GeneratedAlways<string>;
};

export type ProjectIdeaThemesTable = { project_idea_id: number; theme_slug: string };
export type ProjectIdeaTopicsTable = { project_idea_id: number; topic_slug: string };
/** The workshops (events) the idea went through. */
export type ProjectIdeaEventsTable = { project_idea_id: number; event_id: number };

export type ProjectIdeaExpertsTable = {
  project_idea_id: number;
  expert_id: number;
  contribution: Generated<string>;
  position: Generated<number>;
  added_at: Generated<Date>;
};

export type ProjectIdeaStagesTable = {
  id: GeneratedAlways<number>;
  project_idea_id: number;
  stage: ProjectStage;
  /** The day the stage was reached (a calendar day: ideas imported from before the platform have no time). */
  reached_on: string;
  actor_id: number | null;
  note: Generated<string>;
  created_at: Generated<Date>;
};

// The module's tables join the one database type (declaration merging: the platform names no feature's table).
declare module '../../platform/db/database.ts' {
  interface DB {
    project_ideas: ProjectIdeasTable;
    project_idea_translations: ProjectIdeaTranslationsTable;
    project_idea_themes: ProjectIdeaThemesTable;
    project_idea_topics: ProjectIdeaTopicsTable;
    project_idea_events: ProjectIdeaEventsTable;
    project_idea_experts: ProjectIdeaExpertsTable;
    project_idea_stages: ProjectIdeaStagesTable;
  }
}
