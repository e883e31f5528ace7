import type { ColumnType } from 'kysely';
import type { AccountTokensTable, SessionsTable, UsersTable } from '../modules/accounts/accounts.table.ts';
import type { AuditLogTable } from '../modules/audit/audit.table.ts';
import type {
  CallApplicationHistoryTable,
  CallApplicationsTable,
  CallsTable,
  CallThemesTable,
  CallTranslationsTable,
} from '../modules/calls/calls.table.ts';
import type { CitiesTable } from '../modules/cities/cities.table.ts';
import type {
  EventHostsTable,
  EventLanguagesTable,
  EventPracticesTable,
  EventRegistrationsTable,
  EventSeriesTable,
  EventSeriesTranslationsTable,
  EventsTable,
  EventThemesTable,
  EventTopicsTable,
  EventTranslationsTable,
  LearningProcessesTable,
  LearningProcessTranslationsTable,
} from '../modules/events/events.table.ts';
import type {
  ExpertContactsTable,
  ExpertCountriesTable,
  ExpertLanguagesTable,
  ExpertRegionsTable,
  ExpertsTable,
  ExpertThemesTable,
  ExpertTopicsTable,
  ExpertTranslationsTable,
  MatchRequestContactsTable,
  MatchRequestsTable,
} from '../modules/experts/experts.table.ts';
import type { JobsTable } from '../modules/jobs/jobs.table.ts';
import type { MailOutboxTable } from '../modules/mail/mail.table.ts';
import type {
  PracticeContactsTable,
  PracticeHistoryTable,
  PracticeRevisionsTable,
  PracticesTable,
  PracticeThemesTable,
  PracticeTopicsTable,
  PracticeTranslationsTable,
} from '../modules/practices/practices.table.ts';
import type {
  ProjectIdeaEventsTable,
  ProjectIdeaExpertsTable,
  ProjectIdeaStagesTable,
  ProjectIdeasTable,
  ProjectIdeaThemesTable,
  ProjectIdeaTopicsTable,
  ProjectIdeaTranslationsTable,
} from '../modules/project-ideas/project-ideas.table.ts';
import type { RateLimitsTable } from '../modules/rate-limits/rate-limits.table.ts';
import type { CountriesTable, RegionsTable, ThemesTable, TopicsTable } from '../modules/taxonomy/taxonomy.table.ts';
import type { UploadsTable } from '../modules/uploads/uploads.table.ts';

export type SeedRunsTable = { name: string; applied_at: ColumnType<Date, Date | undefined, never> };

/** Every table of the database, as Kysely sees it. Each module owns its table types. */
export type DB = {
  seed_runs: SeedRunsTable;
  regions: RegionsTable;
  countries: CountriesTable;
  themes: ThemesTable;
  topics: TopicsTable;
  cities: CitiesTable;
  experts: ExpertsTable;
  expert_translations: ExpertTranslationsTable;
  expert_themes: ExpertThemesTable;
  expert_topics: ExpertTopicsTable;
  expert_regions: ExpertRegionsTable;
  expert_countries: ExpertCountriesTable;
  expert_languages: ExpertLanguagesTable;
  expert_contacts: ExpertContactsTable;
  match_requests: MatchRequestsTable;
  match_request_contacts: MatchRequestContactsTable;
  practices: PracticesTable;
  practice_translations: PracticeTranslationsTable;
  practice_themes: PracticeThemesTable;
  practice_topics: PracticeTopicsTable;
  practice_revisions: PracticeRevisionsTable;
  practice_history: PracticeHistoryTable;
  practice_contacts: PracticeContactsTable;
  uploads: UploadsTable;
  events: EventsTable;
  event_translations: EventTranslationsTable;
  event_series: EventSeriesTable;
  event_series_translations: EventSeriesTranslationsTable;
  event_themes: EventThemesTable;
  event_topics: EventTopicsTable;
  event_languages: EventLanguagesTable;
  event_hosts: EventHostsTable;
  event_practices: EventPracticesTable;
  event_registrations: EventRegistrationsTable;
  learning_processes: LearningProcessesTable;
  learning_process_translations: LearningProcessTranslationsTable;
  calls: CallsTable;
  call_translations: CallTranslationsTable;
  call_themes: CallThemesTable;
  call_applications: CallApplicationsTable;
  call_application_history: CallApplicationHistoryTable;
  project_ideas: ProjectIdeasTable;
  project_idea_translations: ProjectIdeaTranslationsTable;
  project_idea_themes: ProjectIdeaThemesTable;
  project_idea_topics: ProjectIdeaTopicsTable;
  project_idea_events: ProjectIdeaEventsTable;
  project_idea_experts: ProjectIdeaExpertsTable;
  project_idea_stages: ProjectIdeaStagesTable;
  users: UsersTable;
  sessions: SessionsTable;
  account_tokens: AccountTokensTable;
  rate_limits: RateLimitsTable;
  jobs: JobsTable;
  mail_outbox: MailOutboxTable;
  audit_log: AuditLogTable;
};
