import type { Database } from './client.ts';

/** A module's part of a member's data export: a key of the JSON document and what goes under it. */
export type PersonalDataHooks = {
  /**
   * Every table of the module that refers to a person (a column referencing users). The registry test
   * fails when a table with such a column is named by no module, so nothing is left out of the export
   * or the deletion by accident.
   */
  tables: string[];
  /** Everything the module stores about the user, keyed for the export document. */
  exportData: (trx: Database, userId: number) => Promise<Record<string, unknown>>;
  /**
   * Removes or anonymises it when the account is deleted (inside the deletion's transaction). `ctx` lets
   * a module tell others what the deletion changed for them (a place freed at an event).
   */
  eraseData: (trx: Database, userId: number, ctx: { baseUrl: string; mailFrom: string }) => Promise<void>;
};
