import { createResultCache } from '../../db/result-cache.ts';

// Directory results per visibility scope and query. Cleared by every change of a profile (the profile
// form, the importer, account deletion); at most 30 s old after a change made by another process.
const cache = createResultCache({ ttlMs: 30_000, maxEntries: 500 });

export const cachedExpertSearch = cache.get;
export const clearExpertSearchCache = cache.clear;
