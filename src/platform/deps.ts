import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/client.ts';
import { type Assets, loadAssets } from './http/assets.ts';
import type { BaseDeps } from './http/context.ts';
import { createLogger, type Logger } from './log.ts';
import { createMetrics } from './metrics.ts';
import { resolveSecret } from './secret.ts';

let assets: Assets | undefined;

/** Everything createApp needs, from a configuration and an open database. */
export function createDeps(config: Config, database: DatabaseHandle, options: { logger?: Logger; persistSecret?: boolean } = {}): BaseDeps {
  assets ??= loadAssets();
  return {
    config,
    db: database.db,
    engine: database.engine,
    logger: options.logger ?? createLogger(config.LOG_LEVEL),
    assets,
    secret: resolveSecret(config, options.persistSecret ?? true),
    metrics: createMetrics(),
  };
}
