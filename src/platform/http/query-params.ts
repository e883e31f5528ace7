import { z } from 'zod';
import { ISO_639_1 } from '../i18n/language-codes.ts';
import type { KnownValues, Lookup } from './api-params.ts';

// Query strings of the HTML search pages are read leniently: a value that is malformed, out of range or
// unknown is dropped and the rest still applies, so an old, shared or hand-edited link never breaks a
// page; the page names the parameters it ignored, so nobody takes the list for what they asked.
// (The JSON API answers such a value with a 400 instead: api-params.ts.)

/** A parameter given once (?page=2): its value when valid, else `fallback`. */
export type SingleParam<T> = { list: false; schema: z.ZodType<T>; fallback: T };
/** A repeatable parameter (?theme=a&theme=b): the values that are valid, at most 20. */
export type RepeatedParam<T> = { list: true; item: z.ZodType<T> };

export const single = <T>(schema: z.ZodType<T>, fallback: NoInfer<T>): SingleParam<T> => ({ list: false, schema, fallback });
export const repeated = <T>(item: z.ZodType<T>): RepeatedParam<T> => ({ list: true, item });

const LIST_MAX = 20;

type Fields = Record<string, SingleParam<unknown> | RepeatedParam<unknown>>;
export type ParamsOf<F extends Fields> = {
  [K in keyof F]: F[K] extends RepeatedParam<infer T> ? T[] : F[K] extends SingleParam<infer T> ? T : never;
};

/** What a page read from its query string, and the parameters it ignored (in the order of its fields). */
export type LenientRead<P> = { params: P; ignored: string[] };

export type LenientQuery<P> = {
  /** Reads a page's query string. */
  read: (url: URL) => LenientRead<P>;
  /** The same over values already split by key (tests, services called with plain objects). */
  parse: (raw: Record<string, unknown>) => P;
};

/**
 * A page's query string as fields read one by one, so a bad value drops only itself. An empty value
 * (`?kind=`, what a form's "any" choice sends) counts as not given; a single parameter given twice
 * takes the first.
 */
export function lenientQuery<F extends Fields>(fields: F): LenientQuery<ParamsOf<F>> {
  const readValues = (valuesOf: (key: string) => unknown[]): LenientRead<ParamsOf<F>> => {
    const params: Record<string, unknown> = {};
    const ignored: string[] = [];
    for (const [key, field] of Object.entries(fields)) {
      const given = valuesOf(key).filter((v) => v !== '' && v !== undefined && v !== null);
      if (field.list) {
        const valid = given.flatMap((v) => {
          const parsed = field.item.safeParse(v);
          return parsed.success ? [parsed.data] : [];
        });
        if (valid.length < given.length || valid.length > LIST_MAX) ignored.push(key);
        params[key] = valid.slice(0, LIST_MAX);
      } else {
        const parsed = given.length > 0 ? field.schema.safeParse(given[0]) : undefined;
        if (parsed && !parsed.success) ignored.push(key);
        params[key] = parsed?.success ? parsed.data : field.fallback;
      }
    }
    return { params: params as ParamsOf<F>, ignored };
  };
  return {
    read: (url) => readValues((key) => url.searchParams.getAll(key)),
    parse: (raw) => readValues((key) => (Array.isArray(raw[key]) ? raw[key] : [raw[key]])).params,
  };
}

/**
 * Drops values that are well-formed but do not exist (a theme nobody defined, a region of another
 * network), checking each key against its lookup, and names their keys as ignored.
 */
export function dropUnknown<P extends Record<string, unknown>>(
  read: LenientRead<P>,
  lookups: Record<string, Lookup | undefined>,
): LenientRead<P> {
  const params: Record<string, unknown> = { ...read.params };
  const ignored = new Set(read.ignored);
  for (const [key, lookup] of Object.entries(lookups)) {
    const values = read.params[key];
    if (!lookup || !Array.isArray(values)) continue;
    const kept = values.filter((v) => lookup.has(String(v)));
    if (kept.length < values.length) ignored.add(key);
    params[key] = kept;
  }
  return { params: params as P, ignored: Object.keys(read.params).filter((key) => ignored.has(key)) };
}

/** dropUnknown with what exists loaded only when one of the keys is given (most visits filter nothing). */
export async function keepKnown<P extends Record<string, unknown>, T>(
  read: LenientRead<P>,
  known: KnownValues<T>,
): Promise<LenientRead<P>> {
  const keys = Object.keys(known.keys).filter((key) => {
    const values = read.params[key];
    return Array.isArray(values) && values.length > 0;
  });
  if (keys.length === 0) return read;
  const loaded = await known.load();
  return dropUnknown(read, Object.fromEntries(keys.map((key) => [key, known.keys[key]?.(loaded)])));
}

/** A taxonomy slug. */
export const slugParam = z.string().regex(/^[a-z0-9-]{1,60}$/);
/** An ISO 3166-1 alpha-2 code, in either case (read as upper case). */
export const countryParam = z
  .string()
  .regex(/^[A-Za-z]{2}$/)
  .transform((c) => c.toUpperCase());
/** An ISO 639-1 language code. */
export const languageParam = z
  .string()
  .regex(/^[a-z]{2}$/)
  .refine((code) => ISO_639_1.has(code));
/** A 1-based page of a list. */
export const pageParam = single(z.coerce.number().int().min(1).max(500), 1);
/** The words of a search, at most 200 characters. */
export const wordsParam = single(z.string().trim().max(200), '');
