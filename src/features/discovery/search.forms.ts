import { z } from 'zod';
import { apiParam } from '../../platform/http/api-params.ts';
import { SEARCH_MAX_PAGE } from './search.service.ts';
import { SEARCH_TYPES } from './search-sources.ts';

// The search's parameters: the page reads them leniently (a bad type or page is dropped and named), the
// API strictly (400 naming it); the words are checked the same way for both.

export const SEARCH_WORDS_MAX = 200;

/** The words as typed: trimmed, 1–200 characters. */
export const searchWords = z.string().trim().min(1).max(SEARCH_WORDS_MAX);
export const searchType = z.enum(SEARCH_TYPES);
export const searchPage = z.coerce.number().int().min(1).max(SEARCH_MAX_PAGE);

export const searchApiQuery = z.object({
  q: searchWords.meta({ description: 'The words, 1–200 characters: matched in every language with its own stemming.' }),
  lang: apiParam.lang.meta({
    description: 'The reader’s language (en, de, fr, es or ar; default en): its texts are shown and its results come first.',
  }),
  type: searchType.optional().meta({ description: 'Only results of this type (default: all types, merged).' }),
  page: searchPage.default(1).meta({ description: `1-based page of 20 results, at most ${SEARCH_MAX_PAGE}.` }),
});

/** Why the words were refused, as the page's message key (empty words are the page without a search). */
export function wordsError(raw: string): 'search.errors.tooLong' | null {
  return raw.trim().length > SEARCH_WORDS_MAX ? 'search.errors.tooLong' : null;
}
