// A text search query as PostgreSQL made it (`to_search_query(locale, q)::text`, ADR 004), read back into
// a tree that the practice search index evaluates against each translation's lexemes (ADR 016). The words
// are stemmed and normalised by PostgreSQL, never here, so a practice matches in the process exactly when
// `search @@ query` holds in the database.
//
// websearch_to_tsquery writes lexemes in quotes ('citi', with ' and \ doubled) joined by ! (not), <->
// (followed by, for quoted phrases and hyphenated words), & and |, in that order of precedence, with
// parentheses where needed. Weights (`:A`) and prefixes (`:*`) never come out of it; a query that has
// them is not read (null), and the caller asks PostgreSQL instead.

export type QueryNode =
  | { kind: 'word'; lexeme: string }
  | { kind: 'not'; of: QueryNode }
  | { kind: 'and' | 'or'; left: QueryNode; right: QueryNode }
  /** `left <N> right`: right follows left at distance N. Positions are not kept in the process. */
  | { kind: 'phrase'; left: QueryNode; right: QueryNode };

type Token = { op: '!' | '&' | '|' | '<->' | '(' | ')' } | { word: string };

function tokens(text: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ') {
      i++;
    } else if (c === "'") {
      let word = '';
      i++;
      for (;;) {
        if (i >= text.length) return null;
        const d = text[i] as string;
        if ((d === "'" || d === '\\') && text[i + 1] === d) {
          word += d;
          i += 2;
        } else if (d === "'") {
          i++;
          break;
        } else {
          word += d;
          i++;
        }
      }
      if (text[i] === ':') return null;
      out.push({ word });
    } else if (c === '<') {
      const end = text.indexOf('>', i);
      if (end < 0 || !/^<(-|\d+)>$/.test(text.slice(i, end + 1))) return null;
      out.push({ op: '<->' });
      i = end + 1;
    } else if (c === '!' || c === '&' || c === '|' || c === '(' || c === ')') {
      out.push({ op: c });
      i++;
    } else {
      return null;
    }
  }
  return out;
}

/** The tree of a tsquery's text; `null` for an empty query (stop words only) or one this reader does not know. */
export function parseSearchQuery(text: string): QueryNode | null {
  const list = tokens(text);
  if (!list?.length) return null;
  let at = 0;
  const peek = (op: string) => {
    const t = list[at];
    return t !== undefined && 'op' in t && t.op === op;
  };
  // Precedence, loosest first: |, &, <->, then ! and parentheses.
  const binary = (kind: 'or' | 'and' | 'phrase', op: string, next: () => QueryNode): (() => QueryNode) => {
    return () => {
      let left = next();
      while (peek(op)) {
        at++;
        left = { kind, left, right: next() };
      }
      return left;
    };
  };
  const unary = (): QueryNode => {
    const t = list[at++];
    if (t === undefined) throw new SyntaxError('query ends early');
    if ('word' in t) return { kind: 'word', lexeme: t.word };
    if (t.op === '!') return { kind: 'not', of: unary() };
    if (t.op === '(') {
      const inner = or();
      if (!peek(')')) throw new SyntaxError('unclosed parenthesis');
      at++;
      return inner;
    }
    throw new SyntaxError(`unexpected ${t.op}`);
  };
  const phrase = binary('phrase', '<->', unary);
  const and = binary('and', '&', phrase);
  const or = binary('or', '|', and);
  try {
    const tree = or();
    return at === list.length ? tree : null;
  } catch {
    return null;
  }
}

type Tree = { kind: string; of?: Tree; left?: Tree; right?: Tree };

/** Whether a query (read or compiled) has a phrase anywhere. */
export function hasPhrase(node: Tree): boolean {
  if (node.kind === 'phrase') return true;
  return [node.of, node.left, node.right].some((child) => child !== undefined && hasPhrase(child));
}

/** A query's words turned into the index's lexeme numbers (-1: a word no practice has). */
export type CompiledQuery =
  | { kind: 'word'; id: number }
  | { kind: 'not'; of: CompiledQuery }
  | { kind: 'and' | 'or' | 'phrase'; left: CompiledQuery; right: CompiledQuery };

export function compileQuery(node: QueryNode, idOf: (lexeme: string) => number): CompiledQuery {
  switch (node.kind) {
    case 'word':
      return { kind: 'word', id: idOf(node.lexeme) };
    case 'not':
      return { kind: 'not', of: compileQuery(node.of, idOf) };
    default:
      return { kind: node.kind, left: compileQuery(node.left, idOf), right: compileQuery(node.right, idOf) };
  }
}

/** Whether the sorted lexeme numbers `doc` hold `id`. */
export function holds(doc: Int32Array, id: number): boolean {
  return positionOf(doc, id) >= 0;
}

/** Where the sorted lexeme numbers `doc` hold `id`, or -1. */
export function positionOf(doc: Int32Array, id: number): number {
  let low = 0;
  let high = doc.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const v = doc[mid] as number;
    if (v === id) return mid;
    if (v < id) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
