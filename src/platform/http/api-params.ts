import type { Context } from 'hono';
import { z } from 'zod';
import { ISO_639_1 } from '../i18n/language-codes.ts';
import { LOCALES } from '../i18n/locales.ts';
import { isRepeated } from './openapi.ts';
import { badRequest, type InvalidParam, invalidParamsOf } from './problem.ts';

// The JSON API reads its parameters strictly (the HTML pages stay lenient, query-params.ts): a value
// out of range or unknown answers 400 naming it, instead of a result that silently ignored it.

/** The parameters several endpoints share; each endpoint's query schema picks and describes them. */
export const apiParam = {
  lang: z.enum(LOCALES).default('en'),
  page: z.coerce.number().int().min(1).max(500).default(1),
  words: z.string().trim().max(200).default(''),
  slug: z.string().regex(/^[a-z0-9-]{1,60}$/, 'not a slug (a-z, 0-9 and -)'),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'not an ISO 3166-1 alpha-2 code')
    .transform((code) => code.toUpperCase()),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, { error: 'not an ISO 639-1 code', abort: true })
    .refine((code) => ISO_639_1.has(code), 'not an ISO 639-1 code'),
  /** A repeatable key (?theme=a&theme=b, OR within the key): at most 20 values. */
  list: <T extends z.ZodType>(item: T) => z.array(item).max(20).default([]),
};

type QuerySchema = z.ZodObject<Record<string, z.ZodType>>;

/** A set of known values (taxonomy slugs, country codes): a Set or a Map's keys. */
export type Lookup = { has(value: string): boolean };

/**
 * Values that must exist in the database (a theme, a country): how to load what exists, and which
 * lookup each key is checked against. Loaded only when one of the keys is given.
 */
export type KnownValues<T> = {
  load: () => Promise<T>;
  keys: Record<string, (loaded: T) => Lookup>;
  /** What a key's values are, for the reason ("unknown theme"); the key itself by default. */
  labels?: Record<string, string>;
};

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

const repeatedKeys = new WeakMap<QuerySchema, Set<string>>();
function repeatedKeysOf(schema: QuerySchema): Set<string> {
  let keys = repeatedKeys.get(schema);
  if (!keys) {
    keys = new Set(Object.entries(schema.shape).flatMap(([key, field]) => (isRepeated(field) ? [key] : [])));
    repeatedKeys.set(schema, keys);
  }
  return keys;
}

/**
 * Reads the query string against `schema`: a repeated key (`?theme=a&theme=b`) as a list, a key given
 * twice that is not a list is an error, an empty value (`?page=`) counts as absent. Keys the schema
 * does not name are ignored (cache busters, tracking tags).
 */
export async function parseQuery<S extends QuerySchema, T>(c: Context, schema: S, known?: KnownValues<T>): Promise<Parsed<z.output<S>>> {
  const url = new URL(c.req.url);
  const repeated = repeatedKeysOf(schema);
  const raw: Record<string, string | string[]> = {};
  const invalid: InvalidParam[] = [];
  for (const key of Object.keys(schema.shape)) {
    const values = url.searchParams.getAll(key).filter((v) => v !== '');
    if (repeated.has(key)) raw[key] = values;
    else if (values.length > 1) invalid.push({ name: key, in: 'query', reason: 'given more than once' });
    else if (values[0] !== undefined) raw[key] = values[0];
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) invalid.push(...invalidParamsOf(parsed.error.issues, 'query', raw));
  if (invalid.length > 0 || !parsed.success) return { ok: false, response: badRequest(c, invalid) };
  const unknown = known ? await unknownValues(parsed.data, known, 'query') : [];
  if (unknown.length > 0) return { ok: false, response: badRequest(c, unknown) };
  return { ok: true, data: parsed.data };
}

/** Reads a JSON body against `schema`, with the same answers as parseQuery. */
export async function parseJsonBody<S extends z.ZodType, T>(c: Context, schema: S, known?: KnownValues<T>): Promise<Parsed<z.output<S>>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return { ok: false, response: badRequest(c, [{ name: 'body', in: 'body', reason: 'not JSON' }], 'The request body is not JSON.') };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { ok: false, response: badRequest(c, invalidParamsOf(parsed.error.issues, 'body', body)) };
  const unknown = known ? await unknownValues(parsed.data as Record<string, unknown>, known, 'body') : [];
  if (unknown.length > 0) return { ok: false, response: badRequest(c, unknown) };
  return { ok: true, data: parsed.data };
}

async function unknownValues<T>(data: Record<string, unknown>, known: KnownValues<T>, where: 'query' | 'body'): Promise<InvalidParam[]> {
  const given = (key: string): string[] => {
    const value = data[key];
    return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
  };
  const keys = Object.keys(known.keys).filter((key) => given(key).length > 0);
  if (keys.length === 0) return [];
  const loaded = await known.load();
  return keys.flatMap((key) => {
    const lookup = known.keys[key]?.(loaded);
    return given(key).flatMap((value, i) => {
      if (lookup?.has(value)) return [];
      const name = where === 'body' && Array.isArray(data[key]) ? `${key}.${i}` : key;
      return [{ name, in: where, reason: `${JSON.stringify(value)}: unknown ${known.labels?.[key] ?? key}` }];
    });
  });
}
