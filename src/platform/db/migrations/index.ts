import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation.ts';
import * as m0002 from './0002-accounts-mail-jobs.ts';
import * as m0020 from './0020-search-functions-for-restore.ts';
import * as m0021 from './0021-content-versions.ts';

// The platform's own migrations: the foundation the first modules were built on (shared search functions,
// taxonomy, accounts, mail, jobs), and later changes to those shared functions. Every later migration lives in its module's folder and is declared in
// the module's entry file; src/modules.ts merges them all in the order of their names.
export const platformMigrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-accounts-mail-jobs': m0002,
  '0020-search-functions-for-restore': m0020,
  '0021-content-versions': m0021,
};
