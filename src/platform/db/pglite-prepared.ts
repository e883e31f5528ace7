import type { PGlite } from '@electric-sql/pglite';
import { preparedName } from './prepared.ts';

// Statements marked `prepared` (prepared.ts) on PGlite. Its query API has no named statements, so each
// marked statement is prepared once per database with SQL's PREPARE and then run with EXECUTE, its
// parameters written as quoted literals that PostgreSQL converts to the types PREPARE inferred. PGlite
// runs in the app's own thread, so the planning this spares is the app's time: 0.8 of 1.5 ms for the
// practice list's page statement at 20,000 practices (docs/performance.md). A statement whose parameters
// cannot be written as literals (bytes, objects) runs as before, and so does one PREPARE refused.

type Query = PGlite['query'];

/** A parameter as SQL text PostgreSQL reads back exactly, or undefined when there is none such. */
export function literalOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value.includes('\0') ? undefined : quoted(value);
  if (typeof value === 'number') return Number.isFinite(value) ? quoted(String(value)) : undefined;
  if (typeof value === 'bigint' || typeof value === 'boolean') return quoted(String(value));
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : quoted(value.toISOString());
  if (Array.isArray(value)) {
    const elements = value.map(arrayElement);
    return elements.every((e) => e !== undefined) ? quoted(`{${elements.join(',')}}`) : undefined;
  }
  return undefined;
}

/** standard_conforming_strings (on since PostgreSQL 9.1, and in PGlite): only a quote is special. */
const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** One element of an array literal: numbers bare, text in double quotes with `"` and `\` escaped. */
function arrayElement(value: unknown): string | undefined {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'string' && !value.includes('\0')) return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  return undefined;
}

/** Makes `client.query` prepare marked statements (called before anything else wraps it). */
export function prepareMarkedStatements(client: PGlite): void {
  const query = client.query.bind(client) as Query;
  const prepared = new Set<string>();
  const refused = new Set<string>();
  client.query = (async (text: string, params?: unknown[], options?: unknown) => {
    const name = preparedName(text);
    const literals = name && !refused.has(name) ? (params ?? []).map(literalOf) : null;
    if (!name || !literals || literals.some((l) => l === undefined)) return query(text, params, options as never);
    if (!prepared.has(name)) {
      try {
        await query(`prepare ${name} as ${text}`);
        prepared.add(name);
      } catch {
        refused.add(name);
        return query(text, params, options as never);
      }
    }
    return query(`execute ${name}${literals.length ? `(${literals.join(', ')})` : ''}`, undefined, options as never);
  }) as Query;
}
