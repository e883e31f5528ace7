import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasPhrase, parseSearchQuery } from './search-query.model.ts';

// Texts as PostgreSQL writes them (`to_search_query(…)::text`); indexed-search.test.ts checks the
// answers against the database itself.
const word = (lexeme: string) => ({ kind: 'word', lexeme });

describe('reading a tsquery', () => {
  it('keeps PostgreSQL’s precedence: ! before <-> before & before |', () => {
    assert.deepEqual(parseSearchQuery("'e-govern' <-> 'e' <-> 'govern' & 'water' & !'flood' | 'citi'"), {
      kind: 'or',
      left: {
        kind: 'and',
        left: {
          kind: 'and',
          left: { kind: 'phrase', left: { kind: 'phrase', left: word('e-govern'), right: word('e') }, right: word('govern') },
          right: word('water'),
        },
        right: { kind: 'not', of: word('flood') },
      },
      right: word('citi'),
    });
  });

  it('reads parentheses, distances, and quotes and backslashes written twice', () => {
    assert.deepEqual(parseSearchQuery("( 'a' | 'b' ) & 'c'"), {
      kind: 'and',
      left: { kind: 'or', left: word('a'), right: word('b') },
      right: word('c'),
    });
    assert.deepEqual(parseSearchQuery("'a' <2> 'b'"), { kind: 'phrase', left: word('a'), right: word('b') });
    assert.deepEqual(parseSearchQuery("'l''eau' & 'a\\\\b'"), { kind: 'and', left: word("l'eau"), right: word('a\\b') });
    assert.deepEqual(parseSearchQuery("'مدين'"), word('مدين'));
  });

  it('reads nothing from an empty query, and refuses what websearch_to_tsquery never writes', () => {
    assert.equal(parseSearchQuery(''), null);
    assert.equal(parseSearchQuery("'water':*"), null, 'a prefix');
    assert.equal(parseSearchQuery("'water':A"), null, 'a weight');
    assert.equal(parseSearchQuery("'water' &"), null, 'cut short');
    assert.equal(parseSearchQuery("( 'water'"), null, 'unclosed');
    assert.equal(parseSearchQuery("'water"), null, 'unclosed quote');
  });

  it('tells a query with a phrase anywhere', () => {
    assert.equal(hasPhrase(parseSearchQuery("'a' & !( 'b' <-> 'c' )") as never), true);
    assert.equal(hasPhrase(parseSearchQuery("'a' & !'b' | 'c'") as never), false);
  });
});
