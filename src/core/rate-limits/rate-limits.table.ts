export type RateLimitsTable = {
  /** Purpose and subject, e.g. "sign-in:ip:<hash>"; subjects are hashed so no address is stored. */
  key: string;
  window_start: Date;
  hits: number;
};

// The module's tables join the one database type (declaration merging: the platform names no feature's table).
declare module '../../platform/db/database.ts' {
  interface DB {
    rate_limits: RateLimitsTable;
  }
}
