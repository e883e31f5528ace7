import { createResultCache } from '../../../platform/db/result-cache.ts';

// Good practices change a few times a day while the same searches are opened again and again; every
// write of the live record clears this (record/practice-record.service.ts, the workflow, the importer). ADR 005.
const cache = createResultCache({ ttlMs: 30_000, maxEntries: 500 });

export const cachedSearch = cache.get;
export const clearSearchCache = cache.clear;
