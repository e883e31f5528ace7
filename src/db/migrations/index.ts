import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation.ts';
import * as m0002 from './0002-accounts-mail-jobs.ts';
import * as m0003 from './0003-practice-records.ts';
import * as m0004 from './0004-practice-workflow.ts';
import * as m0005 from './0005-practice-search-speed.ts';
import * as m0006 from './0006-expert-profiles.ts';
import * as m0007 from './0007-expert-facet-arrays.ts';
import * as m0008 from './0008-expert-directory-index.ts';
import * as m0009 from './0009-events-and-registrations.ts';
import * as m0010 from './0010-calls-for-participation.ts';
import * as m0011 from './0011-project-ideas.ts';

// Every migration, in order. Listed by hand (not read from the folder) so the set is the same under
// tsx, a bundler or a test runner, and a typo fails type-checking instead of silently skipping one.
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-accounts-mail-jobs': m0002,
  '0003-practice-records': m0003,
  '0004-practice-workflow': m0004,
  '0005-practice-search-speed': m0005,
  '0006-expert-profiles': m0006,
  '0007-expert-facet-arrays': m0007,
  '0008-expert-directory-index': m0008,
  '0009-events-and-registrations': m0009,
  '0010-calls-for-participation': m0010,
  '0011-project-ideas': m0011,
};
