import type { Config } from '../config.ts';
import type { Database, Engine } from '../db/client.ts';
import type { I18n } from '../i18n/i18n.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Logger } from '../log.ts';
import type { Role } from '../modules/accounts/accounts.table.ts';
import type { Assets } from './assets.ts';

/** What the app is built from: passed in, never imported, so tests can build one on their own database. */
export type AppDeps = {
  config: Config;
  db: Database;
  engine: Engine;
  logger: Logger;
  assets: Assets;
  /** Key for CSRF tokens and for hashing IPs and e-mail addresses (see src/secret.ts). */
  secret: string;
};

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
