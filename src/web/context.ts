import type { Config } from '../config.ts';
import type { Database, Engine } from '../db/client.ts';
import type { I18n } from '../i18n/i18n.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Logger } from '../log.ts';
import type { Assets } from './assets.ts';

/** What the app is built from: passed in, never imported, so tests can build one on their own database. */
export type AppDeps = {
  config: Config;
  db: Database;
  engine: Engine;
  logger: Logger;
  assets: Assets;
};

/** Hono environment of every route: the request's locale and the app's dependencies. */
export type AppEnv = {
  Variables: {
    deps: AppDeps;
    locale: Locale;
    i18n: I18n;
  };
};
