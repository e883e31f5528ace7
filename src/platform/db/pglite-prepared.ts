import type { PGlite } from '@electric-sql/pglite';
import { preparedName } from './prepared.ts';

// Statements marked `prepared` (prepared.ts) on PGlite. Its query API has no named statements, and SQL's
// EXECUTE takes no bind parameters, so each marked statement is prepared once per database with PREPARE
// and then run with EXECUTE, its parameters written as literals of the types PREPARE inferred. PGlite
// runs all statements one after another on one thread (ADR 017), so the planning this spares is time
// every other statement waits: 0.8 of 1.5 ms for the practice list's page statement at 20,000
// practices (docs/performance.md). Driver plumbing like the
// dialect's own `begin`, so it writes SQL outside a `*.queries.ts` (docs/code-style.md).
//
// A statement runs as before, unprepared, when a parameter cannot be written exactly (bytes, JSON,
// objects, NaN, text with a NUL), when PREPARE refuses it, and when it would first be prepared inside a
// transaction (a refused PREPARE there would abort the transaction).

type Query = PGlite['query'];

/** SQL error codes after which the name is forgotten and the statement runs unprepared. */
const STALE = new Set(['26000', '0A000']); // no such prepared statement; cached plan must not change result type

/**
 * `value` as a literal of the parameter type `type` (`text`, `integer[]`, …), or undefined when there is
 * none that PostgreSQL reads back exactly. E'' strings, so `standard_conforming_strings` does not matter.
 */
export function literalOf(value: unknown, type: string): string | undefined {
  if (value === null || value === undefined) return 'null';
  if (type === 'bytea' || type === 'json' || type === 'jsonb') return undefined;
  if (type.endsWith('[]')) {
    if (!Array.isArray(value)) return typeof value === 'string' ? escaped(value) : undefined;
    const elements = value.map(arrayElement);
    return elements.every((e) => e !== undefined) ? escaped(`{${elements.join(',')}}`) : undefined;
  }
  if (typeof value === 'string') return escaped(value);
  if (typeof value === 'number') return Number.isFinite(value) ? escaped(String(value)) : undefined;
  if (typeof value === 'bigint' || typeof value === 'boolean') return escaped(String(value));
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : escaped(value.toISOString());
  return undefined;
}

function escaped(text: string): string | undefined {
  return text.includes('\0') ? undefined : `E'${text.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/** One element of an array literal: numbers bare, text in double quotes with `"` and `\` escaped. */
function arrayElement(value: unknown): string | undefined {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'string') return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  return undefined;
}

const codeOf = (error: unknown) => (error as { code?: string } | null)?.code;

/** Makes `client.query` prepare marked statements (called before anything else wraps it). */
export function prepareMarkedStatements(client: Pick<PGlite, 'query' | 'isInTransaction'>): void {
  const query = client.query.bind(client) as Query;
  /** Each prepared statement's parameter types, by name (quoted: the names are case-sensitive and hold `-`). */
  const prepared = new Map<string, string[]>();
  const refused = new Set<string>();
  const prepare = async (name: string, text: string): Promise<string[] | undefined> => {
    try {
      await query(`prepare "${name}" as ${text}`);
    } catch (error) {
      if (codeOf(error) !== '42P05') {
        refused.add(name);
        return undefined;
      }
    }
    const found = await query<{ types: string[] }>('select parameter_types::text[] as types from pg_prepared_statements where name = $1', [
      name,
    ]);
    const types = found.rows[0]?.types ?? [];
    prepared.set(name, types);
    return types;
  };
  client.query = (async (text: string, params?: unknown[], options?: unknown) => {
    const plain = () => query(text, params, options as never);
    const name = preparedName(text);
    if (!name || refused.has(name)) return plain();
    const types = prepared.get(name) ?? (client.isInTransaction() ? undefined : await prepare(name, text));
    const literals = types && (params ?? []).map((value, i) => literalOf(value, types[i] ?? 'unknown'));
    if (!literals || literals.length !== types.length || literals.some((l) => l === undefined)) return plain();
    try {
      return await query(`execute "${name}"${literals.length ? `(${literals.join(', ')})` : ''}`, undefined, options as never);
    } catch (error) {
      if (!STALE.has(codeOf(error) ?? '')) throw error;
      prepared.delete(name);
      await query(`deallocate "${name}"`).catch(() => undefined);
      return plain();
    }
  }) as Query;
}
