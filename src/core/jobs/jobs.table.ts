import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export type JobsTable = {
  id: GeneratedAlways<string>;
  kind: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  status: Generated<JobStatus>;
  run_at: ColumnType<Date, Date | undefined, Date>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_at: Date | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
};

// The module's tables join the one database type (declaration merging: the platform names no feature's table).
declare module '../../platform/db/database.ts' {
  interface DB {
    jobs: JobsTable;
  }
}
