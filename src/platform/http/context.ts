import type { Config } from '../config.ts';
import type { Database, Engine } from '../db/client.ts';
import type { PersonalDataHooks } from '../db/personal-data.ts';
import type { Extensions } from '../extension.ts';
import type { I18n } from '../i18n/i18n.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { NavEntry } from '../ui/navigation.ts';
import type { Assets } from './assets.ts';

export type Role = 'member' | 'editor' | 'admin';

/** What the registry of modules (src/modules.ts) gives every request: what modules offer each other. */
export type ModuleServices = {
  navigation: NavEntry[];
  /** Every module's migration names: /healthz reports those the database has not applied. */
  migrationNames: string[];
  extensions: Extensions;
  personalData: PersonalDataHooks[];
};

/** What the app is built from: passed in, never imported, so tests can build one on their own database. */
export type BaseDeps = {
  config: Config;
  db: Database;
  engine: Engine;
  logger: Logger;
  assets: Assets;
  /** Key for CSRF tokens and for hashing IPs and e-mail addresses (see src/secret.ts). */
  secret: string;
  /** This process's counters for /metrics (requests, jobs, mail): shared with its worker. */
  metrics: Metrics;
};

/** The dependencies every route sees: the base, plus what the modules offer each other (added by createApp). */
export type AppDeps = BaseDeps & { modules: ModuleServices };

/** The signed-in person, as every route sees them. */
export type CurrentUser = {
  id: number;
  name: string;
  role: Role;
  locale: string;
  emailVerified: boolean;
  sessionId: string;
};

/** Hono environment of every route: the request's locale and the app's dependencies. */
export type AppEnv = {
  Variables: {
    deps: AppDeps;
    locale: Locale;
    i18n: I18n;
    user: CurrentUser | null;
    /** The token forms put in their hidden _csrf field (see middleware/csrf.ts). */
    csrfToken: string;
  };
};
