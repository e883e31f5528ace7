import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import { createLogger, type Logger } from './log.ts';
import { resolveSecret } from './secret.ts';
import { type Assets, loadAssets } from './web/assets.ts';
import type { AppDeps } from './web/context.ts';

let assets: Assets | undefined;

/** Everything createApp needs, from a configuration and an open database. */
export function createDeps(config: Config, database: DatabaseHandle, options: { logger?: Logger; persistSecret?: boolean } = {}): AppDeps {
  assets ??= loadAssets();
  return {
    config,
    db: database.db,
    engine: database.engine,
    logger: options.logger ?? createLogger(config.LOG_LEVEL),
    assets,
    secret: resolveSecret(config, options.persistSecret ?? true),
  };
}
