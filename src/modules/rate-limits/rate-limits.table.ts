export type RateLimitsTable = {
  /** Purpose and subject, e.g. "sign-in:ip:<hash>"; subjects are hashed so no address is stored. */
  key: string;
  window_start: Date;
  hits: number;
};
