import { createResultCache } from '../../../platform/db/result-cache.ts';

// Good practices change a few times a day while the same searches are opened again and again. A kept
// result is used only while the content counters are unchanged (ADR 015), so no writer has to clear
// anything; ADR 005.
const cache = createResultCache({ ttlMs: 30_000, maxEntries: 500 });

export const cachedSearch = cache.get;
